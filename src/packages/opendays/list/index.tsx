// 平台开放日: upcoming events (soonest first, places left and state in words), the yearly total the
// annual report gives with its sentence, and past events newest first (加载更多 with the cursor).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { OPENDAY_ROUTES, placesText, type EventSummary, type OpenDayList } from '../shared';
import '../opendays.css';

const PAST_PAGE = 10;

function EventRow({ event }: { event: EventSummary }) {
  const places = placesText(event);
  return (
    <View
      className='list-item tap od-item'
      data-testid='openday'
      data-state={event.state}
      id={`openday-${event.id}`}
      role='link'
      onClick={() => void Taro.navigateTo({ url: OPENDAY_ROUTES.detail(event.id) })}
    >
      <View className='od-item-head'>
        <Text className='od-item-title'>
          {event.title}
          {event.demo ? <DemoBadge /> : null}
        </Text>
        <Text className='od-arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <Text className='muted list-item-meta'>{`${event.timeText} · ${event.place}`}</Text>
      <View className='od-tags'>
        <Text className={`od-state od-state-${event.state}`} data-testid='openday-state'>
          {event.stateLabel}
        </Text>
        {places ? (
          <Text className='od-places' data-testid='openday-places'>
            {places}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function Past({ first }: { first: OpenDayList }) {
  const [items, setItems] = useState(first.past);
  const [cursor, setCursor] = useState(first.pastNextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  async function more() {
    if (!cursor || loading) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await call('openDays', 'list', { pastCursor: cursor, pastLimit: PAST_PAGE });
      setItems((previous) => [...previous, ...page.past]);
      setCursor(page.pastNextCursor);
    } catch (cause) {
      setError(cause instanceof ApiCallError ? cause.message : '加载失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  }

  return (
    <View role='region' aria-labelledby='past-title'>
      <Text className='od-section-title' id='past-title'>
        往期回顾
      </Text>
      {items.map((event) => (
        <EventRow key={event.id} event={event} />
      ))}
      {error ? (
        <View className='state state-error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
      {cursor ? (
        <View id='past-more' className='button button-secondary' role='button' aria-disabled={loading} onClick={() => void more()}>
          {loading ? '正在加载…' : '加载更多往期活动'}
        </View>
      ) : (
        <View className='list-end muted state' id='past-end'>
          {items.length === 0 ? '暂无往期活动' : '已显示全部往期活动'}
        </View>
      )}
    </View>
  );
}

export default function OpenDaysList() {
  const list = useRemote(() => call('openDays', 'list', { pastLimit: PAST_PAGE }), [], { refreshOnShow: true });
  return (
    <PageShell testId='opendays-list'>
      <View className='header'>
        <Text className='header-title'>平台开放日</Text>
        <Text className='header-sub'>走进公共资源交易中心，现场观摩开标、评标，为交易服务建言献策</Text>
      </View>
      <View className='card'>
        <View className='row tap' id='opendays-mine' role='link' onClick={() => void Taro.navigateTo({ url: OPENDAY_ROUTES.mine })}>
          <Text>我的报名</Text>
          <Text className='od-arrow' aria-hidden='true'>
            ›
          </Text>
        </View>
      </View>
      <RemoteView state={list}>
        {(data) => (
          <>
            <View role='region' aria-labelledby='upcoming-title'>
              <Text className='od-section-title' id='upcoming-title'>
                近期活动
              </Text>
              {data.upcoming.length === 0 ? (
                <View className='state muted' id='upcoming-empty'>
                  <Text>暂无近期活动，敬请关注</Text>
                </View>
              ) : (
                data.upcoming.map((event) => <EventRow key={event.id} event={event} />)
              )}
            </View>
            {data.figures.map((figure) => (
              <View key={figure.year} className='card od-figure' id={`opendays-figure-${figure.year}`} data-count={figure.count} role='group' aria-label={`${figure.year}年开展平台开放日活动 ${figure.count} 次`}>
                <Text>{`${figure.year}年开展“平台开放日”活动`}</Text>
                <Text className='od-figure-value' data-testid='figure-count'>
                  {figure.count}
                </Text>
                <Text>次</Text>
                <Text className='muted od-source' data-testid='figure-source'>{`来源：${figure.source}`}</Text>
              </View>
            ))}
            <Past key={data.now} first={data} />
          </>
        )}
      </RemoteView>
    </PageShell>
  );
}
