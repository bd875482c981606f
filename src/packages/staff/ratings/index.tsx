// 好差评整改: the staff side of 好差评. Bad ratings by their rectification deadline (overdue ones say
// so in words), comments held for moderation and appeals awaiting a second person's review, each with
// its history, the provincial forwarding status and exactly the commands the server offers now
// (`availableCommands`). The server's Chinese message is shown inline; a CONFLICT reloads the list.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import type { ActionInput, ActionOutput } from '@/contracts';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { errorText, isNotStaff, shanghaiDateTime } from '../shared';
import '../staff.css';
import './index.css';

type RatingCase = ActionOutput<'ratings', 'cases'>[number];
type Command = ActionInput<'ratings', 'act'>['command'];
type CommandType = Command['type'];

const COMMAND_LABELS: Record<CommandType, string> = {
  answer: '答复整改情况',
  visit: '回访办结',
  appeal: '申诉（恶意评价）',
  decideAppeal: '复核申诉',
  moderate: '审核评价内容',
};

/** What was done, in words (a decision says which way it went). */
function doneLabel(command: Command): string {
  if (command.type === 'decideAppeal') return command.malicious ? '认定为恶意评价，不计入统计' : '不予认定，继续整改';
  if (command.type === 'moderate') return command.show ? '评价内容审核通过，公开展示' : '评价内容不予展示';
  return COMMAND_LABELS[command.type];
}

function isCommand(type: string): type is CommandType {
  return type in COMMAND_LABELS;
}

function TextBox({ id, label, value, onInput, maxlength, hint, placeholder }: { id: string; label: string; value: string; onInput: (value: string) => void; maxlength: number; hint?: string; placeholder?: string }) {
  return (
    <View>
      <Text className='st-form-label' id={`${id}-label`}>
        {label}
      </Text>
      {hint ? <Text className='st-form-hint muted'>{hint}</Text> : null}
      <Textarea id={id} className='st-textarea' value={value} maxlength={maxlength} placeholder={placeholder} aria-labelledby={`${id}-label`} onInput={(event) => onInput(event.detail.value)} />
    </View>
  );
}

function Tags({ kase }: { kase: RatingCase }) {
  const rect = kase.rectification;
  return (
    <View className='sr-tags'>
      {rect ? (
        <Text className={`sr-tag ${rect.state === 'open' || rect.state === 'appealed' ? 'sr-tag-wait' : 'sr-tag-ok'}`} data-state={rect.state}>
          {rect.stateLabel}
        </Text>
      ) : null}
      {kase.overdueWorkingDays > 0 ? (
        <Text className='sr-tag sr-tag-overdue' data-testid='rating-overdue'>
          {`已超期 ${kase.overdueWorkingDays} 个工作日`}
        </Text>
      ) : null}
      {kase.moderation === 'pending' ? <Text className='sr-tag sr-tag-wait'>评价内容待审核</Text> : null}
      {kase.moderation === 'rejected' ? <Text className='sr-tag'>评价内容不予展示</Text> : null}
    </View>
  );
}

interface CaseProps {
  kase: RatingCase;
  open: CommandType | undefined;
  error: string | undefined;
  onToggle: (type: CommandType) => void;
  onSend: (command: Command, confirm?: { title: string; content: string; confirmText: string }) => Promise<boolean>;
  sending: boolean;
}

