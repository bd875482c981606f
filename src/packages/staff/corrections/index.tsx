// 找错处理: readers' error reports by due date (3 working days; overdue ones say so in words). A clerk
// answers each once: 已更正 or 无需更正, with a reply the reporter reads in 我的找错. A CONFLICT reloads.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Switch, Text, Textarea, View } from '@tarojs/components';
import type { ActionOutput } from '@/contracts';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { errorText, isNotStaff, StaffOnly, useReloadOnShow } from '../shared';
import '../staff.css';

type Report = ActionOutput<'corrections', 'staffList'>[number];

function ReportCard({ report, onDone }: { report: Report; onDone: () => void }) {
  const [reply, setReply] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  async function handle(outcome: 'corrected' | 'noChange') {
    if (sending) return;
    setSending(true);
    setMessage(undefined);
    try {
      await call('corrections', 'handle', { id: report.id, expectedVersion: report.version, outcome, reply: reply.trim() });
      onDone();
    } catch (error) {
      setMessage(errorText(error));
      if (error instanceof ApiCallError && error.code === 'CONFLICT') onDone();
    } finally {
      setSending(false);
    }
  }

  return (
    <View className='card' data-testid='staff-correction' id={`correction-${report.id}`} data-state={report.state}>
      <Text className='card-title'>{`【${report.stateLabel}】${report.pageTitle}`}</Text>
      <Text className='list-item-meta'>{`原文：${report.quote}`}</Text>
      <Text className='list-item-meta'>{`问题：${report.problem}`}</Text>
      <Text className='list-item-meta muted'>
        {`收到 ${report.receivedOn} · 处理期限 ${report.due}${report.overdueWorkingDays > 0 ? ` · 已逾期 ${report.overdueWorkingDays} 个工作日` : ''}${report.contactMasked ? ` · 联系方式 ${report.contactMasked}` : ''}`}
      </Text>
      <View className='row tap' id={`correction-open-${report.id}`} role='link' onClick={() => void Taro.navigateTo({ url: report.route })}>
        <Text>打开出错页面</Text>
        <Text aria-hidden='true'>›</Text>
      </View>
      {report.state === 'pending' ? (
        <View>
          <Text className='st-form-label' id={`correction-reply-${report.id}-label`}>
            处理答复（读者可见）
          </Text>
          <Textarea
            id={`correction-reply-${report.id}`}
            className='st-textarea'
            value={reply}
            maxlength={1000}
            aria-labelledby={`correction-reply-${report.id}-label`}
            {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': '处理答复（读者可见）' } } : {})}
            onInput={(event) => setReply(event.detail.value)}
          />
          {message ? (
            <View className='st-error' role='alert' id={`correction-error-${report.id}`}>
              {message}
            </View>
          ) : null}
          <View className='button' id={`correction-corrected-${report.id}`} role='button' aria-disabled={sending} onClick={() => void handle('corrected')}>
            已更正
          </View>
          <View className='button button-secondary' id={`correction-nochange-${report.id}`} role='button' aria-disabled={sending} onClick={() => void handle('noChange')}>
            无需更正
          </View>
        </View>
      ) : (
        <Text className='list-item-meta'>{`答复（${report.handledOn ?? ''} ${report.handledBy ?? ''}）：${report.reply ?? ''}`}</Text>
      )}
    </View>
  );
}

export default function StaffCorrections() {
  const [includeHandled, setIncludeHandled] = useState(false);
  const list = useRemote(() => call('corrections', 'staffList', includeHandled ? { includeHandled: true } : {}), [includeHandled]);
  useReloadOnShow(list);
  if (list.error && isNotStaff(list.error)) {
    return (
      <PageShell testId='staff-corrections'>
        <StaffOnly />
      </PageShell>
    );
  }
  return (
    <PageShell testId='staff-corrections'>
      <View className='header'>
        <Text className='header-title'>找错处理</Text>
        <Text className='header-sub'>读者报告的页面错误，收到后 3 个工作日内核实处理并答复</Text>
      </View>
      <View className='card row'>
        <Text id='corrections-handled-label'>显示已处理</Text>
        <Switch id='corrections-handled' checked={includeHandled} aria-labelledby='corrections-handled-label' onChange={(event) => setIncludeHandled(event.detail.value)} />
      </View>
      <RemoteView state={list}>
        {(items) =>
          items.length === 0 ? (
            <View className='state' id='corrections-empty'>
              <Text className='muted'>没有待处理的找错报告。</Text>
            </View>
          ) : (
            <>
              {items.map((report) => (
                <ReportCard key={`${report.id}:${report.version}`} report={report} onDone={list.reload} />
              ))}
            </>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
