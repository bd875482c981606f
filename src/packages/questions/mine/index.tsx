// 我的留言: the caller's own questions with their state in words, the due date, the answer, and — when
// the center asked for details (一次性告知) — the full list of what is missing and a form to supply
// it once (the answering clock restarts on the day it arrives).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import type { MyQuestion } from '@/contracts/questions';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { formatDate, QUESTION_ROUTES, stateHint } from '../shared';
import '../questions.css';

function SupplementForm({ question, onDone }: { question: MyQuestion; onDone: (next: MyQuestion) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  async function send() {
    if (sending) return;
    if ([...text.trim()].length < 5) {
      setError('补充内容至少 5 个字');
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      onDone(await call('questions', 'supplement', { id: question.id, text: text.trim() }));
    } catch (cause) {
      setError(cause instanceof ApiCallError ? (cause.issues[0]?.message ?? cause.message) : '提交失败，请稍后重试');
    } finally {
      setSending(false);
    }
  }
  const fieldId = `supplement-${question.id}`;
  return (
    <View className={error ? 'qa-field qa-invalid' : 'qa-field'}>
      <Text className='qa-label' id={`${fieldId}-label`}>
        补充说明（必填）
      </Text>
      <Text className='qa-hint muted'>请一次补充上面列出的全部内容；补充后重新计算答复期限。</Text>
      <Textarea
        id={fieldId}
        className='qa-textarea'
        value={text}
        maxlength={1000}
        aria-labelledby={`${fieldId}-label`}
        {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '补充说明（必填）' } } : {})}
        onInput={(e) => setText(e.detail.value)}
      />
      {error ? (
        <View className='qa-error' id={`${fieldId}-error`} role='alert'>
          {`！${error}`}
        </View>
      ) : null}
      <View id={`${fieldId}-submit`} className={sending ? 'button button-disabled' : 'button'} role='button' aria-disabled={sending} onClick={() => void send()}>
        {sending ? '正在提交…' : '提交补充说明'}
      </View>
    </View>
  );
}

function MyQuestionCard({ question, onChange }: { question: MyQuestion; onChange: (next: MyQuestion) => void }) {
  return (
    <View className='list-item qa-item' data-testid='my-question' id={`my-question-${question.id}`} data-state={question.state}>
      <Text className='qa-title'>{question.title}</Text>
      <Text className='qa-meta muted'>{`${question.categoryLabel} · ${formatDate(question.askedOn)} 留言 · ${question.private ? '不公开' : `公开，显示为 ${question.asker}`}`}</Text>
      <Text className={`qa-state qa-state-${question.state}`} data-testid='my-question-state'>
        {question.stateLabel}
      </Text>
      <Text className='qa-meta'>{stateHint(question)}</Text>
      <Text className='qa-body'>{question.body}</Text>
      {question.detailsRequest ? (
        <View className='qa-note' data-testid='details-request'>
          <Text className='qa-note-title'>{`一次性告知（${formatDate(question.detailsRequest.on)}）：${question.detailsRequest.text}`}</Text>
          {question.detailsRequest.missing.map((item, index) => (
            <Text key={index} className='qa-meta'>{`${index + 1}. ${item}`}</Text>
          ))}
        </View>
      ) : null}
      {question.supplement ? <Text className='qa-meta'>{`您已于 ${formatDate(question.supplement.on)} 补充：${question.supplement.text}`}</Text> : null}
      {question.state === 'needsDetails' && !question.supplement ? <SupplementForm question={question} onDone={onChange} /> : null}
      {question.answer ? (
        <View className='qa-answer' data-testid='my-question-answer'>
          <Text className='qa-answer-label'>{`本中心的答复（${formatDate(question.answer.on)}）`}</Text>
          <Text>{question.answer.text}</Text>
        </View>
      ) : null}
    </View>
  );
}

export default function QuestionsMine() {
  const mine = useRemote(() => call('questions', 'mine', {}), [], { refreshOnShow: true });
  const [latest, setLatest] = useState<Record<string, MyQuestion>>({});
  return (
    <PageShell testId='questions-mine'>
      <RemoteView state={mine}>
        {(items) =>
          items.length === 0 ? (
            <View className='state' id='questions-mine-empty'>
              <Text className='muted'>您还没有留言。</Text>
              <View className='button' id='questions-mine-ask' role='link' onClick={() => void Taro.navigateTo({ url: QUESTION_ROUTES.ask })}>
                我要留言
              </View>
            </View>
          ) : (
            <View className='card'>
              <Text className='card-title'>{`我的留言（共 ${items.length} 条）`}</Text>
              {items.map((q) => (
                <MyQuestionCard key={q.id} question={latest[q.id] ?? q} onChange={(next) => setLatest((previous) => ({ ...previous, [next.id]: next }))} />
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
