// 好差评: the rating sheet. One rating per service transaction (一事一评); a late rating within 5
// working days of the service; a bad rating (不满意、非常不满意) needs a reason and becomes a
// rectification case answered on a deadline. The draft and its idempotency key stay in storage until
// the rating is accepted, so a submit retried after a dropped connection can never rate twice.
import { useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ActionOutput } from '@/contracts';
import type { RatingView, ServiceItemKey } from '@/contracts/ratings';
import { idempotencyKeySchema } from '@/contracts/requests';
import { addDays, shanghaiDate } from '@/domain/calendar/dates';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { formatDate, MODERATION_LABELS, newIdempotencyKey, RATE_ROUTES } from '../shared';
import '../rate.css';

type Options = ActionOutput<'ratings', 'options'>;
type Display = 'realName' | 'anonymous';

interface Draft {
  serviceItem: string;
  transactionRef: string;
  serviceDate: string;
  level: number;
  indicators: string[];
  comment: string;
  display: Display;
  realName: string;
}

/** The fields in the order they are shown (the first error is scrolled to). */
const FIELDS = ['serviceItem', 'transactionRef', 'serviceDate', 'level', 'indicators', 'comment', 'display', 'realName'] as const;
type Field = (typeof FIELDS)[number];

const DRAFT_STORAGE_KEY = 'rate:draft';
const COMMENT_MAX = 500;

function emptyDraft(today: string): Draft {
  return { serviceItem: '', transactionRef: '', serviceDate: today, level: 0, indicators: [], comment: '', display: 'anonymous', realName: '' };
}

function loadDraft(today: string): { draft: Draft; key: string } {
  try {
    const stored: unknown = Taro.getStorageSync(DRAFT_STORAGE_KEY);
    if (stored && typeof stored === 'object') {
      const { draft, key } = stored as { draft?: Partial<Draft>; key?: unknown };
      const parsedKey = idempotencyKeySchema.safeParse(key);
      const base = emptyDraft(today);
      const d = draft ?? {};
      return {
        draft: {
          serviceItem: typeof d.serviceItem === 'string' ? d.serviceItem : base.serviceItem,
          transactionRef: typeof d.transactionRef === 'string' ? d.transactionRef : base.transactionRef,
          serviceDate: typeof d.serviceDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.serviceDate) ? d.serviceDate : base.serviceDate,
          level: typeof d.level === 'number' && d.level >= 1 && d.level <= 5 ? d.level : 0,
          indicators: Array.isArray(d.indicators) ? d.indicators.filter((i): i is string => typeof i === 'string') : [],
          comment: typeof d.comment === 'string' ? d.comment : '',
          display: d.display === 'realName' ? 'realName' : 'anonymous',
          realName: typeof d.realName === 'string' ? d.realName : '',
        },
        key: parsedKey.success ? parsedKey.data : newIdempotencyKey(),
      };
    }
  } catch {
    // Unreadable storage: start afresh.
  }
  return { draft: emptyDraft(today), key: newIdempotencyKey() };
}

function saveDraft(draft: Draft, key: string): void {
  try {
    Taro.setStorageSync(DRAFT_STORAGE_KEY, { draft, key });
  } catch {
    // Storage full or unavailable: the sheet still works, only the draft is not kept.
  }
}

