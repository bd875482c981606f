// 在线申请: the application form. The draft lives in storage from the first keystroke (so closing the
// app loses nothing), together with an idempotency key that stays until a receipt arrives: a submit
// retried after a dropped connection reuses the key and can never create a second application.
import { askForUpdates } from '@/services/subscribe';
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { idempotencyKeySchema } from '@/contracts/requests';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import {
  APPLICATION_FIELD_LABELS,
  APPLICATION_FIELDS,
  ApplicationFields,
  EMPTY_APPLICATION,
  errorsFromIssues,
  firstErrorField,
  normaliseDraft,
  validateApplication,
  type ApplicationDraft,
  type ApplicationField,
} from '@/components/ApplicationFields';
import '../apply.css';

const DRAFT_STORAGE_KEY = 'apply:draft';

interface StoredDraft {
  values: ApplicationDraft;
  idempotencyKey: string;
  savedAt: string;
}

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'network' } | { kind: 'failed'; message: string } | { kind: 'done' };

/** 32 characters of base36 from the clock and Math.random: unique enough for one person's submits. */
function newIdempotencyKey(): string {
  let key = Date.now().toString(36);
  while (key.length < 32) key += Math.floor(Math.random() * 36).toString(36);
  return key;
}

function hasContent(values: ApplicationDraft): boolean {
  return APPLICATION_FIELDS.some((field) => values[field].trim() !== '' && values[field] !== EMPTY_APPLICATION[field]);
}

function loadDraft(): StoredDraft & { restored: boolean } {
  try {
    const stored: unknown = Taro.getStorageSync(DRAFT_STORAGE_KEY);
    if (stored && typeof stored === 'object') {
      const { values, idempotencyKey, savedAt } = stored as Partial<StoredDraft>;
      const key = idempotencyKeySchema.safeParse(idempotencyKey);
      const draft = normaliseDraft(values);
      return { values: draft, idempotencyKey: key.success ? key.data : newIdempotencyKey(), savedAt: typeof savedAt === 'string' ? savedAt : '', restored: hasContent(draft) };
    }
  } catch {
    // Unreadable storage: start afresh.
  }
  return { values: { ...EMPTY_APPLICATION }, idempotencyKey: newIdempotencyKey(), savedAt: '', restored: false };
}

function saveDraft(values: ApplicationDraft, idempotencyKey: string): void {
  try {
    Taro.setStorageSync(DRAFT_STORAGE_KEY, { values, idempotencyKey, savedAt: new Date().toISOString() } satisfies StoredDraft);
  } catch {
    // Storage full or unavailable: the form still works, only the draft is not kept.
  }
}

