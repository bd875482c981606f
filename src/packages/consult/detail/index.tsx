// One consultation: the draft in sections with the comments shown on each, the comment form while it
// is open (on one section or on the whole draft, real name or anonymous), the caller's own comments
// with their moderation state, and, once published, the 采纳情况 with each comment's decision.
// The comment being written lives in storage with its idempotency key until the server has taken it,
// so a retry after a dropped connection never posts the same comment twice.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { daysLeftText, formatDate, newIdempotencyKey, periodText, shanghaiDay, type CommentView, type ConsultationDetail } from '../shared';
import '../consult.css';

const TEXT_MAX = 2000;
const TEXT_MIN = 5;
const NAME_MAX = 20;
/**
 * Characters of draft and comments rendered at first (and added per "继续阅读"): a mini-program
 * sends the whole page in one setData, which must stay well under WeChat's limit.
 */
const RENDER_BUDGET = 12000;

type Display = 'realName' | 'anonymous';
/** A section id, or null for the whole draft. */
type Target = string | null;

interface CommentDraft {
  target: Target;
  text: string;
  display: Display;
  realName: string;
  idempotencyKey: string;
}

interface FormState extends CommentDraft {
  open: boolean;
  restored: boolean;
}

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'network' } | { kind: 'failed'; message: string };

const draftKey = (id: string) => `consult:comment:${id}`;

function emptyForm(): FormState {
  return { open: false, restored: false, target: null, text: '', display: 'anonymous', realName: '', idempotencyKey: newIdempotencyKey() };
}

function loadDraft(id: string): FormState {
  try {
    const stored: unknown = Taro.getStorageSync(draftKey(id));
    if (stored && typeof stored === 'object') {
      const draft = stored as Partial<CommentDraft>;
      const key = typeof draft.idempotencyKey === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(draft.idempotencyKey) ? draft.idempotencyKey : newIdempotencyKey();
      const text = typeof draft.text === 'string' ? draft.text : '';
      return {
        open: text.trim() !== '',
        restored: text.trim() !== '',
        target: typeof draft.target === 'string' ? draft.target : null,
        text,
        display: draft.display === 'realName' ? 'realName' : 'anonymous',
        realName: typeof draft.realName === 'string' ? draft.realName : '',
        idempotencyKey: key,
      };
    }
  } catch {
    // Unreadable storage: start afresh.
  }
  return emptyForm();
}

function saveDraft(id: string, form: FormState): void {
  try {
    const { target, text, display, realName, idempotencyKey } = form;
    Taro.setStorageSync(draftKey(id), { target, text, display, realName, idempotencyKey } satisfies CommentDraft);
  } catch {
    // Storage full or unavailable: the form still works, only the draft is not kept.
  }
}

function clearDraft(id: string): void {
  try {
    Taro.removeStorageSync(draftKey(id));
  } catch {
    // Nothing to clear.
  }
}

const length = (text: string) => [...text].length;

function Decision({ decision }: { decision: NonNullable<CommentView['decision']> }) {
  return (
    <View className={`cs-decision cs-decision-${decision.decision}`} data-testid='comment-decision' data-decision={decision.decision}>
      <Text className='cs-decision-label'>{`采纳情况：${decision.label}`}</Text>
      <Text className='cs-decision-reason'>{`理由：${decision.reason}`}</Text>
    </View>
  );
}

function Comment({ comment }: { comment: CommentView }) {
  return (
    <View className='cs-comment' data-testid='comment' data-status={comment.status} id={`comment-${comment.id}`} role='listitem'>
      <View className='cs-comment-head'>
        <Text>{`${comment.author} · ${shanghaiDay(comment.at)}`}</Text>
        {comment.status === 'pending' ? (
          <Text className='cs-tag cs-status-pending' data-testid='comment-status'>
            审核中
          </Text>
        ) : comment.status === 'rejected' ? (
          <Text className='cs-tag cs-status-rejected' data-testid='comment-status'>
            未予展示
          </Text>
        ) : comment.mine ? (
          <Text className='cs-tag cs-status-mine'>我的意见</Text>
        ) : null}
      </View>
      <Text className='cs-comment-text'>{comment.text}</Text>
      {comment.status === 'pending' ? <Text className='cs-comment-hint'>审核通过后公开显示；审核前仅您本人可见。</Text> : null}
      {comment.status === 'rejected' ? (
        <Text className='cs-rejection' data-testid='comment-rejection'>
          {`未予展示的理由：${comment.rejectionReason ?? '未说明'}（仅您本人可见）`}
        </Text>
      ) : null}
      {comment.decision ? <Decision decision={comment.decision} /> : null}
    </View>
  );
}

