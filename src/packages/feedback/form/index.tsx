// 找错: the report form. The page in error (route and title) comes from the entry at the bottom of a
// content page; the reader quotes the wrong text, says what is wrong and may leave a contact. One
// idempotency key per report, so a submit retried after a dropped connection files it once.
import { useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { CorrectionView } from '@/contracts/corrections';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { FEEDBACK_PAGE_ROUTES, formatDate, newIdempotencyKey } from '../shared';
import '../feedback.css';

type Field = 'quote' | 'problem' | 'contact';

function safeDecode(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function FieldBlock({ name, label, hint, error, children }: { name: Field; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className={error ? 'fb-field fb-field-invalid' : 'fb-field'} id={`wrap-${name}`}>
      <Text className='fb-label' id={`label-${name}`}>
        {label}
      </Text>
      {hint ? (
        <Text className='fb-hint muted' id={`hint-${name}`}>
          {hint}
        </Text>
      ) : null}
      {children}
      {error ? (
        <Text className='fb-error' id={`error-${name}`}>
          {`！${error}`}
        </Text>
      ) : null}
    </View>
  );
}

function nativeLabel(label: string, error?: string, describedBy?: string) {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label, 'aria-invalid': error ? 'true' : undefined, ...(describedBy ? { 'aria-describedby': describedBy } : {}) } } : {};
}

function Done({ report, replayed }: { report: CorrectionView; replayed: boolean }) {
  return (
    <View className='card' id='feedback-done' role='status'>
      <Text className='card-title'>{replayed ? '您的找错此前已提交成功' : '感谢您帮助我们找错'}</Text>
      <Text className='fb-meta'>{`页面：${report.pageTitle}`}</Text>
      <Text className='fb-meta' id='feedback-done-due' data-due={report.due}>{`我们将在 ${formatDate(report.due)} 前（3 个工作日内）核实处理，结果可在“我的找错”中查看。`}</Text>
      <View className='button' id='feedback-done-mine' role='link' onClick={() => void Taro.redirectTo({ url: FEEDBACK_PAGE_ROUTES.mine })}>
        查看我的找错
      </View>
    </View>
  );
}

export default function FeedbackForm() {
  const { params } = useRouter();
  const route = safeDecode(params.route);
  const title = safeDecode(params.title);
  const [quote, setQuote] = useState('');
  const [problem, setProblem] = useState('');
  const [contact, setContact] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<{ kind: 'idle' | 'sending' } | { kind: 'failed'; message: string } | { kind: 'done'; report: CorrectionView; replayed: boolean }>({ kind: 'idle' });
  const sending = status.kind === 'sending';

  async function submit() {
    if (sending) return;
    const local: Partial<Record<Field, string>> = {};
    if (!quote.trim()) local.quote = '请摘录有错误的原文';
    if (problem.trim().length < 4) local.problem = '请说明错在哪里（至少 4 个字）';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setStatus({ kind: 'sending' });
    try {
      const result = await call('corrections', 'submit', {
        idempotencyKey: key,
        report: { route, pageTitle: title, quote: quote.trim(), problem: problem.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) },
      });
      setStatus({ kind: 'done', report: result.report, replayed: result.replayed });
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const byField: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) {
          const field = issue.path.replace(/^report\./, '') as Field;
          if (['quote', 'problem', 'contact'].includes(field) && !byField[field]) byField[field] = issue.message;
          if (issue.path === 'idempotencyKey') setKey(newIdempotencyKey());
        }
        setErrors(byField);
        setStatus(Object.keys(byField).length > 0 ? { kind: 'idle' } : { kind: 'failed', message: error.message });
      } else {
        // A network failure keeps the key: a retry cannot file the report twice.
        setStatus({ kind: 'failed', message: error instanceof ApiCallError && error.code !== 'NETWORK' ? error.message : '提交失败，请检查网络后重试' });
      }
    }
  }

  if (status.kind === 'done') {
    return (
      <PageShell testId='feedback-form'>
        <Done report={status.report} replayed={status.replayed} />
      </PageShell>
    );
  }

  return (
    <PageShell testId='feedback-form'>
      <View className='header'>
        <Text className='header-title'>找错</Text>
        <Text className='header-sub'>报告页面中的错别字、数据或链接错误，我们在 3 个工作日内处理并答复</Text>
      </View>
      {!route || !title ? (
        <View className='card' id='feedback-no-page'>
          <Text>请从内容页面底部的“找错”进入，以便我们知道是哪个页面出错。</Text>
        </View>
      ) : (
        <View className='card fb-page'>
          <View className='fb-field'>
            <Text className='fb-label'>出错的页面</Text>
            <Text className='fb-page-ref' id='feedback-page-title'>
              {title}
            </Text>
          </View>
          <FieldBlock name='quote' label='有错误的原文（必填）' hint='请摘录出错的文字，便于我们定位。' error={errors.quote}>
            <Textarea
              id='field-quote'
              className='fb-textarea'
              value={quote}
              maxlength={300}
              aria-label='有错误的原文（必填）'
              {...nativeLabel('有错误的原文（必填）', errors.quote, errors.quote ? 'error-quote' : 'hint-quote')}
              onInput={(event) => setQuote(event.detail.value)}
            />
          </FieldBlock>
          <FieldBlock name='problem' label='错在哪里（必填）' hint='例如：日期与正文不一致；应为……' error={errors.problem}>
            <Textarea
              id='field-problem'
              className='fb-textarea'
              value={problem}
              maxlength={1000}
              aria-label='错在哪里（必填）'
              {...nativeLabel('错在哪里（必填）', errors.problem, errors.problem ? 'error-problem' : 'hint-problem')}
              onInput={(event) => setProblem(event.detail.value)}
            />
          </FieldBlock>
          <FieldBlock name='contact' label='联系方式（选填）' hint='手机或邮箱，仅用于核实，不会公开。' error={errors.contact}>
            <Input
              id='field-contact'
              className='fb-input'
              value={contact}
              maxlength={50}
              aria-label='联系方式（选填）'
              {...nativeLabel('联系方式（选填）', errors.contact, errors.contact ? 'error-contact' : 'hint-contact')}
              onInput={(event) => setContact(event.detail.value)}
            />
          </FieldBlock>
          {status.kind === 'failed' ? (
            <View className='fb-error' id='feedback-failed' role='alert'>
              {status.message}
            </View>
          ) : null}
          <View id='feedback-submit' className={sending ? 'button button-disabled' : 'button'} role='button' aria-disabled={sending} onClick={() => void submit()}>
            {sending ? '正在提交…' : '提交找错'}
          </View>
        </View>
      )}
      <View className='button button-secondary' id='feedback-mine' role='link' onClick={() => void Taro.navigateTo({ url: FEEDBACK_PAGE_ROUTES.mine })}>
        我的找错
      </View>
    </PageShell>
  );
}