function clearDraft(): void {
  try {
    Taro.removeStorageSync(DRAFT_STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** The same rules the server applies (it checks the late-rating window on the official calendar). */
function check(draft: Draft, options: Options, today: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!draft.serviceItem) errors.serviceItem = '请选择评价的服务事项';
  if (draft.serviceDate > today) errors.serviceDate = '办事日期不能晚于今天';
  const level = options.levels.find((l) => l.level === draft.level);
  if (!level) errors.level = '请选择评价等级';
  else if (level.bad) {
    if (draft.indicators.length === 0) errors.indicators = '差评请至少选择一项不满意的方面';
    if (draft.comment.trim().length < 5) errors.comment = '差评请写明原因（至少 5 个字），以便我们整改';
  }
  if (draft.display === 'realName' && !draft.realName.trim()) errors.realName = '实名展示请填写姓名';
  return errors;
}

function errorsFromIssues(issues: ReadonlyArray<{ path: string; message: string }>): Partial<Record<Field | 'idempotencyKey', string>> {
  const errors: Partial<Record<Field | 'idempotencyKey', string>> = {};
  for (const issue of issues) {
    const field = issue.path.replace(/^rating\./, '').split('.')[0] as Field | 'idempotencyKey';
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

function scrollTo(selector: string): void {
  void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
}

function FieldBlock({ name, label, required, hint, error, children }: { name: Field; label: string; required?: boolean; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className={error ? 'rate-field rate-field-invalid' : 'rate-field'} id={`wrap-${name}`}>
      <Text className='rate-label' id={`label-${name}`}>
        {label}
        {required === undefined ? null : <Text className='rate-required'>{required ? '（必填）' : '（选填）'}</Text>}
      </Text>
      {hint ? (
        <Text className='rate-hint muted' id={`hint-${name}`}>
          {hint}
        </Text>
      ) : null}
      {children}
      {error ? (
        <Text className='rate-error' id={`error-${name}`}>
          <Text className='rate-error-mark' aria-hidden='true'>
            ！
          </Text>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

function Done({ rating, replayed, onAgain }: { rating: RatingView; replayed: boolean; onAgain: () => void }) {
  const rect = rating.rectification;
  return (
    <View className='card' id='rate-done' role='status'>
      <Text className='card-title'>{replayed ? '您的评价此前已提交成功' : '感谢您的评价'}</Text>
      <View className='rate-notice rate-notice-ok'>
        <Text className='rate-notice-title' id='rate-done-level'>{`${rating.serviceItemLabel}：${rating.levelLabel}`}</Text>
        <Text className='muted'>{`办事日期 ${formatDate(rating.serviceDate)} · 展示为 ${rating.rater}`}</Text>
      </View>
      {rating.comment ? (
        <View className={rating.moderation === 'shown' ? 'rate-notice' : 'rate-notice rate-notice-wait'} id='rate-done-moderation' data-moderation={rating.moderation}>
          <Text>{rating.moderation === 'pending' ? '评价内容需经人工审核，审核通过后在评价统计页公开；审核期间仅您本人可见。' : `${MODERATION_LABELS[rating.moderation]}，可在评价统计页查看。`}</Text>
        </View>
      ) : null}
      {rect ? (
        <View className='rate-notice rate-notice-wait' id='rate-done-rectification' data-due={rect.due}>
          <Text className='rate-notice-title'>{`已转为整改事项：本中心将在 ${formatDate(rect.due)} 前核实整改并答复您`}</Text>
          <Text>整改答复期限为 5 个工作日，答复后可在“我的评价”中查看；我们可能会联系您回访。</Text>
        </View>
      ) : null}
      <View className='button' id='rate-done-mine' role='link' onClick={() => void Taro.navigateTo({ url: RATE_ROUTES.mine })}>
        查看我的评价
      </View>
      <View className='button button-secondary' id='rate-again' role='button' onClick={onAgain}>
        评价其他服务
      </View>
    </View>
  );
}

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'network' } | { kind: 'failed'; message: string } | { kind: 'done'; rating: RatingView; replayed: boolean };

function Sheet({ options }: { options: Options }) {
  // The server's date decides what "today" is (the device's clock may be wrong).
  const [today] = useState(() => options.today || shanghaiDate(new Date()));
  const { params } = useRouter();
  const [initial] = useState(() => {
    const loaded = loadDraft(today);
    // Opened from a service page's floating entry: preselect that service unless the draft has one.
    const service = params.service;
    if (!loaded.draft.serviceItem && service && options.serviceItems.some((item) => item.key === service)) loaded.draft.serviceItem = service;
    return loaded;
  });
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [key, setKey] = useState(initial.key);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const sending = status.kind === 'sending';

  const level = options.levels.find((l) => l.level === draft.level);
  const bad = level?.bad ?? false;
  const indicators = level?.indicators ?? [];

  function update(patch: Partial<Draft>) {
    const next = { ...draft, ...patch };
    // Indicators belong to the kind of rating: switching between good and bad keeps only those that still apply.
    const allowed = options.levels.find((l) => l.level === next.level)?.indicators ?? [];
    next.indicators = next.indicators.filter((i) => allowed.includes(i));
    setDraft(next);
    saveDraft(next, key);
    // Re-check what the change touched (after a submit attempt, or where an error is showing); errors
    // elsewhere, including the server's (e.g. the late-rating window), stay until their field changes.
    const touched = new Set<string>(Object.keys(patch));
    if ('level' in patch) ['indicators', 'comment'].forEach((f) => touched.add(f));
    if ('display' in patch) touched.add('realName');
    const now = check(next, options, today);
    setErrors((previous) => {
      const updated = { ...previous };
      for (const field of FIELDS) {
        if (!touched.has(field) || !(attempted || previous[field])) continue;
        if (now[field]) updated[field] = now[field];
        else delete updated[field];
      }
      return updated;
    });
  }

  function toggleIndicator(name: string) {
    update({ indicators: draft.indicators.includes(name) ? draft.indicators.filter((i) => i !== name) : [...draft.indicators, name] });
  }

  function showFirst(found: Partial<Record<Field, string>>) {
    const field = FIELDS.find((f) => found[f]);
    if (field) scrollTo(`#wrap-${field}`);
  }

  async function submit() {
    if (sending) return;
    setAttempted(true);
    const found = check(draft, options, today);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: 'idle' });
      showFirst(found);
      return;
    }
    setStatus({ kind: 'sending' });
    saveDraft(draft, key);
    const transactionRef = draft.transactionRef.trim();
    try {
      const result = await call('ratings', 'submit', {
        idempotencyKey: key,
        rating: {
          serviceItem: draft.serviceItem as ServiceItemKey,
          ...(transactionRef ? { transactionRef } : {}),
          serviceDate: draft.serviceDate,
          level: draft.level,
          indicators: draft.indicators,
          comment: draft.comment.trim(),
          display: draft.display,
          ...(draft.display === 'realName' ? { realName: draft.realName.trim() } : {}),
        },
      });
      clearDraft();
      setStatus({ kind: 'done', rating: result.rating, replayed: result.replayed });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (error) {
      if (!(error instanceof ApiCallError)) {
        setStatus({ kind: 'failed', message: '提交失败，请稍后重试' });
      } else if (error.code === 'NETWORK') {
        // The rating may or may not have arrived: keep the same key, so a retry cannot rate twice.
        setStatus({ kind: 'network' });
      } else if (error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const byIssue = errorsFromIssues(error.issues);
        if (byIssue.idempotencyKey) {
          const fresh = newIdempotencyKey();
          setKey(fresh);
          saveDraft(draft, fresh);
        }
        const byField = Object.fromEntries(Object.entries(byIssue).filter(([field]) => (FIELDS as readonly string[]).includes(field))) as Partial<Record<Field, string>>;
        setErrors(byField);
        setStatus(Object.keys(byField).length > 0 ? { kind: 'idle' } : { kind: 'failed', message: error.message });
        showFirst(byField);
      } else {
        setStatus({ kind: 'failed', message: error.message });
      }
    }
  }

  function again() {
    const fresh = emptyDraft(today);
    const freshKey = newIdempotencyKey();
    setDraft(fresh);
    setKey(freshKey);
    setErrors({});
    setAttempted(false);
    setStatus({ kind: 'idle' });
  }

  if (status.kind === 'done') return <Done rating={status.rating} replayed={status.replayed} onAgain={again} />;

  const errorCount = Object.keys(errors).length;
  const earliest = addDays(today, -31);
  return (
    <>
      <View className='card' role='group' aria-labelledby='rate-section-service'>
        <Text className='card-title' id='rate-section-service'>
          一、评价哪项服务
        </Text>
        <FieldBlock name='serviceItem' label='服务事项' required error={errors.serviceItem}>
          <View className='rate-choices' id='field-serviceItem' role='radiogroup' aria-labelledby='label-serviceItem'>
            {options.serviceItems.map((item) => {
              const selected = draft.serviceItem === item.key;
              return (
                <View
                  key={item.key}
                  id={`rate-item-${item.key}`}
                  className={selected ? 'rate-choice tap rate-choice-selected' : 'rate-choice tap'}
                  role='radio'
                  aria-checked={selected}
                  onClick={() => update({ serviceItem: item.key })}
                >
                  <View className='rate-mark rate-mark-radio' aria-hidden='true'>
                    {selected ? <View className='rate-radio-dot' /> : null}
                  </View>
                  <Text className='rate-choice-label'>{item.label}</Text>
                </View>
              );
            })}
          </View>
        </FieldBlock>
        <FieldBlock name='transactionRef' label='办件编号' required={false} hint='项目编号或依申请公开的查询码。不填时，同一事项同一天的办理视为一次办件；每次办件只能评价一次（一事一评）。' error={errors.transactionRef}>
          <Input
            id='field-transactionRef'
            className='rate-input'
            value={draft.transactionRef}
            maxlength={64}
            placeholder='例如 ZBGGZY-2026-0301'
            aria-label='办件编号（选填）'
            onInput={(event) => update({ transactionRef: event.detail.value })}
          />
        </FieldBlock>
        <FieldBlock
          name='serviceDate'
          label='办事日期'
          required
          hint={`默认今天。办事后 ${options.lateRatingWorkingDays} 个工作日内可以补充评价（周末和法定节假日不计），超过期限的不再受理。`}
          error={errors.serviceDate}
        >
          <Picker mode='date' id='field-serviceDate' value={draft.serviceDate} start={earliest} end={today} onChange={(event) => update({ serviceDate: String(event.detail.value) })}>
            <View className='rate-date tap'>
              <View role='button' aria-label={`办事日期：${formatDate(draft.serviceDate)}${draft.serviceDate === today ? '（今天）' : ''}，点按选择其他日期`}>
                <Text id='field-serviceDate-value'>
                  {formatDate(draft.serviceDate)}
                  {draft.serviceDate === today ? '（今天）' : ''}
                </Text>
              </View>
              <Text className='rate-date-change' aria-hidden='true'>
                选择日期 ▾
              </Text>
            </View>
          </Picker>
        </FieldBlock>
      </View>

      <View className='card' role='group' aria-labelledby='rate-section-level'>
        <Text className='card-title' id='rate-section-level'>
          二、您的评价
        </Text>
        <FieldBlock name='level' label='评价等级' required error={errors.level}>
          <View className='rate-levels' id='field-level' role='radiogroup' aria-labelledby='label-level'>
            {options.levels.map((option) => {
              const selected = draft.level === option.level;
              return (
                <View
                  key={option.level}
                  id={`rate-level-${option.level}`}
                  className={`rate-level tap${option.bad ? ' rate-level-bad' : ''}${selected ? ' rate-level-selected' : ''}`}
                  role='radio'
                  aria-checked={selected}
                  aria-label={`${option.label}${option.bad ? '（差评）' : ''}`}
                  data-level={option.level}
                  onClick={() => update({ level: option.level })}
                >
                  <View className='rate-mark rate-mark-radio' aria-hidden='true'>
                    {selected ? <View className='rate-radio-dot' /> : null}
                  </View>
                  <Text className='rate-level-label'>{option.label}</Text>
                  <Text className='rate-level-dots' aria-hidden='true'>
                    {'★'.repeat(option.level)}
                  </Text>
                  {selected ? <Text className='rate-level-state'>已选</Text> : null}
                </View>
              );
            })}
          </View>
        </FieldBlock>
        {level ? (
          <FieldBlock name='indicators' label={bad ? '哪些方面不满意' : '哪些方面做得好'} required={bad} hint={bad ? '至少选择一项，可多选' : '可多选'} error={errors.indicators}>
            <View className='rate-choices' id='field-indicators' role='group' aria-labelledby='label-indicators'>
              {indicators.map((name, index) => {
                const checked = draft.indicators.includes(name);
                return (
                  <View
                    key={name}
                    id={`indicator-${index}`}
                    className={checked ? 'rate-choice tap rate-choice-selected' : 'rate-choice tap'}
                    role='checkbox'
                    aria-checked={checked}
                    data-indicator={name}
                    onClick={() => toggleIndicator(name)}
                  >
                    <View className='rate-mark rate-mark-check' aria-hidden='true'>
                      {checked ? '✓' : ''}
                    </View>
                    <Text className='rate-choice-label'>{name}</Text>
                  </View>
                );
              })}
            </View>
          </FieldBlock>
        ) : null}
        <FieldBlock
          name='comment'
          label='评价内容'
          required={bad}
          hint={bad ? '选择“不满意”或“非常不满意”时必填：请写明原因（至少 5 个字），我们将核实整改并答复您。' : '可写下您的意见和建议。评价内容经审核后公开，请勿填写手机号等个人信息。'}
          error={errors.comment}
        >
          <Textarea
            id='field-comment'
            className='rate-textarea'
            value={draft.comment}
            maxlength={COMMENT_MAX}
            placeholder={bad ? '请写明不满意的原因' : '选填'}
            aria-label={bad ? '评价内容（必填）' : '评价内容（选填）'}
            {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': bad ? '评价内容（必填）' : '评价内容（选填）', 'aria-invalid': errors.comment ? 'true' : undefined, 'aria-describedby': errors.comment ? 'error-comment' : 'hint-comment' } } : {})}
            onInput={(event) => update({ comment: event.detail.value })}
          />
          <Text className='rate-count muted' id='count-comment'>{`${[...draft.comment].length}/${COMMENT_MAX} 字`}</Text>
        </FieldBlock>
      </View>

      <View className='card' role='group' aria-labelledby='rate-section-display'>
        <Text className='card-title' id='rate-section-display'>
          三、公开展示方式
        </Text>
        <FieldBlock name='display' label='展示方式' hint='实名展示时只公开姓氏（如“张*”）；匿名展示为“匿名用户”。两种方式工作人员都能联系您回访。' error={errors.display}>
          <View className='rate-choices' id='field-display' role='radiogroup' aria-labelledby='label-display'>
            {(
              [
                ['anonymous', '匿名展示'],
                ['realName', '实名展示'],
              ] as const
            ).map(([value, label]) => {
              const selected = draft.display === value;
              return (
                <View
                  key={value}
                  id={`display-${value}`}
                  className={selected ? 'rate-choice tap rate-choice-selected' : 'rate-choice tap'}
                  role='radio'
                  aria-checked={selected}
                  onClick={() => update({ display: value })}
                >
                  <View className='rate-mark rate-mark-radio' aria-hidden='true'>
                    {selected ? <View className='rate-radio-dot' /> : null}
                  </View>
                  <Text className='rate-choice-label'>{label}</Text>
                </View>
              );
            })}
          </View>
        </FieldBlock>
        {draft.display === 'realName' ? (
          <FieldBlock name='realName' label='姓名' required error={errors.realName}>
            <Input id='field-realName' className='rate-input' value={draft.realName} maxlength={20} aria-label='姓名（必填）' onInput={(event) => update({ realName: event.detail.value })} />
          </FieldBlock>
        ) : null}
      </View>

      {attempted && errorCount > 0 ? (
        <View className='card rate-notice rate-notice-error' id='error-summary' role='alert'>
          <Text className='rate-notice-title'>{`有 ${errorCount} 处需要修改，请查看标有“！”的项目`}</Text>
        </View>
      ) : null}
      {status.kind === 'network' ? (
        <View className='card rate-notice rate-notice-error' id='submit-network-error' role='alert'>
          <Text className='rate-notice-title'>网络连接失败，您的评价已保存在本机，请重试</Text>
          <Text className='muted'>重试不会重复评价：如上次提交其实已经送达，将直接显示那次评价。</Text>
        </View>
      ) : null}
      {status.kind === 'failed' ? (
        <View className='card rate-notice rate-notice-error' id='submit-error' role='alert'>
          <Text>{status.message}</Text>
        </View>
      ) : null}

      <View id='rate-submit' className={sending ? 'button button-disabled' : 'button'} role='button' aria-disabled={sending} onClick={() => void submit()}>
        {sending ? '正在提交…' : status.kind === 'network' ? '重试提交' : '提交评价'}
      </View>
    </>
  );
}

export default function RateHome() {
  const options = useRemote(() => call('ratings', 'options', {}), []);
  return (
    <PageShell testId='rate-home'>
      <View className='header'>
        <Text className='header-title'>好差评</Text>
        <Text className='header-sub'>评价本中心的服务：差评必核实整改并答复，整改情况公开</Text>
      </View>
      <View className='rate-links' role='navigation' aria-label='好差评'>
        <View className='rate-link tap' id='rate-mine' role='link' onClick={() => void Taro.navigateTo({ url: RATE_ROUTES.mine })}>
          <Text>我的评价</Text>
        </View>
        <View className='rate-link tap' id='rate-stats' role='link' onClick={() => void Taro.navigateTo({ url: RATE_ROUTES.stats })}>
          <Text>评价统计</Text>
        </View>
      </View>
      <RemoteView state={options}>{(data) => <Sheet options={data} />}</RemoteView>
    </PageShell>
  );
}
