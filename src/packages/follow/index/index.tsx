// 我的订阅: one switch per column that publishes (and per transaction type of 交易公告). Following asks
// for WeChat's consent to one subscription message first, inside the tap. The state is said in words
// (已订阅 / 未订阅), colour only repeats it.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { isFollowing, toggleFollow, type Follow, type FollowTopic } from '@/services/follow';
import { FOLLOW_ROUTES } from '../shared';
import '../follow.css';

function Switch({ id, label, on, busy, onTap }: { id: string; label: string; on: boolean; busy: boolean; onTap: () => void }) {
  return (
    <View
      id={id}
      className={`fl-switch tap${on ? ' fl-on' : ''}`}
      role='switch'
      aria-checked={on}
      aria-disabled={busy}
      aria-label={`${label}：${on ? '已订阅' : '未订阅'}`}
      data-state={on ? 'on' : 'off'}
      onClick={busy ? undefined : onTap}
    >
      <Text className='fl-switch-label'>{label}</Text>
      <Text className='fl-switch-state'>{on ? '✓ 已订阅' : '＋ 订阅'}</Text>
    </View>
  );
}

export default function FollowPage() {
  const remote = useRemote(
    async () => {
      const [topics, mine] = await Promise.all([call('subscriptions', 'topics', {}), call('subscriptions', 'mine', {})]);
      return { topics: topics.topics, follows: mine.follows };
    },
    [],
    { refreshOnShow: true },
  );
  const [follows, setFollows] = useState<Follow[]>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  // A fresh load (e.g. coming back to the page) replaces what taps changed locally.
  useEffect(() => setFollows(undefined), [remote.data]);
  const current = follows ?? remote.data?.follows ?? [];

  function tap(key: string, topic: FollowTopic) {
    if (busy) return;
    const following = isFollowing(current, topic.column, topic.type ?? '');
    setBusy(key);
    setError(undefined);
    // toggleFollow asks for consent synchronously, inside this tap.
    toggleFollow(topic, following)
      .then((next) => {
        setFollows(next);
        void Taro.showToast({ title: following ? '已取消订阅' : '已订阅', icon: 'none' });
      })
      .catch((cause: unknown) => setError(cause instanceof ApiCallError ? cause.message : '操作失败，请稍后重试'))
      .finally(() => setBusy(undefined));
  }

  return (
    <PageShell testId='follow'>
      <View className='header'>
        <Text className='header-title'>我的订阅</Text>
        <Text className='header-sub'>订阅的栏目发布新内容时，通过微信订阅消息提醒您（每次授权可收到一条）</Text>
      </View>
      <View className='card tap fl-link' id='follow-messages' role='link' aria-label='我的消息' onClick={() => void Taro.navigateTo({ url: FOLLOW_ROUTES.messages })}>
        <Text>我的消息</Text>
        <Text className='fl-arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      {error ? (
        <View className='state state-error' id='follow-error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
      <RemoteView state={remote}>
        {({ topics }) => (
          <View className='card' role='list' aria-label='可订阅的栏目'>
            {topics.map((topic) => (
              <View key={topic.column} role='listitem' className='fl-topic' data-testid='follow-topic'>
                <Switch id={`follow-${topic.column}`} label={topic.label} on={isFollowing(current, topic.column)} busy={busy !== undefined} onTap={() => tap(topic.column, { column: topic.column as FollowTopic['column'] })} />
                {topic.description ? <Text className='muted list-item-meta'>{topic.description}</Text> : null}
                {topic.types.length > 0 ? (
                  <View className='fl-types' aria-label={`${topic.label}按类型订阅`}>
                    {topic.types.map((type) => (
                      <Switch
                        key={type.type}
                        id={`follow-${topic.column}-${type.type}`}
                        label={type.label}
                        on={isFollowing(current, topic.column, type.type)}
                        busy={busy !== undefined}
                        onTap={() => tap(`${topic.column}:${type.type}`, { column: topic.column as FollowTopic['column'], type: type.type })}
                      />
                    ))}
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </RemoteView>
    </PageShell>
  );
}
