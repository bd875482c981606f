// The case page's action panel: one button per command the server says is legal now
// (`availableCommands`), each opening its own form. Sends `act` with the version the page shows;
// the server's Chinese message is shown inline, and a CONFLICT reloads the case.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, Textarea, Input, View } from '@tarojs/components';
import type { CommandInput, StaffCase } from '@/contracts/requests';
import { TABLE3_OUTCOME_GROUPS, type OutcomeKey } from '@/domain/report/tables';
import { COMMAND_LABELS, type CommandType } from '@/domain/requests/workflow';
import { FEE_PAYMENT_WORKING_DAYS, feePerApplication, feePerPage } from '@/domain/requests/fees';
import { ApiCallError, call } from '@/services/api';
import { errorText } from '../shared';

/** Outcome groups as Table 3 prints them: （一）（二） are single rows, （三）…（六） have reasons. */
const OUTCOME_GROUPS: Array<{ key: string; label: string; rows: ReadonlyArray<{ key: OutcomeKey; label: string }> }> = [
  { key: 'granted', label: '（一）予以公开', rows: [{ key: 'granted', label: '予以公开' }] },
  { key: 'partial', label: '（二）部分公开', rows: [{ key: 'partial', label: '部分公开' }] },
  ...TABLE3_OUTCOME_GROUPS.map((group) => ({ key: group.key, label: group.label, rows: group.rows })),
];

function locateOutcome(outcome: string | undefined): { group: number; row: number } {
  for (const [group, entry] of OUTCOME_GROUPS.entries()) {
    const row = entry.rows.findIndex((r) => r.key === outcome);
    if (row >= 0) return { group, row };
  }
  return { group: -1, row: -1 };
}

/** What was done, in words (a decision says which way it went). */
function doneLabel(command: CommandInput): string {
  if (command.type === 'decideExtension') return command.approve ? '批准延期' : '不批准延期';
  if (command.type === 'decideReply') return command.approve ? '签发答复书' : '退回答复书修改';
  return COMMAND_LABELS[command.type];
}

type FeeBasis = 'perApplication' | 'perPage';

/** The two tariffs of 国办函〔2020〕109号 (one or the other, never both), with what the count means. */
const FEE_BASES: Record<FeeBasis, { label: string; count: string; tariff: string; suggest: (count: number) => number }> = {
  perApplication: {
    label: '按件计收',
    count: '该申请人本自然月内的第几件申请',
    tariff: '按件：同一申请人一个自然月内第 1–10 件免费，第 11–30 件每件 100 元，第 31 件起每 10 件为一档，每高一档每件加收 100 元。',
    suggest: feePerApplication,
  },
  perPage: {
    label: '按量计收',
    count: '答复材料的页数',
    tariff: '按量：30 页以内免费，第 31–100 页每页 10 元，第 101–200 页每页 20 元，超过 200 页的部分每页 40 元。',
    suggest: feePerPage,
  },
};

/** The tariff's amount for a typed count, or undefined while the count is not a whole number the tariff accepts. */
function suggestedFee(basis: FeeBasis, count: string): number | undefined {
  const trimmed = count.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  if (basis === 'perApplication' && n < 1) return undefined;
  return FEE_BASES[basis].suggest(n);
}

interface Confirm {
  title: string;
  content: string;
  confirmText: string;
}

/** NOTE: Taro's Input and Textarea cut text at 140 characters unless `maxlength` is set. */
function TextBox({ id, label, value, onInput, placeholder, maxlength, letter, hint }: { id: string; label: string; value: string; onInput: (value: string) => void; placeholder?: string; maxlength: number; letter?: boolean; hint?: string }) {
  return (
    <View>
      <Text className='st-form-label' id={`${id}-label`}>
        {label}
      </Text>
      {hint ? <Text className='st-form-hint muted'>{hint}</Text> : null}
      <Textarea
        id={id}
        className={letter ? 'st-textarea st-textarea-letter' : 'st-textarea'}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-labelledby={`${id}-label`}
        onInput={(event) => onInput(event.detail.value)}
      />
    </View>
  );
}

