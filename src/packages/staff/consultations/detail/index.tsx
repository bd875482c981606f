// One consultation in the staff console: every comment with its section and status; moderation
// (show, or refuse with a reason) while pending; after closing, comments selected together and
// answered with one decision and reason; the 采纳情况 statement, published by an admin once every
// shown comment is answered; and the CSV export of all comments. The server's messages are shown
// where the action was taken, and a CONFLICT reloads the consultation.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { StaffRole } from '@/contracts/core';
import type { Decision } from '@/domain/consultations/rules';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { deliverExport } from '@/packages/report/detail/export';
import { errorText, isNotStaff, shanghaiDateTime } from '../../shared';
import { canEdit, COMMENT_STATUS_LABELS, commentCounts, DECISION_OPTIONS, statementDraft, type StaffComment, type StaffConsultation } from '../model';
import { ConsultStaffOnly, PhaseTag } from '../parts';
import '../../staff.css';
import '../consultations.css';

type Filter = 'all' | StaffComment['status'] | 'undecided';
const FILTERS: ReadonlyArray<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'pending', label: '待审核' },
  { key: 'shown', label: '已展示' },
  { key: 'rejected', label: '不予展示' },
  { key: 'undecided', label: '未答复' },
];
/** Comments rendered at a time (a mini-program sends the page in one setData). */
const PAGE_SIZE = 30;

/** The server's message, with every distinct field message when there are several. */
function messageOf(cause: unknown): string {
  const issues = cause instanceof ApiCallError ? cause.issues.map((issue) => issue.message).filter((m, i, all) => all.indexOf(m) === i) : [];
  const message = errorText(cause);
  return issues.length > 1 ? `${message}（${issues.join('；')}）` : message;
}

function sectionLabel(data: StaffConsultation, comment: StaffComment): string {
  if (!comment.sectionId) return '全文';
  return data.sections.find((s) => s.id === comment.sectionId)?.heading ?? comment.sectionId;
}

interface BodyProps {
  data: StaffConsultation;
  roles: readonly StaffRole[];
  onChanged: (next: StaffConsultation) => void;
  reload: () => void;
}

