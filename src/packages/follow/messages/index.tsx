// 我的消息: every notice queued for the caller (subscription updates, application notices), newest
// first, with its delivery state in words; a tap opens the page the message points to.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { shanghaiDateTime } from '../shared';
import '../follow.css';

export default function MessagesPage() {
  const messages = useRemote(() => call('subscriptions', 'messages', {}), [], { refreshOnShow: true });
  return (
    <PageShell testId='messages'>
      <View className='header'>
        <Text className='header-title'>我的消息</Text>
        <Text className='header-sub'>订阅栏目的更新和申请办理的通知</Text>
      </View>
      <RemoteView state={messages}>
        {({ items }) =>
          items.length === 0 ? (
            <View className='state muted' id='messages-empty'>
              <Text>暂无消息。订阅栏目后，有新内容发布时会在这里看到。</Text>
            </View>
          ) : (
            <View role='list' aria-label='消息列表'>
              {items.map((item) => (
                <View
                  key={item.id}
                  className='list-item tap fl-message'
                  role='link'
                  data-testid='message'
                  data-status={item.status}
                  aria-label={`${item.title}：${item.body}，${shanghaiDateTime(item.at)}，${item.statusLabel}`}
                  onClick={() => void Taro.navigateTo({ url: item.page })}
                >
                  <Text className='list-item-title fl-message-title'>{item.title}</Text>
                  <Text className='list-item-meta' data-testid='message-body'>{item.body}</Text>
                  <Text className='list-item-meta muted'>{`${shanghaiDateTime(item.at)} · ${item.statusLabel}`}</Text>
                </View>
              ))}
            </View>
          )
        }
      </RemoteView>
    </PageShell>
  );
}
