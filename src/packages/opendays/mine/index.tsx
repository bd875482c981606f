// 我的报名: the caller's open-day sign-ups, newest first, each with its state in words; a tap opens the
// event, where it can be cancelled until 24 hours before the start.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { OPENDAY_ROUTES, wallTime } from '../shared';
import '../opendays.css';

const STATUS_CLASS: Record<string, string> = { active: 'od-state-open', cancelled: 'od-state-ended', eventCancelled: 'od-state-cancelled' };

export default function MyOpenDays() {
  const mine = useRemote(() => call('openDays', 'mine', {}), [], { refreshOnShow: true });
  return (
    <PageShell testId='opendays-mine'>
      <View className='header'>
        <Text className='header-title'>我的报名</Text>
        <Text className='header-sub'>平台开放日活动报名记录</Text>
      </View>
      <RemoteView state={mine}>
        {(items) =>
          items.length === 0 ? (
            <View className='state muted' id='mine-empty'>
              <Text>您还没有报名平台开放日活动</Text>
              <View className='button button-secondary' id='goto-list' role='link' onClick={() => void Taro.navigateTo({ url: OPENDAY_ROUTES.list })}>
                查看近期活动
              </View>
            </View>
          ) : (
            <View role='list' aria-label='我的报名'>
              {items.map((item) => (
                <View
                  key={item.id}
                  className='list-item tap od-item'
                  data-testid='my-signup'
                  data-status={item.status}
                  id={`my-signup-${item.id}`}
                  role='link'
                  onClick={() => void Taro.navigateTo({ url: OPENDAY_ROUTES.detail(item.eventId) })}
                >
                  <Text className='od-item-title'>{item.eventTitle}</Text>
                  <Text className='muted list-item-meta'>{`${item.timeText} · ${item.place}`}</Text>
                  <View className='od-tags'>
                    <Text className={`od-state ${STATUS_CLASS[item.status] ?? ''}`} data-testid='my-signup-status'>
                      {item.statusLabel}
                    </Text>
                    <Text className='od-places'>{`报名编号 ${item.receiptNo}`}</Text>
                  </View>
                  {item.cancellable ? <Text className='muted list-item-meta'>{`可在 ${wallTime(item.cancelDeadline)} 前取消报名`}</Text> : null}
                </View>
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
