// 我的申请: the caller's applications, newest first, each with its state and the deadline now running.
import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CaseSummary } from '@/contracts/requests';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { daysLeftClass, daysLeftText, formatDate } from '../DeadlineExplain';
import '../apply.css';

function deadlineLine(item: CaseSummary): string {
  if (item.urgency === 'done') return '已办结';
  if (item.urgency === 'paused' || !item.due) return '答复期限中止计算（征求意见或待缴费中）';
  const what = item.state === 'correctionRequested' ? '补正期限' : '答复期限';
  return `${what} ${formatDate(item.due)}`;
}

function CaseRow({ item }: { item: CaseSummary }) {
  const ended = item.urgency === 'done';
  const left = ended ? '' : daysLeftText(item.workingDaysLeft);
  return (
    <View
      className='list-item tap'
      data-testid='my-case'
      id={`case-${item.id}`}
      role='link'
      aria-label={`查询码 ${item.queryCode}，${item.stateLabel}，${deadlineLine(item)}${left ? `，${left}` : ''}`}
      onClick={() => void Taro.navigateTo({ url: `/packages/apply/case/index?id=${encodeURIComponent(item.id)}` })}
    >
      <View className='apply-entry-body'>
        <View className='my-case-head'>
          <Text className='my-case-code'>{`查询码 ${item.queryCode}`}</Text>
          <Text className={ended ? 'apply-state apply-state-ended' : 'apply-state'} data-state={item.state}>
            {item.stateLabel}
          </Text>
        </View>
        <Text className='my-case-desc'>{item.description}</Text>
        <Text className='muted my-case-due'>{`收到申请之日 ${formatDate(item.receiptDate)}`}</Text>
        <View className='my-case-deadline'>
          <Text className='my-case-due-text'>{deadlineLine(item)}</Text>
          {left ? (
            <Text className={daysLeftClass(item.workingDaysLeft)} data-testid='my-case-left'>
              {left}
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}

export default function ApplyMine() {
  const state = useRemote(() => call('requests', 'listMine', {}), []);
  // Coming back from a case (e.g. after withdrawing) shows the list as it is now.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) state.reload();
    shown.current = true;
  });
  return (
    <PageShell testId='apply-mine'>
      <RemoteView state={state}>
        {(items) =>
          items.length === 0 ? (
            <View className='state' id='mine-empty'>
              <Text className='muted'>您还没有提交过政府信息公开申请。</Text>
              <View className='button' id='mine-apply' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/apply/form/index' })}>
                在线申请
              </View>
            </View>
          ) : (
            <View className='card' role='list' aria-label='我的申请'>
              <Text className='card-title'>{`我的申请（共 ${items.length} 件）`}</Text>
              {items.map((item) => (
                <CaseRow key={item.id} item={item} />
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