function Comments({ comments, label }: { comments: readonly CommentView[]; label: string }) {
  if (comments.length === 0) return null;
  const shown = comments.filter((c) => c.status === 'shown').length;
  return (
    <View className='cs-comments' role='list' aria-label={label}>
      <Text className='cs-comments-title'>{shown > 0 ? `已公开的意见（${shown} 条）` : '我的意见'}</Text>
      {comments.map((comment) => (
        <Comment key={comment.id} comment={comment} />
      ))}
    </View>
  );
}

interface CommentFormProps {
  form: FormState;
  targetLabel: string;
  errors: Record<string, string>;
  status: Status;
  onChange: (patch: Partial<CommentDraft>) => void;
  onSubmit: () => void;
  onClose: () => void;
}

function CommentForm({ form, targetLabel, errors, status, onChange, onSubmit, onClose }: CommentFormProps) {
  const sending = status.kind === 'sending';
  const count = length(form.text);
  return (
    <View className='cs-form' id='comment-form' role='form' aria-label={`对${targetLabel}提意见`}>
      <Text className='cs-form-title' id='comment-form-title'>{`对${targetLabel}提意见`}</Text>
      {form.restored ? (
        <Text className='muted' id='comment-restored'>
          已恢复您上次未提交的意见。
        </Text>
      ) : null}
      <Text className='cs-label' id='comment-text-label'>
        意见内容（必填，{TEXT_MIN}–{TEXT_MAX} 字）
      </Text>
      <Textarea
        id='comment-text'
        className={errors.text ? 'cs-textarea cs-invalid' : 'cs-textarea'}
        value={form.text}
        maxlength={TEXT_MAX}
        placeholder='请写明您的意见和理由'
        disabled={sending}
        aria-labelledby='comment-text-label'
        {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '意见内容', 'aria-invalid': errors.text ? 'true' : undefined, 'aria-describedby': errors.text ? 'error-text' : 'comment-count' } } : {})}
        onInput={(event) => onChange({ text: event.detail.value })}
      />
      <Text className={count > TEXT_MAX ? 'muted cs-count cs-count-over' : 'muted cs-count'} id='comment-count'>{`${count}/${TEXT_MAX} 字`}</Text>
      {errors.text ? (
        <View className='cs-error' id='error-text' role='alert'>
          {`！${errors.text}`}
        </View>
      ) : null}

      <Text className='cs-label' id='comment-display-label'>
        署名方式
      </Text>
      <View className='cs-choices' role='radiogroup' aria-labelledby='comment-display-label'>
        {(
          [
            ['realName', '实名'],
            ['anonymous', '匿名'],
          ] as const
        ).map(([value, label]) => {
          const selected = form.display === value;
          return (
            <View
              key={value}
              id={`display-${value}`}
              className={selected ? 'cs-choice tap cs-choice-selected' : 'cs-choice tap'}
              role='radio'
              aria-checked={selected}
              onClick={() => {
                if (!sending) onChange({ display: value });
              }}
            >
              <View className='cs-radio' aria-hidden='true'>
                {selected ? <View className='cs-radio-dot' /> : null}
              </View>
              <Text>{label}</Text>
            </View>
          );
        })}
      </View>
      {form.display === 'realName' ? (
        <View id='wrap-realName'>
          <Text className='cs-label' id='field-realName-label'>
            姓名（公开时只显示姓，如“张*”）
          </Text>
          <Input
            id='field-realName'
            className={errors.realName ? 'cs-input cs-invalid' : 'cs-input'}
            value={form.realName}
            maxlength={NAME_MAX}
            disabled={sending}
            aria-labelledby='field-realName-label'
            {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '姓名', 'aria-invalid': errors.realName ? 'true' : undefined } } : {})}
            onInput={(event) => onChange({ realName: event.detail.value })}
          />
          {errors.realName ? (
            <View className='cs-error' id='error-realName' role='alert'>
              {`！${errors.realName}`}
            </View>
          ) : null}
        </View>
      ) : (
        <Text className='muted cs-how'>匿名发表时显示为“匿名网友”。</Text>
      )}
      <Text className='muted cs-how'>所有意见经审核后公开显示。请勿在意见中填写身份证号码、电话等个人信息。</Text>

      {status.kind === 'network' ? (
        <View className='cs-note cs-note-error' id='comment-network-error' role='alert'>
          <Text className='cs-note-title'>网络连接失败，意见可能尚未送达</Text>
          <Text>请点按“重新提交”。重新提交不会重复发表：如上次其实已经送达，将直接显示那条意见。</Text>
        </View>
      ) : null}
      {status.kind === 'failed' ? (
        <View className='cs-note cs-note-error' id='comment-error' role='alert'>
          <Text>{status.message}</Text>
        </View>
      ) : null}

      <View className='cs-form-buttons'>
        <View className={sending ? 'button cs-button-disabled' : 'button'} id='comment-submit' role='button' aria-disabled={sending} onClick={sending ? undefined : onSubmit}>
          {sending ? '正在提交…' : status.kind === 'network' ? '重新提交' : '提交意见'}
        </View>
        <View className='button button-secondary' id='comment-close' role='button' aria-disabled={sending} onClick={sending ? undefined : onClose}>
          收起
        </View>
      </View>
    </View>
  );
}

