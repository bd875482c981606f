// 咨询留言答复: the staff radar — questions the center holds, overdue first, then due soon; those 60+
// calendar days old are flagged 已督办/需督办 (the administrator is notified once by the timer); those
// waiting for the asker's details after. A clerk claims a question (首问负责) and answers it, or asks
// once for every missing detail (一次性告知). Only the actions the server offers are shown.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import type { StaffQuestion } from '@/contracts/questions';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { daysLeftText, errorText, isNotStaff, shanghaiDateTime } from '../shared';
import '../staff.css';
import './index.css';

const URGENCY_LABELS: Record<StaffQuestion['urgency'], string> = {
  overdue: '已超期',
  dueSoon: '即将到期',
  ok: '期限内',
  waitingForAsker: '待留言人补充',
  answered: '已答复',
};

type Kind = 'answer' | 'requestDetails';

function QuestionCard({ question, onDone }: { question: StaffQuestion; onDone: (next: StaffQuestion, message: string) => void }) {
  const [open, setOpen] = useState<Kind>();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(['', '', '']);
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const actions = question.availableActions;

  async function run(action: 'claim' | Kind) {
    if (sending) return;
    setSending(true);
    setError(undefined);
    try {
      const next =
        action === 'claim'
          ? await call('questions', 'claim', { id: question.id, expectedVersion: question.version })
          : await call('questions', 'answer', {
              id: question.id,
              expectedVersion: question.version,
              kind: action,
              text: text.trim(),
              ...(action === 'requestDetails' ? { missing: missing.map((m) => m.trim()).filter(Boolean) } : {}),
            });
      setOpen(undefined);
      setText('');
      onDone(next, action === 'claim' ? `已认领：${question.title}（首问负责）` : action === 'answer' ? `已答复：${question.title}${question.private ? '' : '（已公开）'}` : `已一次性告知需补充的内容：${question.title}`);
    } catch (cause) {
      const issues = cause instanceof ApiCallError ? cause.issues.map((i) => i.message) : [];
      setError(cause instanceof ApiCallError && cause.code === 'VALIDATION_FAILED' && issues.length > 0 ? [...new Set(issues)].join('；') : errorText(cause));
    } finally {
      setSending(false);
    }
  }

  return (
    <View className='sq-item' data-testid='staff-question' id={`staff-question-${question.id}`} data-urgency={question.urgency} data-escalated={question.escalated}>
      <Text className='sq-title'>{question.title}</Text>
      <View className='sq-tags'>
        <Text className={`sq-tag sq-tag-${question.urgency}`}>{URGENCY_LABELS[question.urgency]}</Text>
        {question.escalated ? <Text className='sq-tag sq-tag-escalated' data-testid='question-escalated'>{question.escalatedAt ? `超过 60 天未答复，已报管理员督办` : '超过 60 天未答复，需督办'}</Text> : null}
        <Text className='sq-tag'>{question.stateLabel}</Text>
        {question.private ? <Text className='sq-tag'>不公开</Text> : null}
      </View>
      <Text className='list-item-meta'>{`${question.categoryLabel} · 留言人 ${question.askerMasked}${question.contactMasked ? `（手机 ${question.contactMasked}）` : ''} · ${question.askedOn} 留言，已 ${question.ageDays} 天`}</Text>
      {question.state === 'pending' ? <Text className='list-item-meta' data-due={question.due}>{`答复期限 ${question.due} · ${daysLeftText(question.workingDaysLeft)}`}</Text> : null}
      <Text className='list-item-meta'>{`首问责任人：${question.responsible ?? '尚未认领'}`}</Text>
      <Text className='sq-body'>{question.body}</Text>
      {question.detailsRequest ? <Text className='list-item-meta'>{`已一次性告知（${question.detailsRequest.on}）：${question.detailsRequest.missing.join('；')}`}</Text> : null}
      {question.supplement ? <Text className='list-item-meta'>{`留言人补充（${question.supplement.on}）：${question.supplement.text}`}</Text> : null}
      {question.answer ? <Text className='sq-body'>{`答复（${question.answer.on}）：${question.answer.text}`}</Text> : null}
      <View aria-label='处理记录'>
        {question.history.map((entry, index) => (
          <Text key={index} className='sq-history muted'>{`${shanghaiDateTime(entry.at)} · ${entry.actor} · ${entry.action}`}</Text>
        ))}
      </View>
      {actions.length === 0 ? (
        <Text className='muted list-item-meta'>{question.responsible && question.state !== 'answered' ? '由首问责任人答复；您可以查看。' : '当前没有您可以执行的操作。'}</Text>
      ) : (
        <View className='st-commands'>
          {actions.includes('claim') ? (
            <View id={`claim-${question.id}`} className='st-command' role='button' aria-disabled={sending} onClick={() => void run('claim')}>
              认领（首问负责）
            </View>
          ) : null}
          {(['answer', 'requestDetails'] as const)
            .filter((k) => actions.includes(k))
            .map((k) => (
              <View key={k} id={`open-${k}-${question.id}`} className={open === k ? 'st-command st-active' : 'st-command'} role='button' aria-expanded={open === k} onClick={() => setOpen(open === k ? undefined : k)}>
                {k === 'answer' ? '答复' : '一次性告知补充'}
              </View>
            ))}
        </View>
      )}
      {open ? (
        <View className='st-action-form' id={`form-${open}-${question.id}`}>
          <Text className='st-form-label' id={`text-label-${question.id}`}>
            {open === 'answer' ? '答复内容' : '补充说明'}
          </Text>
          <Text className='st-form-hint muted'>{open === 'answer' ? (question.private ? '不公开的留言，答复仅留言人可见。' : '答复后连同留言公开（留言人只显示姓氏），并可被搜索。') : '请逐项列明需要补充的全部内容，只能告知一次。'}</Text>
          <Textarea id={`answer-text-${question.id}`} className='st-textarea' value={text} maxlength={2000} aria-labelledby={`text-label-${question.id}`} onInput={(e) => setText(e.detail.value)} />
          {open === 'requestDetails'
            ? missing.map((value, index) => (
                <Input
                  key={index}
                  id={`missing-${index}-${question.id}`}
                  className='sq-input'
                  value={value}
                  maxlength={100}
                  aria-label={`需补充的第 ${index + 1} 项`}
                  placeholder={`需补充的第 ${index + 1} 项`}
                  onInput={(e) => setMissing(missing.map((m, i) => (i === index ? e.detail.value : m)))}
                />
              ))
            : null}
          <View id={`submit-${open}-${question.id}`} className={sending ? 'button st-button-disabled' : 'button'} role='button' aria-disabled={sending} onClick={() => void run(open)}>
            {sending ? '正在提交…' : open === 'answer' ? '提交答复' : '发送一次性告知'}
          </View>
        </View>
      ) : null}
      {error ? (
        <View className='st-form-error' id={`question-error-${question.id}`} role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}

const COUNTS = [
  { key: 'overdue', label: '已超期', test: (q: StaffQuestion) => q.urgency === 'overdue' },
  { key: 'dueSoon', label: '即将到期', test: (q: StaffQuestion) => q.urgency === 'dueSoon' },
  { key: 'escalated', label: '需督办', test: (q: StaffQuestion) => q.escalated },
  { key: 'waiting', label: '待补充', test: (q: StaffQuestion) => q.urgency === 'waitingForAsker' },
] as const;

export default function StaffQuestions() {
  const [includeAnswered, setIncludeAnswered] = useState(false);
  const queue = useRemote(() => call('questions', 'queue', includeAnswered ? { includeAnswered: true } : {}), [includeAnswered], { refreshOnShow: true });
  const [latest, setLatest] = useState<Record<string, StaffQuestion>>({});
  const [notice, setNotice] = useState<string>();

  if (queue.error && isNotStaff(queue.error)) {
    return (
      <PageShell testId='staff-questions'>
        <View className='state st-staff-only' id='staff-only' role='alert'>
          <Text className='st-staff-only-title'>仅限工作人员使用</Text>
          <Text className='muted st-staff-only-sub'>本页面用于咨询留言的认领、答复和一次性告知，需以工作人员身份登录。</Text>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-questions'>
      <View className='header'>
        <Text className='header-title'>咨询留言答复</Text>
        <Text className='header-sub'>超期的在前；留言 60 天仍未答复的报管理员督办（超过 3 个月未答复将导致检查不合格）</Text>
      </View>
      <RemoteView state={queue}>
        {(list) => {
          const shown = list.map((q) => latest[q.id] ?? q);
          return (
            <>
              <View className='st-counts' role='list' aria-label='留言雷达'>
                {COUNTS.map((count) => {
                  const value = shown.filter(count.test).length;
                  return (
                    <View key={count.key} className={`st-count-tile${value > 0 && count.key !== 'waiting' ? ' st-count-alert' : ''}`} id={`question-count-${count.key}`} data-count={value} role='listitem' aria-label={`${count.label} ${value} 条`}>
                      <Text className='st-count-value'>{value}</Text>
                      <Text className='st-count-label'>{count.label}</Text>
                    </View>
                  );
                })}
              </View>
              <View className='card st-filters'>
                <View className='row tap'>
                  <Text id='include-answered-label'>含已答复</Text>
                  <Switch id='include-answered' checked={includeAnswered} color='#b71c1c' aria-labelledby='include-answered-label' onChange={(e) => setIncludeAnswered(Boolean(e.detail.value))} />
                </View>
              </View>
              {notice ? (
                <View className='card'>
                  <View className='st-form-success' id='question-action-done' role='status'>
                    <Text>{notice}</Text>
                  </View>
                </View>
              ) : null}
              {shown.length === 0 ? (
                <View className='state muted' id='staff-questions-empty'>
                  <Text>暂无待答复的留言</Text>
                </View>
              ) : (
                <View className='card'>
                  {shown.map((q) => (
                    <QuestionCard
                      key={q.id}
                      question={q}
                      onDone={(next, message) => {
                        setLatest((previous) => ({ ...previous, [next.id]: next }));
                        setNotice(message);
                        void Taro.showToast({ title: '已提交', icon: 'success' });
                      }}
                    />
                  ))}
                </View>
              )}
            </>
          );
        }}
      </RemoteView>
    </PageShell>
  );
}