function Body({ data, roles, onChanged, reload }: BodyProps) {
  const editor = canEdit(roles);
  const admin = roles.includes('admin');
  const counts = commentCounts(data);
  const closed = data.phase === 'closed';
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [busy, setBusy] = useState<string>();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [moderationErrors, setModerationErrors] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [decision, setDecision] = useState<Decision>();
  const [decisionReason, setDecisionReason] = useState('');
  const [decisionMessage, setDecisionMessage] = useState<{ ok: boolean; text: string }>();
  const [statement, setStatement] = useState('');
  const [feedbackError, setFeedbackError] = useState<string>();
  const [exportStatus, setExportStatus] = useState<{ ok: boolean; text: string }>();
  /** Someone else changed the consultation first: what the server said, above the comments. */
  const [conflict, setConflict] = useState<string>();

  const selectable = (c: StaffComment) => editor && closed && c.status === 'shown';
  // Selections of comments that are no longer selectable (e.g. after a reload) fall away.
  const chosen = selected.filter((id) => data.comments.some((c) => c.id === id && selectable(c)));
  const matching = data.comments.filter((c) => filter === 'all' || (filter === 'undecided' ? c.status === 'shown' && !c.decision : c.status === filter));
  const visible = matching.slice(0, limit);
  const numberOf = new Map(data.comments.map((c, index) => [c.id, index + 1]));

  /** Runs one action; the answer replaces the page's copy, a CONFLICT reloads it. */
  async function run(key: string, action: () => Promise<StaffConsultation>, onError: (message: string) => void, done: string): Promise<boolean> {
    if (busy) return false;
    setBusy(key);
    setConflict(undefined);
    try {
      onChanged(await action());
      void Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (cause) {
      onError(messageOf(cause));
      if (cause instanceof ApiCallError && cause.code === 'CONFLICT') {
        setConflict(`${messageOf(cause)}。页面已刷新为最新情况，请查看后再操作。`);
        reload();
      }
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  async function moderate(comment: StaffComment, show: boolean) {
    const reason = (reasons[comment.id] ?? '').trim();
    if (!show && !reason) {
      setModerationErrors((all) => ({ ...all, [comment.id]: '不予展示请写明理由（将告知提出意见的人）' }));
      return;
    }
    setModerationErrors(({ [comment.id]: _gone, ...rest }) => rest);
    await run(
      `moderate-${comment.id}`,
      () => call('consultations', 'moderate', { consultationId: data.id, commentId: comment.id, show, ...(show ? {} : { reason }) }),
      (message) => setModerationErrors((all) => ({ ...all, [comment.id]: message })),
      show ? '已展示' : '已不予展示',
    );
  }

  async function decide() {
    setDecisionMessage(undefined);
    if (chosen.length === 0) return setDecisionMessage({ ok: false, text: '请先勾选要答复的意见' });
    if (!decision) return setDecisionMessage({ ok: false, text: '请选择采纳情况' });
    const reason = decisionReason.trim();
    if (reason.length < 2) return setDecisionMessage({ ok: false, text: '请写明理由' });
    const n = chosen.length;
    const label = DECISION_OPTIONS.find((o) => o.value === decision)?.label ?? '';
    const ok = await run(
      'decide',
      () => call('consultations', 'decide', { consultationId: data.id, commentIds: chosen, decision, reason }),
      (message) => setDecisionMessage({ ok: false, text: message }),
      '已保存',
    );
    if (ok) {
      setSelected([]);
      setDecision(undefined);
      setDecisionReason('');
      setDecisionMessage({ ok: true, text: `已将 ${n} 条意见答复为“${label}”。` });
    }
  }

  async function publish() {
    setFeedbackError(undefined);
    const text = statement.trim();
    if (text.length < 10) return setFeedbackError('请填写采纳情况说明（至少 10 个字）');
    const answer = await Taro.showModal({
      title: '发布采纳情况',
      content: '发布后，说明和每条意见的采纳情况、理由将向公众公开，且不能再修改。确定发布吗？',
      confirmText: '发布',
      confirmColor: '#b71c1c',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    await run('publish', () => call('consultations', 'publishFeedback', { consultationId: data.id, statement: text }), setFeedbackError, '已发布');
  }

  async function exportComments() {
    if (busy) return;
    setBusy('export');
    setExportStatus(undefined);
    try {
      const file = await call('consultations', 'exportComments', { consultationId: data.id });
      setExportStatus({ ok: true, text: await deliverExport(file) });
    } catch (cause) {
      setExportStatus({ ok: false, text: cause instanceof ApiCallError ? cause.message : '导出失败，请稍后重试' });
    } finally {
      setBusy(undefined);
    }
  }

  function toggle(id: string) {
    setDecisionMessage(undefined);
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  }

  const tiles = [
    { key: 'pending', label: '待审核', value: counts.pending, alert: counts.pending > 0 },
    { key: 'shown', label: '已展示', value: counts.shown, alert: false },
    { key: 'rejected', label: '不予展示', value: counts.rejected, alert: false },
    { key: 'decided', label: '已答复', value: counts.decided, alert: closed && counts.undecided > 0 },
  ];

  return (
    <>
      <View className='header'>
        <View className='sc-header-tags'>
          <Text className='sc-tag sc-tag-kind'>{data.kindLabel}</Text>
          <PhaseTag item={data} id='consult-phase' />
        </View>
        <Text className='header-title' id='consult-title'>
          {data.title}
        </Text>
        <Text className='header-sub' id='consult-period'>
          {`征集期 ${data.startDate} 至 ${data.endDate}${data.phase === 'open' && data.daysLeft !== null ? ` · ${data.daysLeft === 0 ? '今天截止' : `还剩 ${data.daysLeft} 天`}` : ''}`}
        </Text>
      </View>

      <View className='sc-tiles' role='list' aria-label='意见统计'>
        {tiles.map((tile) => (
          <View key={tile.key} className={tile.alert ? 'sc-tile sc-tile-alert' : 'sc-tile'} id={`count-${tile.key}`} data-count={tile.value} role='listitem' aria-label={`${tile.label} ${tile.value} 条`}>
            <Text className='sc-tile-value'>{tile.value}</Text>
            <Text className='sc-tile-label'>{tile.label}</Text>
          </View>
        ))}
      </View>

      <View className='card' id='consult-tools'>
        <Text className='muted'>{`共 ${counts.total} 条意见（含待审核、不予展示）；导出的表格含每条意见的条款、提交人、审核和采纳情况，可用 Excel 打开。`}</Text>
        <View className={busy === 'export' ? 'button button-secondary st-button-disabled sc-export' : 'button button-secondary sc-export'} id='export-comments' role='button' aria-disabled={busy !== undefined} onClick={() => void exportComments()}>
          {busy === 'export' ? '正在导出…' : '导出全部意见（CSV）'}
        </View>
        {exportStatus ? (
          <View className={exportStatus.ok ? 'st-form-success' : 'st-form-error'} id='export-status' role={exportStatus.ok ? 'status' : 'alert'}>
            {exportStatus.text}
          </View>
        ) : null}
        {!editor ? (
          <Text className='muted sc-panel-line' id='consult-readonly'>
            审核意见和答复采纳情况须由受理员或管理员办理；您可以查看和导出。
          </Text>
        ) : null}
      </View>

      {data.feedback ? (
        <View className='card' id='feedback' aria-label='采纳情况'>
          <Text className='card-title'>已公布的采纳情况</Text>
          <Text className='muted'>{`${data.feedback.publishedOn} 公布`}</Text>
          <Text className='st-text-block' id='feedback-statement-published'>
            {data.feedback.statement}
          </Text>
        </View>
      ) : null}

      <View className='card' id='consult-comments' aria-label='意见'>
        <Text className='card-title'>意见</Text>
        {closed && editor ? <Text className='sc-sticky-hint'>勾选已展示的意见后，在下方“答复采纳情况”中一并答复；同一理由可答复多条。</Text> : null}
        {data.phase === 'open' || data.phase === 'upcoming' ? <Text className='sc-sticky-hint'>{`征集截止（${data.endDate}）后才能答复采纳情况；待审核的意见可随时审核。`}</Text> : null}
        {conflict ? (
          <View className='st-form-error' id='consult-conflict' role='alert'>
            {conflict}
          </View>
        ) : null}
        <View className='sc-filters' role='tablist' aria-label='按状态筛选'>
          {FILTERS.filter((entry) => entry.key !== 'undecided' || closed).map((entry) => (
            <View
              key={entry.key}
              id={`filter-${entry.key}`}
              className={filter === entry.key ? 'sc-filter sc-filter-active' : 'sc-filter'}
              role='tab'
              aria-selected={filter === entry.key}
              onClick={() => {
                setFilter(entry.key);
                setLimit(PAGE_SIZE);
              }}
            >
              {entry.label}
            </View>
          ))}
        </View>
        {matching.length === 0 ? (
          <Text className='muted' id='comments-empty'>
            {counts.total === 0 ? '还没有收到意见。' : '没有符合条件的意见。'}
          </Text>
        ) : null}
        <View role='list'>
          {visible.map((comment) => {
            const isSelected = chosen.includes(comment.id);
            return (
              <View
                key={comment.id}
                className={isSelected ? 'sc-comment sc-comment-selected' : 'sc-comment'}
                data-testid='staff-comment'
                data-status={comment.status}
                id={`comment-${comment.id}`}
                role='listitem'
              >
                {selectable(comment) ? (
                  <View className='sc-check tap' id={`select-${comment.id}`} role='checkbox' aria-checked={isSelected} aria-label={`选择第 ${numberOf.get(comment.id)} 条意见`} onClick={() => toggle(comment.id)}>
                    <View className={isSelected ? 'sc-checkbox sc-checkbox-on' : 'sc-checkbox'} aria-hidden='true'>
                      {isSelected ? '✓' : ''}
                    </View>
                  </View>
                ) : null}
                <View className='sc-comment-body'>
                  <View className='sc-comment-head'>
                    <Text className='sc-comment-section'>{`${numberOf.get(comment.id)}. ${sectionLabel(data, comment)}`}</Text>
                    <Text className={`sc-tag sc-status-${comment.status}`} data-testid='comment-status'>
                      {COMMENT_STATUS_LABELS[comment.status]}
                    </Text>
                  </View>
                  <Text className='list-item-meta muted'>{`${comment.author} · ${shanghaiDateTime(comment.at)}`}</Text>
                  <Text className='sc-comment-text'>{comment.text}</Text>
                  {comment.rejectionReason ? <Text className='sc-note sc-note-rejected'>{`不予展示的理由：${comment.rejectionReason}`}</Text> : null}
                  {comment.decision ? (
                    <View className='sc-decision' data-testid='comment-decision' data-decision={comment.decision.decision}>
                      <Text className='sc-decision-label'>{`采纳情况：${comment.decision.label}`}</Text>
                      <Text className='sc-note'>{`理由：${comment.decision.reason}`}</Text>
                    </View>
                  ) : comment.status === 'shown' && closed ? (
                    <Text className='sc-note muted'>尚未答复采纳情况</Text>
                  ) : null}
                  {comment.status === 'pending' && editor ? (
                    <View className='sc-moderate' aria-label='审核'>
                      <View className='sc-moderate-row'>
                        <View className='st-command sc-show' id={`moderate-show-${comment.id}`} role='button' aria-disabled={busy !== undefined} onClick={() => void moderate(comment, true)}>
                          {busy === `moderate-${comment.id}` ? '正在提交…' : '展示'}
                        </View>
                      </View>
                      <View className='sc-moderate-row'>
                        <Input
                          id={`moderate-reason-${comment.id}`}
                          className='st-input'
                          value={reasons[comment.id] ?? ''}
                          maxlength={200}
                          placeholder='不予展示的理由（必填）'
                          aria-label='不予展示的理由'
                          onInput={(event) => {
                            const value = event.detail.value;
                            setReasons((all) => ({ ...all, [comment.id]: value }));
                          }}
                        />
                        <View className='st-command' id={`moderate-reject-${comment.id}`} role='button' aria-disabled={busy !== undefined} onClick={() => void moderate(comment, false)}>
                          不予展示
                        </View>
                      </View>
                      {moderationErrors[comment.id] ? (
                        <View className='st-field-error' id={`moderate-error-${comment.id}`} role='alert'>
                          {moderationErrors[comment.id]}
                        </View>
                      ) : null}
                    </View>
                  ) : null}
                </View>
              </View>
            );
          })}
        </View>
        {matching.length > visible.length ? (
          <View className='button button-secondary' id='comments-more' role='button' onClick={() => setLimit((n) => n + PAGE_SIZE)}>
            {`显示更多（还有 ${matching.length - visible.length} 条）`}
          </View>
        ) : null}
      </View>

      {closed && editor ? (
        <View className='card' id='decision-panel' aria-label='答复采纳情况'>
          <Text className='card-title'>答复采纳情况</Text>
          <View className='sc-selection'>
            <Text className='sc-panel-line' id='decision-selected'>{`已选 ${chosen.length} 条意见`}</Text>
          </View>
          <View className='sc-selection'>
            <View
              className='sc-link'
              id='select-undecided'
              role='button'
              onClick={() => setSelected(data.comments.filter((c) => c.status === 'shown' && !c.decision).map((c) => c.id))}
            >
              {`选择全部未答复（${counts.undecided}）`}
            </View>
            {chosen.length > 0 ? (
              <View className='sc-link' id='select-none' role='button' onClick={() => setSelected([])}>
                取消选择
              </View>
            ) : null}
          </View>
          <Text className='st-form-label' id='decision-label'>
            采纳情况
          </Text>
          <View className='st-choice-row' role='radiogroup' aria-labelledby='decision-label'>
            {DECISION_OPTIONS.map((option) => (
              <View
                key={option.value}
                id={`decision-${option.value}`}
                className={decision === option.value ? 'st-choice st-selected' : 'st-choice'}
                role='radio'
                aria-checked={decision === option.value}
                onClick={() => setDecision(option.value)}
              >
                {decision === option.value ? '● ' : '○ '}
                {option.label}
              </View>
            ))}
          </View>
          <Text className='st-form-label' id='decision-reason-label'>
            理由（将随采纳情况公开）
          </Text>
          <Textarea
            id='decision-reason'
            className='st-textarea'
            value={decisionReason}
            maxlength={1000}
            placeholder='如：已在第二条增加相关规定；或：与上位法规定不一致，未予采纳'
            aria-labelledby='decision-reason-label'
            onInput={(event) => setDecisionReason(event.detail.value)}
          />
          {decisionMessage ? (
            <View className={decisionMessage.ok ? 'st-form-success' : 'st-form-error'} id={decisionMessage.ok ? 'decision-done' : 'decision-error'} role={decisionMessage.ok ? 'status' : 'alert'}>
              {decisionMessage.text}
            </View>
          ) : null}
          <View className={busy === 'decide' ? 'button st-button-disabled' : 'button'} id='decision-save' role='button' aria-disabled={busy !== undefined} onClick={() => void decide()}>
            {busy === 'decide' ? '正在保存…' : `保存答复${chosen.length > 0 ? `（${chosen.length} 条）` : ''}`}
          </View>
        </View>
      ) : null}

      {closed ? (
        <View className='card' id='feedback-panel' aria-label='公布采纳情况'>
          <Text className='card-title'>公布采纳情况</Text>
          {counts.pending > 0 ? <Text className='sc-problem' id='feedback-pending'>{`还有 ${counts.pending} 条意见未审核`}</Text> : null}
          {counts.undecided > 0 ? <Text className='sc-problem' id='feedback-undecided'>{`还有 ${counts.undecided} 条已展示的意见未答复采纳情况`}</Text> : null}
          {counts.pending === 0 && counts.undecided === 0 ? (
            <Text className='sc-panel-line' id='feedback-ready'>
              所有意见均已审核和答复，可以公布。
            </Text>
          ) : null}
          {admin ? (
            <>
              <View className='row'>
                <Text className='st-form-label' id='feedback-statement-label'>
                  采纳情况说明（将公开）
                </Text>
                <View className='sc-link' id='feedback-fill' role='button' onClick={() => setStatement(statementDraft(data))}>
                  按统计填入
                </View>
              </View>
              <Textarea
                id='feedback-statement'
                className='st-textarea st-textarea-letter'
                value={statement}
                maxlength={3000}
                placeholder='概述收到意见的情况、采纳情况和主要理由'
                aria-labelledby='feedback-statement-label'
                onInput={(event) => {
                  setStatement(event.detail.value);
                  setFeedbackError(undefined);
                }}
              />
              {feedbackError ? (
                <View className='st-form-error' id='feedback-error' role='alert'>
                  {feedbackError}
                </View>
              ) : null}
              <View className={busy === 'publish' ? 'button st-button-disabled' : 'button'} id='feedback-publish' role='button' aria-disabled={busy !== undefined} onClick={() => void publish()}>
                {busy === 'publish' ? '正在发布…' : '发布采纳情况'}
              </View>
            </>
          ) : (
            <Text className='muted sc-panel-line' id='feedback-admin-only'>
              采纳情况须由管理员审定后公布。
            </Text>
          )}
        </View>
      ) : null}

      <View className='card' id='consult-draft' aria-label='征求意见稿'>
        <Text className='card-title'>{`征求意见稿（${data.sections.length} 条）`}</Text>
        <Text className='st-text-block'>{data.summary}</Text>
        {data.shortPeriodReason ? <Text className='sc-note'>{`缩短期限的理由：${data.shortPeriodReason}`}</Text> : null}
        {data.sections.map((section) => (
          <View key={section.id} className='st-deadline' id={`draft-section-${section.id}`}>
            <Text className='list-item-title'>{`${section.heading}（意见 ${data.comments.filter((c) => c.sectionId === section.id).length} 条）`}</Text>
            <Text className='list-item-meta muted'>{section.text}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

export default function StaffConsultationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(
    async () => {
      if (!id) throw new ApiCallError('VALIDATION_FAILED', '链接中缺少征集事项编号，请从“意见征集管理”进入');
      const [me, consultation] = await Promise.all([call('portal', 'whoami', {}), call('consultations', 'staffView', { id })]);
      return { roles: me.roles, consultation };
    },
    [id],
    { refreshOnShow: true },
  );
  // The consultation as the last action returned it, until a fresher load arrives.
  const [latest, setLatest] = useState<StaffConsultation>();

  if (remote.error && isNotStaff(remote.error)) {
    return (
      <PageShell testId='staff-consult'>
        <ConsultStaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-consult'>
      <RemoteView state={remote}>
        {({ roles, consultation }) => (
          <Body
            key={consultation.id}
            data={latest && latest.id === consultation.id && latest.version >= consultation.version ? latest : consultation}
            roles={roles}
            onChanged={setLatest}
            reload={remote.reload}
          />
        )}
      </RemoteView>
    </PageShell>
  );
}
