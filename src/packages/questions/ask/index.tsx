// 我要留言: the question form. Labelled fields with inline Chinese errors, a private switch (private
// questions are answered to the asker only), an optional mobile (shown masked, never published). The
// idempotency key is kept until the question is received, so a retried submit never asks twice. The
// receipt states the due date the server computed on the working-day calendar.
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import type { ActionOutput } from '@/contracts';
import { QUESTION_BODY_MAX, QUESTION_TITLE_MAX, type MyQuestion } from '@/contracts/questions';
import type { QuestionCategory } from '@/domain/questions/rules';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { formatDate, newIdempotencyKey, QUESTION_ROUTES } from '../shared';
import '../questions.css';

type Options = ActionOutput<'questions', 'options'>;
const FIELDS = ['category', 'title', 'body', 'name', 'contact'] as const;
type Field = (typeof FIELDS)[number];
interface Draft {
  category: QuestionCategory | '';
  title: string;
  body: string;
  private: boolean;
  name: string;
  contact: string;
}

function check(draft: Draft): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!draft.category) errors.category = '请选择留言类别';
  const title = draft.title.trim();
  if ([...title].length < 4) errors.title = '标题至少 4 个字';
  else if ([...title].length > QUESTION_TITLE_MAX) errors.title = `标题不能超过 ${QUESTION_TITLE_MAX} 个字`;
  const body = draft.body.trim();
  if ([...body].length < 10) errors.body = '留言内容至少 10 个字，请写清楚您要咨询的事项';
  if (draft.contact.trim() && !/^1\d{10}$/.test(draft.contact.trim())) errors.contact = '手机号码应为 11 位数字，以 1 开头';
  return errors;
}

function FieldBlock({ name, label, hint, error, children }: { name: Field | 'private'; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className={error ? 'qa-field qa-invalid' : 'qa-field'} id={`wrap-${name}`}>
      <Text className='qa-label' id={`label-${name}`}>
        {label}
      </Text>
      {hint ? (
        <Text className='qa-hint muted' id={`hint-${name}`}>
          {hint}
        </Text>
      ) : null}
      {children}
      {error ? (
        <Text className='qa-error' id={`error-${name}`}>
          {`！${error}`}
        </Text>
      ) : null}
    </View>
  );
}

function Receipt({ question, replayed, workingDays }: { question: MyQuestion; replayed: boolean; workingDays: number }) {
  return (
    <View className='card' id='ask-done' role='status' data-due={question.due}>
      <Text className='card-title'>{replayed ? '您的留言此前已提交成功' : '留言已收到'}</Text>
      <View className='qa-note qa-note-ok'>
        <Text className='qa-note-title' id='ask-done-title'>
          {question.title}
        </Text>
        <Text>{`${question.categoryLabel} · ${question.private ? '不公开' : '答复后公开，留言人显示为 ' + question.asker}`}</Text>
        <Text className='qa-note-title' id='ask-done-due'>{`本中心将在 ${formatDate(question.due)} 前答复您`}</Text>
        <Text>{`答复期限为 ${workingDays} 个工作日（周末和法定节假日不计）。如需补充说明，我们会一次性告知需要补充的全部内容。`}</Text>
        {question.contactMasked ? <Text>{`联系手机：${question.contactMasked}（不公开）`}</Text> : null}
      </View>
      <View className='button' id='ask-done-mine' role='link' onClick={() => void Taro.redirectTo({ url: QUESTION_ROUTES.mine })}>
        查看我的留言
      </View>
    </View>
  );
}

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'network' } | { kind: 'failed'; message: string } | { kind: 'done'; question: MyQuestion; replayed: boolean };