function CaseCard({ kase, open, error, onToggle, onSend, sending }: CaseProps) {
  // Typed text stays while the list reloads (e.g. after a CONFLICT).
  const [reply, setReply] = useState('');
  const [visitNote, setVisitNote] = useState('');
  const [appealReason, setAppealReason] = useState('');
  const [decisionReason, setDecisionReason] = useState('');
  const [moderationReason, setModerationReason] = useState('');
  const rect = kase.rectification;
  const commands = kase.availableCommands.filter(isCommand);
  const current = open && commands.includes(open) ? open : undefined;
  const appeal = [...kase.history].reverse().find((entry) => entry.action.startsWith('提出申诉'));

  async function send(command: Command, reset: () => void, confirm?: { title: string; content: string; confirmText: string }) {
    if (await onSend(command, confirm)) reset();
  }

  const button = (id: string, label: string, onClick: () => void, secondary = false) => (
    <View key={id} id={id} className={`button${secondary ? ' button-secondary' : ''}${sending ? ' st-button-disabled' : ''}`} role='button' aria-disabled={sending} onClick={sending ? undefined : onClick}>
      {sending ? '正在提交…' : label}
    </View>
  );

  function form(type: CommandType) {
    switch (type) {
      case 'answer':
        return (
          <>
            <TextBox
              id='rating-answer-text'
              label='核实整改情况及答复'
              hint={`写明核实的情况、整改措施和结果（至少 5 个字）。答复将发送给评价人，并随评价公开。整改答复期限 ${rect?.due ?? ''}。`}
              value={reply}
              onInput={setReply}
              maxlength={2000}
            />
            {button('rating-answer-submit', '提交答复', () => void send({ type: 'answer', reply }, () => setReply('')))}
          </>
        );
      case 'visit':
        return (
          <>
            <TextBox id='rating-visit-note' label='回访记录' hint='记录回访评价人的方式和评价人的意见；回访后本整改事项办结。' value={visitNote} onInput={setVisitNote} maxlength={500} />
            {button('rating-visit-submit', '记录回访并办结', () => void send({ type: 'visit', note: visitNote }, () => setVisitNote('')))}
          </>
        );
      case 'appeal':
        return (
          <>
            <TextBox
              id='rating-appeal-reason'
              label='申诉理由'
              hint='认为属于恶意评价（与办件无关、辱骂、重复刷评等）的，可以申诉，由另一位审核人复核；认定后不计入统计。写明理由（至少 5 个字）。'
              value={appealReason}
              onInput={setAppealReason}
              maxlength={500}
            />
            {button('rating-appeal-submit', '提交申诉', () => void send({ type: 'appeal', reason: appealReason }, () => setAppealReason('')))}
          </>
        );
      case 'decideAppeal':
        return (
          <>
            <Text className='st-form-hint' id='rating-appeal-shown'>{`申诉理由：${appeal?.note ?? '—'}`}</Text>
            <TextBox id='rating-decision-reason' label='复核理由' hint='写明复核的依据（至少 5 个字）。认定为恶意评价的，不计入统计，也不再整改。' value={decisionReason} onInput={setDecisionReason} maxlength={500} />
            <View className='st-button-row'>
              {button('rating-malicious', '认定为恶意评价', () =>
                void send({ type: 'decideAppeal', malicious: true, reason: decisionReason }, () => setDecisionReason(''), { title: '认定为恶意评价？', content: '认定后该评价不计入统计，整改事项终止。', confirmText: '认定' }),
              )}
              {button('rating-not-malicious', '不予认定，继续整改', () => void send({ type: 'decideAppeal', malicious: false, reason: decisionReason }, () => setDecisionReason('')), true)}
            </View>
          </>
        );
      case 'moderate':
        return (
          <>
            <Text className='st-form-hint muted'>内容安全检查提示该评价内容需人工审核（如含联系方式、广告）。审核通过后公开展示；不予展示的，评价本身仍计入统计。</Text>
            <TextBox id='rating-moderation-reason' label='审核说明（可选）' value={moderationReason} onInput={setModerationReason} maxlength={200} />
            <View className='st-button-row'>
              {button('rating-show', '公开展示', () => void send({ type: 'moderate', show: true, ...(moderationReason.trim() ? { reason: moderationReason.trim() } : {}) }, () => setModerationReason('')))}
              {button('rating-reject', '不予展示', () => void send({ type: 'moderate', show: false, ...(moderationReason.trim() ? { reason: moderationReason.trim() } : {}) }, () => setModerationReason('')), true)}
            </View>
          </>
        );
    }
  }

  return (
    <View className='sr-case' data-testid='rating-case' id={`rating-case-${kase.id}`} role='listitem' data-state={rect?.state ?? ''} data-moderation={kase.moderation}>
      <View className='sr-case-head'>
        <Text className={rect ? 'sr-level sr-level-bad' : 'sr-level'}>{`${kase.levelLabel} · ${kase.serviceItemLabel}`}</Text>
        <Text className='muted'>{`评价于 ${kase.ratedOn}`}</Text>
      </View>
      <Tags kase={kase} />
      {rect ? (
        <Text className='list-item-meta' data-due={rect.due}>
          {rect.answeredOn ? `整改答复期限 ${rect.due} · 已于 ${rect.answeredOn} 答复` : `整改答复期限 ${rect.due}`}
        </Text>
      ) : null}
      {kase.indicators.length > 0 ? <Text className='list-item-meta'>{`评价指标：${kase.indicators.join('、')}`}</Text> : null}
      {kase.comment ? <Text className='sr-comment'>{kase.comment}</Text> : <Text className='list-item-meta muted'>（未填写评价内容）</Text>}
      <Text className='list-item-meta muted'>{`评价人 ${kase.rater}（用户 ${kase.raterOpenidMasked}）· 办事日期 ${kase.serviceDate}`}</Text>
      <Text className='list-item-meta muted' data-testid='rating-provincial'>{`省好差评系统：${kase.provincialStatus}`}</Text>
      {rect?.reply ? (
        <View>
          <Text className='st-form-label'>答复内容</Text>
          <Text className='sr-comment'>{rect.reply}</Text>
        </View>
      ) : null}

      <View className='sr-history' aria-label='处理记录'>
        <Text className='sr-history-title'>处理记录</Text>
        {kase.history.map((entry, index) => (
          <View key={index} className='sr-history-entry' data-testid='rating-history'>
            <Text>{`${shanghaiDateTime(entry.at)} · ${entry.actor} · ${entry.action}`}</Text>
            {entry.note ? <Text className='sr-history-note'>{entry.note}</Text> : null}
          </View>
        ))}
      </View>

      {commands.length === 0 ? (
        <Text className='muted sr-no-commands'>当前没有您可以执行的操作。</Text>
      ) : (
        <View className='st-commands sr-commands'>
          {commands.map((type) => (
            <View
              key={type}
              id={`cmd-${type}-${kase.id}`}
              className={current === type ? 'st-command st-active' : 'st-command'}
              role='button'
              aria-expanded={current === type}
              data-command={type}
              onClick={() => onToggle(type)}
            >
              {COMMAND_LABELS[type]}
            </View>
          ))}
        </View>
      )}
      {current ? (
        <View className='st-action-form' id={`rating-form-${current}`}>
          {form(current)}
        </View>
      ) : null}
      {error ? (
        <View className='st-form-error' id='rating-action-error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}

const COUNTS = [
  { key: 'open', label: '待整改', test: (c: RatingCase) => c.rectification?.state === 'open' },
  { key: 'overdue', label: '已超期', test: (c: RatingCase) => c.overdueWorkingDays > 0 },
  { key: 'answered', label: '待回访', test: (c: RatingCase) => c.rectification?.state === 'answered' },
  { key: 'appealed', label: '申诉待复核', test: (c: RatingCase) => c.rectification?.state === 'appealed' },
  { key: 'moderation', label: '内容待审核', test: (c: RatingCase) => c.moderation === 'pending' },
] as const;

/** The rectification deadline (a setting: cities differ). Admins edit it; other staff read it. */
function RectificationSetting() {
  const settings = useRemote(() => call('ratings', 'getSettings', {}), []);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    if (settings.data) setValue(String(settings.data.rectificationWorkingDays));
  }, [settings.data]);
  async function save() {
    setMessage(undefined);
    setFailure(undefined);
    try {
      const saved = await call('ratings', 'saveSettings', { rectificationWorkingDays: Number(value) });
      setMessage(`已保存：差评整改答复期限为 ${saved.rectificationWorkingDays} 个工作日，自新收到的差评起适用`);
    } catch (cause) {
      setFailure(errorText(cause));
    }
  }
  if (!settings.data) return null;
  return (
    <View className='card' id='rating-settings'>
      <Text className='card-title'>差评整改期限</Text>
      <Text className='muted'>各地规定不同（如德州 5 个工作日、四川 15 个工作日）；本中心默认 5 个工作日。仅管理员可修改。</Text>
      <View className='row tap'>
        <Text id='rating-settings-label'>整改答复期限（工作日）</Text>
        <Input id='rating-settings-days' type='number' value={value} aria-labelledby='rating-settings-label' onInput={(event) => setValue(event.detail.value)} />
      </View>
      <View className='button button-secondary' id='rating-settings-save' role='button' onClick={() => void save()}>
        保存
      </View>
      {message ? <Text className='muted' id='rating-settings-message'>{message}</Text> : null}
      {failure ? (
        <View className='st-form-error' id='rating-settings-error' role='alert'>
          {failure}
        </View>
      ) : null}
    </View>
  );
}

export default function StaffRatings() {
  const [includeClosed, setIncludeClosed] = useState(false);
  const cases = useRemote(() => call('ratings', 'cases', includeClosed ? { includeClosed: true } : {}), [includeClosed], { refreshOnShow: true });
  const [open, setOpen] = useState<{ id: string; type: CommandType }>();
  const [error, setError] = useState<{ id: string; message: string }>();
  const [notice, setNotice] = useState<string>();
  const [sending, setSending] = useState(false);
  // Cases as the last action returned them, until the list is loaded again.
  const [latest, setLatest] = useState<Record<string, RatingCase>>({});
  useEffect(() => setLatest({}), [cases.data]);

  if (cases.error && isNotStaff(cases.error)) {
    return (
      <PageShell testId='staff-ratings'>
        <View className='state st-staff-only' id='staff-only' role='alert'>
          <Text className='st-staff-only-title'>仅限工作人员使用</Text>
          <Text className='muted st-staff-only-sub'>本页面用于差评的核实整改、答复回访、申诉复核和评价内容审核，需以工作人员身份登录。</Text>
        </View>
      </PageShell>
    );
  }

  function toggle(id: string, type: CommandType) {
    setError(undefined);
    setNotice(undefined);
    setOpen((current) => (current && current.id === id && current.type === type ? undefined : { id, type }));
  }

  async function send(kase: RatingCase, command: Command, confirm?: { title: string; content: string; confirmText: string }): Promise<boolean> {
    if (sending) return false;
    setError(undefined);
    setNotice(undefined);
    if (confirm) {
      const answer = await Taro.showModal({ title: confirm.title, content: confirm.content, confirmText: confirm.confirmText, confirmColor: '#b71c1c', cancelText: '取消' });
      if (!answer.confirm) return false;
    }
    setSending(true);
    try {
      const next = await call('ratings', 'act', { id: kase.id, expectedVersion: kase.version, command });
      setLatest((previous) => ({ ...previous, [next.id]: next }));
      setOpen(undefined);
      setNotice(`已完成：${doneLabel(command)}（${next.serviceItemLabel} · ${next.levelLabel}）`);
      void Taro.showToast({ title: '已提交', icon: 'success' });
      return true;
    } catch (cause) {
      const issues = cause instanceof ApiCallError ? cause.issues.map((issue) => issue.message).filter((m, i, all) => all.indexOf(m) === i) : [];
      const message = cause instanceof ApiCallError && cause.code === 'VALIDATION_FAILED' && issues.length > 0 ? issues.join('；') : errorText(cause);
      setError({ id: kase.id, message });
      if (cause instanceof ApiCallError && cause.code === 'CONFLICT') cases.reload();
      return false;
    } finally {
      setSending(false);
    }
  }

  return (
    <PageShell testId='staff-ratings'>
      <View className='header'>
        <Text className='header-title'>好差评整改</Text>
        <Text className='header-sub'>差评按整改答复期限先后排列（5 个工作日）；恶意评价经申诉由另一位审核人复核</Text>
      </View>
      <RemoteView state={cases}>
        {(list) => {
          const shown = list.map((kase) => latest[kase.id] ?? kase);
          return (
            <>
              <View className='st-counts' role='list' aria-label='好差评统计'>
                {COUNTS.map((count) => {
                  const value = shown.filter(count.test).length;
                  return (
                    <View
                      key={count.key}
                      className={`st-count-tile${value > 0 && count.key === 'overdue' ? ' st-count-alert st-count-overdue' : ''}`}
                      id={`rating-count-${count.key}`}
                      data-count={value}
                      role='listitem'
                      aria-label={`${count.label} ${value} 条`}
                    >
                      <Text className='st-count-value'>{value}</Text>
                      <Text className='st-count-label'>{count.label}</Text>
                    </View>
                  );
                })}
              </View>
              <View className='card st-filters'>
                <View className='row tap'>
                  <Text id='include-closed-label'>含已办结</Text>
                  <Switch id='include-closed' checked={includeClosed} color='#b71c1c' aria-labelledby='include-closed-label' onChange={(event) => setIncludeClosed(Boolean(event.detail.value))} />
                </View>
              </View>
              {notice ? (
                <View className='card'>
                  <View className='st-form-success' id='rating-action-done' role='status'>
                    <Text>{notice}</Text>
                  </View>
                </View>
              ) : null}
              {shown.length === 0 ? (
                <View className='state muted' id='rating-cases-empty'>
                  <Text>{includeClosed ? '暂无差评或待审核的评价' : '暂无待处理的差评、待审核内容或申诉'}</Text>
                </View>
              ) : (
                <View className='card' role='list' aria-label='待处理的评价'>
                  {shown.map((kase) => (
                    <CaseCard
                      key={kase.id}
                      kase={kase}
                      open={open?.id === kase.id ? open.type : undefined}
                      error={error?.id === kase.id ? error.message : undefined}
                      sending={sending}
                      onToggle={(type) => toggle(kase.id, type)}
                      onSend={(command, confirm) => send(kase, command, confirm)}
                    />
                  ))}
                </View>
              )}
            </>
          );
        }}
      </RemoteView>
      <RectificationSetting />
    </PageShell>
  );
}
