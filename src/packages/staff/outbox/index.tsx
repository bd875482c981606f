// 通知发件箱: the notifications queued for applicants and staff, i.e. what WeChat subscription
// messages would be sent (newest first). A tap opens the case.
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import Taro from '@tarojs/taro';
import { isNotStaff, openCase, shanghaiDateTime, StaffOnly, useReloadOnShow } from '../shared';

/** Rating notices open the 好差评 console; every other notice belongs to an information request. */
function openNotice(kind: string, id: string): void {
  if (kind === 'badRating' || kind === 'ratingAnswered') void Taro.navigateTo({ url: '/packages/staff/ratings/index' });
  else if (kind === 'openDayCancelled') void Taro.navigateTo({ url: '/packages/staff/opendays/index' });
  else openCase(id);
}
import '../staff.css';

const STATUS_LABELS: Record<string, string> = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' };

export default function StaffOutbox() {
  const outbox = useRemote(() => call('requests', 'outbox', {}), []);
  useReloadOnShow(outbox);

  if (outbox.error && isNotStaff(outbox.error)) {
    return (
      <PageShell testId='staff-outbox'>
        <StaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-outbox'>
      <View className='header'>
        <Text className='header-title'>通知发件箱</Text>
        <Text className='header-sub'>办理过程中发给申请人和工作人员的通知（小程序订阅消息），最新的在前</Text>
      </View>
      <RemoteView state={outbox}>
        {(list) =>
          list.length === 0 ? (
            <View className='state muted' id='outbox-empty'>
              <Text>暂无通知</Text>
            </View>
          ) : (
            <View className='card' role='group' aria-label='通知列表'>
              {list.map((item) => (
                <View key={item.id} className='st-outbox-item tap' data-testid='outbox-item' id={`outbox-${item.id}`} role='link' onClick={() => openNotice(item.kind, item.caseId)}>
                  <View>
                    <Text className='list-item-title'>
                      {item.title}
                      <Text className={`st-status st-status-${item.status}`} data-status={item.status}>
                        {STATUS_LABELS[item.status] ?? item.status}
                      </Text>
                    </Text>
                    <Text className='list-item-meta muted'>
                      {shanghaiDateTime(item.at)} · 发给{item.recipient}
                    </Text>
                    <Text className='list-item-meta'>{item.body}</Text>
                  </View>
                </View>
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