function clearDraft(): void {
  try {
    Taro.removeStorageSync(DRAFT_STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

function scrollTo(selector: string): void {
  void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
}

export default function ApplyForm() {
  const [initial] = useState(loadDraft);
  const [values, setValues] = useState<ApplicationDraft>(initial.values);
  const [idempotencyKey, setIdempotencyKey] = useState(initial.idempotencyKey);
  const [restored, setRestored] = useState(initial.restored);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [agreed, setAgreed] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [focusField, setFocusField] = useState<ApplicationField>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const sending = status.kind === 'sending' || status.kind === 'done';
  const agreeError = attempted && !agreed;
  const fieldErrors = APPLICATION_FIELDS.filter((field) => errors[field]);
  const errorCount = fieldErrors.length + (agreeError ? 1 : 0);

  function change(next: ApplicationDraft, field: ApplicationField) {
    setValues(next);
    valuesRef.current = next;
    saveDraft(next, idempotencyKey);
    if (attempted) {
      // After a submit attempt every change re-checks the whole form, so the list of problems stays true.
      setErrors(validateApplication(next).errors);
    } else if (errors[field]) {
      const message = validateApplication(next).errors[field];
      setErrors((previous) => {
        const updated = { ...previous };
        if (message) updated[field] = message;
        else delete updated[field];
        return updated;
      });
    }
  }

  function blur(field: ApplicationField) {
    setFocusField((current) => (current === field ? undefined : current));
    const current = valuesRef.current;
    // Check a field once it has been filled in; an empty field is only reported on submit.
    if (current[field].trim() === '' && !errors[field]) return;
    const message = validateApplication(current).errors[field];
    setErrors((previous) => {
      const updated = { ...previous };
      if (message) updated[field] = message;
      else delete updated[field];
      return updated;
    });
  }

  function showFirstError(found: Record<string, string>, agreeMissing: boolean) {
    const field = firstErrorField(found);
    if (field) {
      scrollTo(`#wrap-${field}`);
      setFocusField(field);
    } else if (agreeMissing) {
      scrollTo('#agree');
    }
  }

  async function submit() {
    if (sending) return;
    // NOTE: WeChat shows the consent prompt only when asked inside the tap, before any await.
    void askForUpdates(['received', 'correctionNeeded', 'replied']);
    setAttempted(true);
    const checked = validateApplication(values);
    setErrors(checked.errors);
    if (!checked.application || !agreed) {
      setStatus({ kind: 'idle' });
      showFirstError(checked.errors, !agreed);
      return;
    }
    setStatus({ kind: 'sending' });
    saveDraft(values, idempotencyKey);
    try {
      const receipt = await call('requests', 'submit', { idempotencyKey, application: checked.application });
      clearDraft();
      setStatus({ kind: 'done' });
      void Taro.redirectTo({ url: `/packages/apply/receipt/index?id=${encodeURIComponent(receipt.id)}${receipt.replayed ? '&replayed=1' : ''}` });
    } catch (error) {
      if (!(error instanceof ApiCallError)) {
        setStatus({ kind: 'failed', message: '提交失败，请稍后重试' });
      } else if (error.code === 'NETWORK') {
        // The application may or may not have arrived: keep the same key, so a retry cannot duplicate it.
        setStatus({ kind: 'network' });
      } else if (error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const found = errorsFromIssues(error.issues);
        if (found.idempotencyKey) {
          const key = newIdempotencyKey();
          setIdempotencyKey(key);
          saveDraft(values, key);
        }
        const byField = Object.fromEntries(Object.entries(found).filter(([field]) => (APPLICATION_FIELDS as readonly string[]).includes(field)));
        setErrors(byField);
        setStatus(Object.keys(byField).length > 0 ? { kind: 'idle' } : { kind: 'failed', message: error.message });
        showFirstError(byField, false);
      } else {
        setStatus({ kind: 'failed', message: error.message });
      }
    }
  }

  async function clearAll() {
    if (sending) return;
    const answer = await Taro.showModal({ title: '清空申请表', content: '已填写的内容将全部删除，且无法恢复。确定清空吗？', confirmText: '清空', cancelText: '不清空' });
    if (!answer.confirm) return;
    clearDraft();
    const fresh = { ...EMPTY_APPLICATION };
    setValues(fresh);
    valuesRef.current = fresh;
    setIdempotencyKey(newIdempotencyKey());
    setErrors({});
    setAgreed(false);
    setAttempted(false);
    setRestored(false);
    setStatus({ kind: 'idle' });
  }

  return (
    <PageShell testId='apply-form'>
      <View className='card'>
        <Text className='card-title'>政府信息公开申请表</Text>
        <Text className='muted apply-intro'>依申请公开不收取费用。请如实填写，标有“（必填）”的项目必须填写。填写内容自动保存在本机，关闭后再打开可以继续填写。</Text>
        {restored ? (
          <View className='apply-notice' id='draft-restored' role='status'>
            <Text>已恢复您上次未提交的草稿。</Text>
          </View>
        ) : null}
      </View>

      <ApplicationFields value={values} onChange={change} onBlur={blur} errors={errors} focusField={focusField} disabled={sending} />

      <View className='card'>
        <View
          id='agree'
          className='apply-agree tap'
          role='checkbox'
          aria-checked={agreed}
          aria-labelledby='agree-label'
          onClick={() => {
            if (!sending) setAgreed((value) => !value);
          }}
        >
          <View className={agreed ? 'apply-checkbox apply-checkbox-on' : 'apply-checkbox'} aria-hidden='true'>
            {agreed ? '✓' : ''}
          </View>
          <Text id='agree-label'>本人承诺所填信息真实</Text>
        </View>
        {agreeError ? (
          <Text className='apply-error' id='error-agree'>
            ！请勾选“本人承诺所填信息真实”后再提交
          </Text>
        ) : null}
      </View>

      {attempted && errorCount > 0 ? (
        <View className='card apply-notice apply-notice-error apply-summary' id='error-summary' role='alert'>
          <Text className='apply-notice-title' id='error-count'>{`有 ${errorCount} 处需要修改`}</Text>
          {fieldErrors.map((field) => (
            <View
              key={field}
              className='apply-summary-item'
              role='link'
              onClick={() => {
                scrollTo(`#wrap-${field}`);
                setFocusField(field);
              }}
            >
              {`${APPLICATION_FIELD_LABELS[field]}：${errors[field]}`}
            </View>
          ))}
          {agreeError ? (
            <View className='apply-summary-item' role='link' onClick={() => scrollTo('#agree')}>
              承诺：请勾选“本人承诺所填信息真实”
            </View>
          ) : null}
        </View>
      ) : null}

      {status.kind === 'network' ? (
        <View className='card apply-notice apply-notice-error' id='submit-network-error' role='alert'>
          <Text className='apply-notice-title'>网络连接失败，您的申请已保存为草稿，请重试</Text>
          <Text className='muted'>重试不会重复提交：如上次提交其实已经送达，将直接显示那份申请的回执。</Text>
          <View id='submit-retry' className='button button-secondary' role='button' onClick={() => void submit()}>
            重试
          </View>
        </View>
      ) : null}
      {status.kind === 'failed' ? (
        <View className='card apply-notice apply-notice-error' id='submit-error' role='alert'>
          <Text>{status.message}</Text>
        </View>
      ) : null}

      <View
        id='submit'
        className={sending ? 'button button-disabled' : 'button'}
        role='button'
        aria-disabled={sending}
        onClick={() => void submit()}
      >
        {sending ? '正在提交…' : '提交申请'}
      </View>
      <View id='clear' className='button button-secondary' role='button' aria-disabled={sending} onClick={() => void clearAll()}>
        清空
      </View>
    </PageShell>
  );
}