function Form({ options }: { options: Options }) {
  const [draft, setDraft] = useState<Draft>({ category: '', title: '', body: '', private: false, name: '', contact: '' });
  const [key, setKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempted, setAttempted] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const sending = status.kind === 'sending';

  function update(patch: Partial<Draft>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (attempted) setErrors(check(next));
  }

  async function submit() {
    if (sending) return;
    setAttempted(true);
    const found = check(draft);
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      void Taro.pageScrollTo({ selector: `#wrap-${first}`, duration: 200 }).catch(() => undefined);
      return;
    }
    setStatus({ kind: 'sending' });
    try {
      const result = await call('questions', 'ask', {
        idempotencyKey: key,
        category: draft.category as QuestionCategory,
        title: draft.title.trim(),
        body: draft.body.trim(),
        private: draft.private,
        ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
        ...(draft.contact.trim() ? { contact: draft.contact.trim() } : {}),
      });
      setStatus({ kind: 'done', question: result.question, replayed: result.replayed });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (error) {
      if (!(error instanceof ApiCallError)) setStatus({ kind: 'failed', message: '提交失败，请稍后重试' });
      else if (error.code === 'NETWORK') setStatus({ kind: 'network' }); // same key: a retry cannot ask twice
      else if (error.code === 'VALIDATION_FAILED' && error.issues.length > 0) {
        const byField: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) if ((FIELDS as readonly string[]).includes(issue.path)) byField[issue.path as Field] ??= issue.message;
        if (error.issues.some((i) => i.path === 'idempotencyKey')) setKey(newIdempotencyKey());
        setErrors(byField);
        setStatus(Object.keys(byField).length > 0 ? { kind: 'idle' } : { kind: 'failed', message: error.message });
      } else setStatus({ kind: 'failed', message: error.message });
    }
  }

  if (status.kind === 'done') return <Receipt question={status.question} replayed={status.replayed} workingDays={options.answerWorkingDays} />;
  const errorCount = Object.keys(errors).length;
  return (
    <View className='card' role='form' aria-label='我要留言'>
      <FieldBlock name='category' label='留言类别（必填）' error={errors.category}>
        <View className='qa-chips' id='field-category' role='radiogroup' aria-labelledby='label-category'>
          {options.categories.map((c) => (
            <View
              key={c.key}
              id={`ask-category-${c.key}`}
              className={draft.category === c.key ? 'qa-chip tap qa-chip-selected' : 'qa-chip tap'}
              role='radio'
              aria-checked={draft.category === c.key}
              onClick={() => update({ category: c.key as QuestionCategory })}
            >
              {draft.category === c.key ? `✓ ${c.label}` : c.label}
            </View>
          ))}
        </View>
      </FieldBlock>
      <FieldBlock name='title' label='标题（必填）' hint={`4 至 ${QUESTION_TITLE_MAX} 个字，概括您要咨询的事项`} error={errors.title}>
        <Input id='field-title' className='qa-input' value={draft.title} maxlength={QUESTION_TITLE_MAX} aria-label='标题（必填）' {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '标题（必填）', 'aria-invalid': errors.title ? 'true' : undefined, 'aria-describedby': errors.title ? 'error-title' : 'hint-title' } } : {})} onInput={(e) => update({ title: e.detail.value })} />
      </FieldBlock>
      <FieldBlock name='body' label='留言内容（必填）' hint='请写清楚项目名称、编号等，便于一次答复清楚。请勿填写身份证号等个人信息。' error={errors.body}>
        <Textarea
          id='field-body'
          className='qa-textarea'
          value={draft.body}
          maxlength={QUESTION_BODY_MAX}
          aria-label='留言内容（必填）'
          {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '留言内容（必填）', 'aria-invalid': errors.body ? 'true' : undefined } } : {})}
          onInput={(e) => update({ body: e.detail.value })}
        />
        <Text className='qa-hint muted' id='count-body'>{`${[...draft.body].length}/${QUESTION_BODY_MAX} 字`}</Text>
      </FieldBlock>
      <FieldBlock name='private' label='是否公开' hint='公开的留言答复后在本栏目展示（留言人只显示姓氏）；选择不公开的，答复仅您本人可见。'>
        <View className='row tap qa-switch-row'>
          <Text id='label-private-switch'>{draft.private ? '不公开（仅本人可见）' : '答复后公开'}</Text>
          <Switch id='field-private' checked={draft.private} color='#b71c1c' aria-labelledby='label-private-switch' onChange={(e) => update({ private: Boolean(e.detail.value) })} />
        </View>
      </FieldBlock>
      <FieldBlock name='name' label='称呼（选填）' hint='公开时只显示姓氏，如“张**”；不填显示为“匿名”。' error={errors.name}>
        <Input id='field-name' className='qa-input' value={draft.name} maxlength={20} aria-label='称呼（选填）' {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '称呼（选填）', 'aria-invalid': errors.name ? 'true' : undefined, 'aria-describedby': errors.name ? 'error-name' : 'hint-name' } } : {})} onInput={(e) => update({ name: e.detail.value })} />
      </FieldBlock>
      <FieldBlock name='contact' label='联系手机（选填）' hint='便于工作人员联系您，不公开，列表中只显示部分号码。' error={errors.contact}>
        <Input id='field-contact' className='qa-input' type='number' value={draft.contact} maxlength={11} aria-label='联系手机（选填）' {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '联系手机（选填）', 'aria-invalid': errors.contact ? 'true' : undefined, 'aria-describedby': errors.contact ? 'error-contact' : 'hint-contact' } } : {})} onInput={(e) => update({ contact: e.detail.value })} />
      </FieldBlock>
      {attempted && errorCount > 0 ? (
        <View className='qa-note qa-note-error' id='error-summary' role='alert'>
          <Text className='qa-note-title'>{`有 ${errorCount} 处需要修改，请查看标有“！”的项目`}</Text>
        </View>
      ) : null}
      {status.kind === 'network' ? (
        <View className='qa-note qa-note-error' id='submit-network-error' role='alert'>
          <Text>网络连接失败，请重试。重试不会重复留言。</Text>
        </View>
      ) : null}
      {status.kind === 'failed' ? (
        <View className='qa-note qa-note-error' id='submit-error' role='alert'>
          <Text>{status.message}</Text>
        </View>
      ) : null}
      <View id='ask-submit' className={sending ? 'button button-disabled' : 'button'} role='button' aria-disabled={sending} onClick={() => void submit()}>
        {sending ? '正在提交…' : status.kind === 'network' ? '重试提交' : '提交留言'}
      </View>
      <Text className='qa-hint muted'>{`每人每天最多留言 ${options.dailyLimit} 条。`}</Text>
    </View>
  );
}

export default function QuestionsAsk() {
  const options = useRemote(() => call('questions', 'options', {}), []);
  return (
    <PageShell testId='questions-ask'>
      <View className='header'>
        <Text className='header-title'>我要留言</Text>
        <Text className='header-sub'>工作日内答复；需补充的内容一次性告知</Text>
      </View>
      <RemoteView state={options}>{(data) => <Form options={data} />}</RemoteView>
    </PageShell>
  );
}
