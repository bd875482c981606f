// 会议公开: published meetings (主任办公会, “三提三争”工作推进会…), newest first, by kind, 10 at a time.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import { formatDate, KIND_TABS, POLICY_ROUTES, type MeetingSummary } from '../shared';
import '../policy.css';

type KindKey = (typeof KIND_TABS)[number]['key'];

interface Listing {
  kind: KindKey;
  items: MeetingSummary[];
  nextCursor: string | null;
  loading: boolean;
  error?: string;
}

const PAGE_SIZE = 10;

export default function MeetingList() {
  const [kind, setKind] = useState<KindKey>('all');
  const [listing, setListing] = useState<Listing>({ kind, items: [], nextCursor: null, loading: true });

  async function loadPage(cursor: string | null, previous: MeetingSummary[]) {
    setListing({ kind, items: previous, nextCursor: cursor, loading: true });
    try {
      const page = await call('policies', 'listMeetings', { ...(kind === 'all' ? {} : { kind }), cursor, limit: PAGE_SIZE });
      setListing({ kind, items: [...previous, ...page.items], nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      setListing({ kind, items: previous, nextCursor: cursor, loading: false, error: error instanceof ApiCallError ? error.message : '加载失败，请稍后重试' });
    }
  }

  useEffect(() => {
    void loadPage(null, []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);

  return (
    <PageShell testId='policy-meetings'>
      <View className='header'>
        <Text className='header-title'>会议公开</Text>
        <Text className='header-sub'>主任办公会、“三提三争”工作推进会的会议情况、议题与解读</Text>
      </View>
      <View className='pl-filters'>
        <View className='pl-chips' role='tablist' aria-label='按会议类型查看'>
          {KIND_TABS.map((tab) => (
            <View key={tab.key} id={`kind-${tab.key}`} className={tab.key === kind ? 'pl-chip pl-chip-active' : 'pl-chip'} role='tab' aria-selected={tab.key === kind} onClick={() => setKind(tab.key)}>
              {tab.key === kind ? `✓ ${tab.label}` : tab.label}
            </View>
          ))}
        </View>
      </View>
      {listing.kind === kind ? (
        <View role='tabpanel' aria-label='会议列表'>
          {listing.items.map((item) => (
            <View
              key={item.id}
              className='list-item tap pl-item'
              data-testid='meeting'
              data-kind={item.kind}
              id={`meeting-${item.id}`}
              role='link'
              onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.meeting(item.id) })}
            >
              <Text className='pl-item-title'>
                {item.title}
                {item.demo ? <DemoBadge /> : null}
              </Text>
              <View className='pl-tags'>
                <Text className='pl-tag pl-tag-form'>{item.kindLabel}</Text>
                {item.attendance ? <Text className='pl-tag'>{item.attendance}</Text> : null}
              </View>
              <Text className='muted list-item-meta'>{`${formatDate(item.date)} · 议题 ${item.topicCount} 个`}</Text>
            </View>
          ))}
          {listing.error ? (
            <View className='state state-error' role='alert'>
              <Text>{listing.error}</Text>
              <View id='retry' className='button button-secondary' role='button' onClick={() => void loadPage(listing.nextCursor, listing.items)}>
                重试
              </View>
            </View>
          ) : listing.loading ? (
            <View className='list-end muted state' aria-busy='true'>
              正在加载…
            </View>
          ) : listing.nextCursor ? (
            <View id='load-more' className='button button-secondary' role='button' onClick={() => void loadPage(listing.nextCursor, listing.items)}>
              加载更多
            </View>
          ) : (
            <View className='list-end muted state' id='list-end'>
              {listing.items.length === 0 ? '暂无该类会议' : '已显示全部'}
            </View>
          )}
        </View>
      ) : null}
      <View className='pl-nav'>
        <View id='to-interpretations' className='button button-secondary' role='link' onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.list })}>
          政策解读
        </View>
        <View id='to-stats' className='button button-secondary' role='link' onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.stats })}>
          年度统计
        </View>
      </View>
    </PageShell>
  );
}