export function ActionPanel({ kase, onDone, onConflict }: { kase: StaffCase; onDone: (next: StaffCase, label: string) => void; onConflict: () => void }) {
  const [open, setOpen] = useState<CommandType>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  // Form fields (kept across a CONFLICT reload so typed text is not lost).
  const [items, setItems] = useState('');
  const [answer, setAnswer] = useState('');
  const [party, setParty] = useState('');
  const [consultKind, setConsultKind] = useState<'thirdParty' | 'agency'>('thirdParty');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const initial = locateOutcome(kase.draft?.outcome);
  const [groupIndex, setGroupIndex] = useState(initial.group);
  const [rowIndex, setRowIndex] = useState(initial.row);
  const [letter, setLetter] = useState(kase.draft?.text ?? '');
  const [template, setTemplate] = useState(kase.draft?.text ?? '');
  const [loadingTemplate, setLoadingTemplate] = useState(false);
  const [feeBasis, setFeeBasis] = useState<FeeBasis>('perPage');
  const [feeCount, setFeeCount] = useState('');
  const [feeAmount, setFeeAmount] = useState('');

  const commands = kase.availableCommands.filter((type): type is CommandType => type in COMMAND_LABELS);
  const current = open && commands.includes(open) ? open : undefined;
  const group = OUTCOME_GROUPS[groupIndex];
  const outcome = group?.rows[group.rows.length === 1 ? 0 : rowIndex]?.key;

  function toggle(type: CommandType) {
    setError(undefined);
    setOpen(current === type ? undefined : type);
  }

  async function send(command: CommandInput, confirm?: Confirm) {
    if (sending) return;
    setError(undefined);
    if (confirm) {
      const answer = await Taro.showModal({ title: confirm.title, content: confirm.content, confirmText: confirm.confirmText, confirmColor: '#b71c1c', cancelText: '取消' });
      if (!answer.confirm) return;
    }
    setSending(true);
    try {
      const next = await call('requests', 'act', { id: kase.id, expectedVersion: kase.version, command });
      setOpen(undefined);
      setItems('');
      setAnswer('');
      setParty('');
      setReason('');
      setNote('');
      setFeeCount('');
      setFeeAmount('');
      onDone(next, doneLabel(command));
    } catch (cause) {
      const issues = cause instanceof ApiCallError ? cause.issues.map((issue) => issue.message).filter((m, i, all) => all.indexOf(m) === i) : [];
      const message = errorText(cause);
      setError(issues.length > 1 ? `${message}（${issues.join('；')}）` : message);
      if (cause instanceof ApiCallError && cause.code === 'CONFLICT') onConflict();
    } finally {
      setSending(false);
    }
  }

  async function chooseOutcome(nextGroup: number, nextRow: number) {
    setGroupIndex(nextGroup);
    setRowIndex(nextRow);
    const entry = OUTCOME_GROUPS[nextGroup];
    const key = entry?.rows[entry.rows.length === 1 ? 0 : nextRow]?.key;
    if (!key) return;
    if (letter.trim() && letter !== template) {
      const answer = await Taro.showModal({ title: '替换答复书正文？', content: '已修改的正文将被所选答复类型的模板替换。', confirmText: '替换', cancelText: '保留正文' });
      if (!answer.confirm) return;
    }
    setLoadingTemplate(true);
    setError(undefined);
    try {
      const filled = await call('requests', 'replyTemplate', { id: kase.id, outcome: key });
      setLetter(filled.text);
      setTemplate(filled.text);
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setLoadingTemplate(false);
    }
  }

  /** A new count or basis refills the amount with the tariff's figure (the clerk may still edit it). */
  function chooseFee(basis: FeeBasis, count: string) {
    setFeeBasis(basis);
    setFeeCount(count);
    const suggested = suggestedFee(basis, count);
    if (suggested !== undefined) setFeeAmount(String(suggested));
  }

  function sendFeeNotice() {
    const amount = feeAmount.trim();
    if (!/^\d+$/.test(amount)) return setError('请填写收费金额（整数，单位：元）');
    if (Number(amount) === 0) return setError('收费金额为 0 元的，不收取信息处理费，无需发出缴费通知');
    void send({ type: 'noticeFee', basis: feeBasis, amount: Number(amount) });
  }

  const buttonClass = (secondary = false) => `button${secondary ? ' button-secondary' : ''}${sending ? ' st-button-disabled' : ''}`;
  // A plain function, not a component: the buttons keep their identity across renders.
  const submit = ({ label, onClick, id = 'action-submit', secondary }: { label: string; onClick: () => void; id?: string; secondary?: boolean }) => (
    <View key={id} className={buttonClass(secondary)} id={id} role='button' aria-disabled={sending} onClick={sending ? undefined : onClick}>
      {sending ? '正在提交…' : label}
    </View>
  );

  function form(type: CommandType) {
    switch (type) {
      case 'accept':
        return (
          <>
            <Text className='st-form-hint muted'>申请内容明确、要素齐全的，审核通过后转入办理；答复期限自收到申请之日起计算。</Text>
            {submit({ label: '审核通过，转入办理', onClick: () => void send({ type: 'accept' }) })}
          </>
        );
      case 'requestCorrection': {
        const list = items.split('\n').map((line) => line.trim()).filter(Boolean);
        return (
          <>
            <Text className='st-form-hint' id='correction-explain'>
              须一次性告知全部补正事项（条例第三十条）：本申请只能要求补正一次，告知后不能再追加。补正告知须在收到申请之日起 7 个工作日内作出。
            </Text>
            <TextBox id='correction-items' label='需要补正的事项（每行一项）' value={items} onInput={setItems} maxlength={10000} placeholder={'例如：\n请写明所需信息的文号或项目名称\n请提供身份证明复印件'} />
            <Text className='muted st-form-hint'>共 {list.length} 项</Text>
            {submit({ label: '一次性告知补正', onClick: () => (list.length === 0 ? setError('请列明需要补正的事项，每行一项') : void send({ type: 'requestCorrection', items: list })) })}
          </>
        );
      }
      case 'submitCorrection':
        return (
          <>
            <Text className='st-form-hint muted'>申请人以信函、当面等方式提交补正的，由受理员代为录入；答复期限自收到补正之日起重新计算。</Text>
            <TextBox id='correction-answer' label='补正内容' value={answer} onInput={setAnswer} maxlength={5000} />
            {submit({ label: '录入补正材料', onClick: () => void send({ type: 'submitCorrection', answer }) })}
          </>
        );
      case 'abandonForNoCorrection':
        return (
          <>
            <Text className='st-form-hint'>申请人无正当理由逾期不补正的，视为放弃申请，本机关不再处理（条例第三十条）。此操作不可撤销。</Text>
            {submit({ label: '终止办理', id: 'abandon-confirm', onClick: () => void send({ type: 'abandonForNoCorrection' }, { title: '终止办理？', content: '确认申请人逾期未补正，终止办理本申请。此操作不可撤销。', confirmText: '终止' }) })}
          </>
        );
      case 'startConsultation':
        return (
          <>
            <Text className='st-form-hint muted'>征求第三方或其他机关意见所需时间不计入答复期限；被征求方应在 15 个工作日内提出意见（条例第三十二条、第三十四条）。</Text>
            <Text className='st-form-label' id='consult-party-label'>
              被征求意见方
            </Text>
            <Input id='consult-party' className='st-input' value={party} maxlength={100} placeholder='单位或个人名称' aria-labelledby='consult-party-label' onInput={(event) => setParty(event.detail.value)} />
            <Text className='st-form-label' id='consult-kind-label'>
              类别
            </Text>
            <View className='st-choice-row' role='radiogroup' aria-labelledby='consult-kind-label'>
              {(
                [
                  ['thirdParty', '第三方'],
                  ['agency', '其他机关'],
                ] as const
              ).map(([kind, label]) => (
                <View key={kind} id={`consult-kind-${kind}`} className={consultKind === kind ? 'st-choice st-selected' : 'st-choice'} role='radio' aria-checked={consultKind === kind} onClick={() => setConsultKind(kind)}>
                  {consultKind === kind ? '● ' : '○ '}
                  {label}
                </View>
              ))}
            </View>
            {submit({ label: '开始征求意见（期限中止）', onClick: () => void send({ type: 'startConsultation', party, kind: consultKind }) })}
          </>
        );
      case 'endConsultation':
        return (
          <>
            <Text className='st-form-hint muted'>收到被征求方意见（或期满未答复）后，恢复计算答复期限。</Text>
            {submit({ label: '收到意见，恢复计算期限', onClick: () => void send({ type: 'endConsultation' }) })}
          </>
        );
      case 'requestExtension':
        return (
          <>
            <Text className='st-form-hint muted'>答复期限只能延长一次，最长 20 个工作日，须经审核人批准并告知申请人（条例第三十三条）。</Text>
            <TextBox id='extension-reason' label='延期理由' value={reason} onInput={setReason} maxlength={500} />
            {submit({ label: '提交延期申请', onClick: () => void send({ type: 'requestExtension', reason }) })}
          </>
        );
      case 'decideExtension':
        return (
          <>
            <Text className='st-form-hint'>延期理由：{kase.extension?.reason ?? '—'}</Text>
            <TextBox id='extension-note' label='审批意见（可选）' value={note} onInput={setNote} maxlength={500} />
            <View className='st-button-row'>
              {submit({ label: '批准', id: 'extension-approve', onClick: () => void send({ type: 'decideExtension', approve: true, ...(note.trim() ? { note } : {}) }) })}
              {submit({ label: '不批准', id: 'extension-reject', secondary: true, onClick: () => void send({ type: 'decideExtension', approve: false, ...(note.trim() ? { note } : {}) }) })}
            </View>
          </>
        );
      case 'draftReply':
        return (
          <>
            {kase.draft?.returnedNote ? <Text className='st-returned-note'>审核人退回意见：{kase.draft.returnedNote}</Text> : null}
            <Text className='st-form-label' id='outcome-group-label'>
              答复类型（与年度报告表三的行一一对应）
            </Text>
            <Picker mode='selector' id='outcome-group' range={OUTCOME_GROUPS.map((g) => g.label)} value={Math.max(0, groupIndex)} onChange={(event) => void chooseOutcome(Number(event.detail.value), 0)}>
              <View className='row tap st-picker-row' role='button' aria-labelledby='outcome-group-label'>
                <Text>{group?.label ?? '请选择答复类型'}</Text>
                <Text className='st-picker-value'>▾</Text>
              </View>
            </Picker>
            {group && group.rows.length > 1 ? (
              <>
                <Text className='st-form-label' id='outcome-row-label'>
                  具体情形
                </Text>
                <Picker mode='selector' id='outcome-row' range={group.rows.map((r) => r.label)} value={Math.max(0, rowIndex)} onChange={(event) => void chooseOutcome(groupIndex, Number(event.detail.value))}>
                  <View className='row tap st-picker-row' role='button' aria-labelledby='outcome-row-label'>
                    <Text>{group.rows[rowIndex]?.label ?? '请选择'}</Text>
                    <Text className='st-picker-value'>▾</Text>
                  </View>
                </Picker>
              </>
            ) : null}
            {loadingTemplate ? <Text className='muted st-form-hint'>正在载入答复书模板…</Text> : null}
            <TextBox id='reply-text' label='答复书正文（可编辑）' value={letter} onInput={setLetter} maxlength={20000} letter hint='选择答复类型后自动填入模板，请补全【】中的内容。' />
            {submit({ label: '提交审核', onClick: () => {
                if (!outcome) return setError('请选择答复类型');
                if (/【[^】]*】/.test(letter)) return setError('答复书正文中仍有【】待填写的内容，请补全后再提交');
                void send({ type: 'draftReply', outcome, text: letter });
              } })}
          </>
        );
      case 'decideReply':
        return (
          <>
            <Text className='st-form-hint'>
              答复类型：{kase.draft?.outcomeLabel ?? '—'}。签发后答复书即送达申请人，不可撤回；退回修改须写明理由。
            </Text>
            <TextBox id='reply-note' label='审核意见（退回时必填）' value={note} onInput={setNote} maxlength={500} />
            <View className='st-button-row'>
              {submit({ label: '签发', id: 'reply-approve', onClick: () => void send({ type: 'decideReply', approve: true, ...(note.trim() ? { note } : {}) }, { title: '签发答复书？', content: '签发后答复书将送达申请人，不可撤回。', confirmText: '签发' }) })}
              {submit({ label: '退回修改', id: 'reply-return', secondary: true, onClick: () => (note.trim() ? void send({ type: 'decideReply', approve: false, note }) : setError('退回时请填写退回理由')) })}
            </View>
          </>
        );
      case 'withdraw':
        return submit({ label: '撤回申请', onClick: () => void send({ type: 'withdraw' }, { title: '撤回申请？', content: '撤回后本申请终止办理。', confirmText: '撤回' }) });
      case 'noticeFee': {
        const suggested = suggestedFee(feeBasis, feeCount);
        return (
          <>
            <Text className='st-form-hint' id='fee-explain'>
              申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（国办函〔2020〕109号）；按件、按量二者选其一，不得重复收取。申请人应在收到通知次日起 {FEE_PAYMENT_WORKING_DAYS} 个工作日内缴纳，逾期未缴纳的视为放弃申请。
            </Text>
            <Text className='st-form-label' id='fee-basis-label'>
              计收方式
            </Text>
            <View className='st-choice-row' role='radiogroup' aria-labelledby='fee-basis-label'>
              {(['perApplication', 'perPage'] as const).map((basis) => (
                <View key={basis} id={`fee-basis-${basis}`} className={feeBasis === basis ? 'st-choice st-selected' : 'st-choice'} role='radio' aria-checked={feeBasis === basis} onClick={() => chooseFee(basis, feeCount)}>
                  {feeBasis === basis ? '● ' : '○ '}
                  {FEE_BASES[basis].label}
                </View>
              ))}
            </View>
            <Text className='st-form-hint muted' id='fee-tariff'>
              {FEE_BASES[feeBasis].tariff}
            </Text>
            <Text className='st-form-label' id='fee-count-label'>
              {FEE_BASES[feeBasis].count}
            </Text>
            <Input id='fee-count' className='st-input' type='number' value={feeCount} maxlength={6} placeholder='填写整数' aria-labelledby='fee-count-label' onInput={(event) => chooseFee(feeBasis, event.detail.value)} />
            <Text className='st-form-hint muted' id='fee-suggested'>
              {suggested === undefined ? '填写后按标准自动算出应收金额。' : suggested === 0 ? '按标准不收费，无需发出缴费通知。' : `按标准应收 ${suggested} 元。`}
            </Text>
            <Text className='st-form-label' id='fee-amount-label'>
              收费金额（元，整数，可修改）
            </Text>
            <Input id='fee-amount' className='st-input' type='number' value={feeAmount} maxlength={7} placeholder='单位：元' aria-labelledby='fee-amount-label' onInput={(event) => setFeeAmount(event.detail.value)} />
            {submit({ label: '发出缴费通知', onClick: sendFeeNotice })}
          </>
        );
      }
      case 'recordPayment':
        return (
          <>
            <Text className='st-form-hint'>
              申请人已缴纳 {kase.fee?.amount ?? '—'} 元（缴费期限 {kase.fee?.dueBy ?? '—'}）的，确认后恢复办理；缴费期间暂停计算的答复期限自缴费之日起恢复计算。
            </Text>
            {submit({
              label: '确认已缴费',
              id: 'payment-confirm',
              onClick: () => void send({ type: 'recordPayment' }, { title: '确认已缴费？', content: `确认申请人已缴纳信息处理费 ${kase.fee?.amount ?? ''} 元，恢复办理本申请。`, confirmText: '确认' }),
            })}
          </>
        );
      case 'abandonForUnpaidFee':
        return (
          <>
            <Text className='st-form-hint'>
              缴费期限至 {kase.fee?.dueBy ?? '—'}。申请人逾期未缴纳的，视为放弃申请，本机关不再处理，计入年度报告表三（六）其他处理第 2 项。期限届满前不能终止。此操作不可撤销。
            </Text>
            {submit({
              label: '终止办理',
              id: 'fee-abandon-confirm',
              onClick: () => void send({ type: 'abandonForUnpaidFee' }, { title: '终止办理？', content: `确认申请人未在 ${kase.fee?.dueBy ?? ''} 前缴纳信息处理费，终止办理本申请。此操作不可撤销。`, confirmText: '终止' }),
            })}
          </>
        );
      case 'archive':
        return (
          <>
            <Text className='st-form-hint muted'>办结的申请归档后只读，不能再作任何操作（条例第四十五条）。</Text>
            {submit({ label: '归档', id: 'archive-confirm', onClick: () => void send({ type: 'archive' }, { title: '归档？', content: '归档后本申请只读，不能再作任何操作。', confirmText: '归档' }) })}
          </>
        );
    }
  }

  return (
    <View className='card' id='action-panel' aria-label='办理操作'>
      <Text className='card-title'>办理操作</Text>
      {commands.length === 0 ? (
        <Text className='muted' id='no-commands'>
          {kase.state === 'archived' ? '本申请已归档，只读。' : '当前没有您可以执行的操作。'}
        </Text>
      ) : (
        <View className='st-commands'>
          {commands.map((type) => (
            <View key={type} id={`cmd-${type}`} className={current === type ? 'st-command st-active' : 'st-command'} role='button' aria-expanded={current === type} onClick={() => toggle(type)}>
              {COMMAND_LABELS[type]}
            </View>
          ))}
        </View>
      )}
      {current ? (
        <View className='st-action-form' id={`form-${current}`}>
          {form(current)}
        </View>
      ) : null}
      {error ? (
        <View className='st-form-error' id='action-error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}