function FeedbackCard({ data }: { data: ConsultationDetail }) {
  if (!data.feedback) return null;
  const decided = data.comments.filter((c) => c.status === 'shown' && c.decision);
  const count = (decision: string) => decided.filter((c) => c.decision?.decision === decision).length;
  const tiles = [
    { key: 'adopted', label: '采纳', value: count('adopted') },
    { key: 'partlyAdopted', label: '部分采纳', value: count('partlyAdopted') },
    { key: 'notAdopted', label: '未采纳', value: count('notAdopted') },
  ];
  return (
    <View className='card cs-feedback' id='feedback' role='region' aria-labelledby='feedback-title'>
      <Text className='card-title' id='feedback-title'>
        意见采纳情况
      </Text>
      <Text className='muted' id='feedback-date'>{`${formatDate(data.feedback.publishedOn)} 公布`}</Text>
      <Text className='cs-pre' id='feedback-statement' selectable>
        {data.feedback.statement}
      </Text>
      {decided.length > 0 ? (
        <View className='cs-feedback-counts' role='list' aria-label='采纳情况统计'>
          {tiles.map((tile) => (
            <View key={tile.key} className='cs-feedback-count' id={`feedback-count-${tile.key}`} data-count={tile.value} role='listitem' aria-label={`${tile.label} ${tile.value} 条`}>
              <Text className='cs-feedback-value'>{tile.value}</Text>
              <Text className='cs-feedback-label'>{tile.label}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className='muted cs-how'>每条意见的采纳情况和理由见各条款下方。</Text>
    </View>
  );
}

/** How many sections fit the render budget from `from` on (at least one). */
function sectionsWithin(data: ConsultationDetail, from: number): number {
  let used = 0;
  let count = 0;
  for (const section of data.sections.slice(from)) {
    const size = section.text.length + data.comments.filter((c) => c.sectionId === section.id).reduce((sum, c) => sum + c.text.length, 0);
    if (count > 0 && used + size > RENDER_BUDGET) break;
    used += size;
    count += 1;
  }
  return count;
}

function ConsultBody({ data, reload }: { data: ConsultationDetail; reload: () => void }) {
  const [form, setForm] = useState<FormState>(() => loadDraft(data.id));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [notice, setNotice] = useState<{ target: Target; ok: boolean; text: string }>();
  const [visible, setVisible] = useState(() => {
    const first = sectionsWithin(data, 0);
    // A restored draft on a later section: show the draft up to it.
    const at = form.target ? data.sections.findIndex((s) => s.id === form.target) : -1;
    return Math.max(first, at + 1);
  });

  const open = data.phase === 'open';
  const sectionIds = new Set(data.sections.map((s) => s.id));
  // A draft for a section that no longer exists falls back to the whole draft.
  const target: Target = form.target && sectionIds.has(form.target) ? form.target : null;
  const formOpen = open && form.open;
  const whole = data.comments.filter((c) => c.sectionId === null || !sectionIds.has(c.sectionId));
  const left = daysLeftText(data);

  function update(next: FormState) {
    setForm(next);
    saveDraft(data.id, next);
  }

  function change(patch: Partial<CommentDraft>) {
    update({ ...form, ...patch, restored: false });
    const fixed = Object.keys(patch).filter((field) => errors[field]);
    if (fixed.length > 0) setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !fixed.includes(field))));
  }

  function openForm(next: Target) {
    update({ ...form, open: true, target: next });
    setNotice(undefined);
    if (status.kind === 'failed') setStatus({ kind: 'idle' });
    setTimeout(() => void Taro.pageScrollTo({ selector: '#comment-form', duration: 200 }).catch(() => undefined), 50);
  }

  async function submit() {
    if (status.kind === 'sending') return;
    const text = form.text.trim();
    const realName = form.realName.trim();
    const local: Record<string, string> = {};
    if (length(text) < TEXT_MIN) local.text = text ? `意见至少 ${TEXT_MIN} 个字` : '请填写意见内容';
    else if (length(text) > TEXT_MAX) local.text = `意见不能超过 ${TEXT_MAX} 字`;
    if (form.display === 'realName' && !realName) local.realName = '实名发表请填写姓名';
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setStatus({ kind: 'idle' });
      return;
    }
    setStatus({ kind: 'sending' });
    saveDraft(data.id, form);
    try {
      await call('consultations', 'comment', {
        idempotencyKey: form.idempotencyKey,
        consultationId: data.id,
        sectionId: target,
        text,
        display: form.display,
        ...(form.display === 'realName' ? { realName } : {}),
      });
      clearDraft(data.id);
      // A fresh key for the next comment; the name and the choice of display are kept for it.
      setForm({ ...emptyForm(), display: form.display, realName: form.realName });
      setStatus({ kind: 'idle' });
      setNotice({ target, ok: true, text: '意见已提交，审核通过后公开显示；审核前仅您本人可见，标为“审核中”。' });
      void Taro.showToast({ title: '意见已提交', icon: 'success' });
      reload();
    } catch (error) {
      if (!(error instanceof ApiCallError)) {
        setStatus({ kind: 'failed', message: '提交失败，请稍后重试' });
      } else if (error.code === 'NETWORK') {
        // It may or may not have arrived: keep the key, so the retry cannot post it twice.
        setStatus({ kind: 'network' });
      } else if (error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const found: Record<string, string> = {};
        for (const issue of error.issues) if (!found[issue.path]) found[issue.path] = issue.message;
        if (found.idempotencyKey) update({ ...form, idempotencyKey: newIdempotencyKey() });
        const inline = Object.fromEntries(Object.entries(found).filter(([path]) => path === 'text' || path === 'realName'));
        setErrors(inline);
        if (found.sectionId) {
          setStatus({ kind: 'failed', message: `${found.sectionId}，请重新选择要提意见的条款` });
          reload();
        } else {
          setStatus(Object.keys(inline).length > 0 ? { kind: 'idle' } : { kind: 'failed', message: error.message });
        }
      } else if (error.code === 'CONFLICT') {
        // Closed meanwhile (or a retry still in flight): show the consultation as it is now.
        setStatus({ kind: 'idle' });
        setNotice({ target, ok: false, text: error.message });
        reload();
      } else if (error.code === 'UNAUTHENTICATED') {
        setStatus({ kind: 'failed', message: '登录后才能提交意见：请在微信中打开本小程序后再提交。' });
      } else {
        setStatus({ kind: 'failed', message: error.message });
      }
    }
  }

  const here = (at: Target) => (
    <>
      {notice && notice.target === at ? (
        <View className={notice.ok ? 'cs-note cs-note-ok' : 'cs-note cs-note-error'} id='comment-done' role={notice.ok ? 'status' : 'alert'}>
          <Text>{notice.text}</Text>
        </View>
      ) : null}
      {formOpen && target === at ? (
        <CommentForm
          form={form}
          targetLabel={at ? `“${data.sections.find((s) => s.id === at)?.heading ?? ''}”` : '全文'}
          errors={errors}
          status={status}
          onChange={change}
          onSubmit={() => void submit()}
          onClose={() => update({ ...form, open: false, restored: false })}
        />
      ) : null}
    </>
  );

  const shownSections = data.sections.slice(0, visible);
  const rest = data.sections.length - shownSections.length;

  return (
    <>
      <View className='header'>
        <View className='cs-header-tags'>
          <Text className='cs-tag cs-tag-kind' id='consult-kind'>
            {data.kindLabel}
          </Text>
          <Text className={`cs-tag cs-phase-${data.phase}`} id='consult-phase' data-phase={data.phase}>
            {data.phaseLabel}
          </Text>
        </View>
        <Text className='header-title' id='consult-title'>
          {data.title}
        </Text>
        <Text className='header-sub' id='consult-period'>
          {`征集期 ${periodText(data)}`}
          {left ? (
            <Text className='cs-header-left' id='consult-left'>
              {` · ${left}`}
            </Text>
          ) : null}
        </Text>
      </View>

      <FeedbackCard data={data} />

      {data.phase === 'closed' ? (
        <View className='card'>
          <Text className='cs-note' id='consult-closed'>{`本次征集已于 ${formatDate(data.endDate)} 截止，正在整理意见，采纳情况将在此公布。`}</Text>
        </View>
      ) : null}
      {data.phase === 'upcoming' ? (
        <View className='card'>
          <Text className='cs-note' id='consult-upcoming'>{`本次征集将于 ${formatDate(data.startDate)} 开始，届时可提出意见。`}</Text>
        </View>
      ) : null}
      {open ? (
        <View className='card' id='consult-how'>
          <Text className='card-title'>怎样提意见</Text>
          <Text className='cs-how'>阅读征求意见稿，在条款下方点按“对本条提意见”，或在页面末尾对全文提意见。</Text>
          <Text className='cs-how muted'>{`可实名或匿名发表；每条意见经审核后公开显示。征集截止后，将公布意见采纳情况和理由。请于 ${formatDate(data.endDate)} 前提出。`}</Text>
        </View>
      ) : null}

      <View className='card' id='consult-summary' role='region' aria-labelledby='consult-summary-title'>
        <Text className='card-title' id='consult-summary-title'>
          起草说明
        </Text>
        <Text className='cs-pre' selectable>
          {data.summary}
        </Text>
        {data.shortPeriodReason ? (
          <Text className='cs-note' id='short-period-reason'>{`征求意见期限较短的说明：${data.shortPeriodReason}`}</Text>
        ) : null}
      </View>

      <View className='card' id='consult-sections' role='region' aria-labelledby='consult-sections-title'>
        <Text className='card-title' id='consult-sections-title'>{`征求意见稿（共 ${data.sections.length} 条）`}</Text>
        {shownSections.map((section) => {
          const comments = data.comments.filter((c) => c.sectionId === section.id);
          return (
            <View key={section.id} className='cs-section' data-testid='section' id={`section-${section.id}`} role='group' aria-labelledby={`section-heading-${section.id}`}>
              <Text className='cs-section-heading' id={`section-heading-${section.id}`}>
                {section.heading}
              </Text>
              <Text className='cs-pre' selectable>
                {section.text}
              </Text>
              <Comments comments={comments} label={`对${section.heading}的意见`} />
              {open ? (
                <View className='cs-section-foot'>
                  <View
                    className={formOpen && target === section.id ? 'cs-comment-on cs-comment-on-active' : 'cs-comment-on'}
                    id={`comment-on-${section.id}`}
                    role='button'
                    aria-label={`对${section.heading}提意见`}
                    onClick={() => openForm(section.id)}
                  >
                    对本条提意见
                  </View>
                </View>
              ) : null}
              {here(section.id)}
            </View>
          );
        })}
        {rest > 0 ? (
          <View className='button button-secondary' id='sections-more' role='button' onClick={() => setVisible((n) => n + sectionsWithin(data, n))}>
            {`继续阅读（还有 ${rest} 条）`}
          </View>
        ) : null}
      </View>

      <View className='card' id='whole-draft' role='region' aria-labelledby='whole-draft-title'>
        <Text className='card-title' id='whole-draft-title'>
          对全文的意见
        </Text>
        {whole.length === 0 && !open ? <Text className='muted'>没有针对全文的意见。</Text> : null}
        <Comments comments={whole} label='对全文的意见' />
        {open ? (
          <View
            className='button button-secondary'
            id='comment-whole'
            role='button'
            aria-label='对征求意见稿全文提意见'
            onClick={() => openForm(null)}
          >
            对全文提意见
          </View>
        ) : null}
        {here(null)}
      </View>
    </>
  );
}

export default function ConsultDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useRemote(
    () => (id ? call('consultations', 'get', { id }) : Promise.reject(new ApiCallError('VALIDATION_FAILED', '链接中缺少征集事项编号，请从“意见征集”列表进入'))),
    [id],
    { refreshOnShow: true },
  );
  return (
    <PageShell testId='consult-detail'>
      <RemoteView state={state}>{(data) => <ConsultBody key={data.id} data={data} reload={state.reload} />}</RemoteView>
    </PageShell>
  );
}
