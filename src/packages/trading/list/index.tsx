// 交易公告: projects by transaction type, newest notice first, 10 at a time (加载更多 with the cursor).
// Each project shows the furthest stage it has reached; a tap reads its whole chain (一链式).
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import { RateFloat } from '@/components/RateFloat';
import { isFollowing, toggleFollow, type Follow } from '@/services/follow';
import { formatDate, TRADING_ROUTES, TYPE_TABS, type ProjectSummary } from '../shared';
import '../trading.css';

type TabKey = (typeof TYPE_TABS)[number]['key'];

interface Listing {
  tab: TabKey;
  items: ProjectSummary[];
  nextCursor: string | null;
  loading: boolean;
  error?: string;
}

const PAGE_SIZE = 10;

function ProjectRow({ item }: { item: ProjectSummary }) {
  return (
    <View
      className='list-item tap td-item'
      data-testid='project'
      data-stage={item.stage}
      id={`project-${item.id}`}
      role='link'
      onClick={() => void Taro.navigateTo({ url: TRADING_ROUTES.chain(item.id) })}
    >
      <View className='td-item-head'>
        <Text className='td-item-title'>
          {item.name}
          {item.demo ? <DemoBadge /> : null}
        </Text>
        <Text className='td-arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <Text className='muted list-item-meta' data-testid='project-code'>{`项目编号 ${item.code}`}</Text>
      <View className='td-tags'>
        <Text className='td-tag td-tag-type'>{item.typeLabel}</Text>
        <Text className='td-tag td-tag-stage' data-testid='project-stage'>
          {item.stageLabel}
        </Text>
      </View>
      <Text className='muted list-item-meta'>{`${formatDate(item.latestAt)} · 公告 ${item.noticeCount} 条`}</Text>
    </View>
  );
}

/** 订阅更新 for the tab's transaction type (全部: the whole 交易公告 column); the state is said in words. */
function FollowButton({ tab, label }: { tab: TabKey; label: string }) {
  const [follows, setFollows] = useState<Follow[]>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('subscriptions', 'mine', {}).then((answer) => setFollows(answer.follows), () => setFollows(undefined));
  }, []);
  const type = tab === 'all' ? '' : tab;
  const following = follows ? isFollowing(follows, 'announcements', type) : false;
  function tap() {
    if (busy) return;
    setBusy(true);
    // toggleFollow asks for WeChat's consent synchronously, inside this tap.
    toggleFollow({ column: 'announcements', ...(type ? { type } : {}) }, following)
      .then((next) => {
        setFollows(next);
        void Taro.showToast({ title: following ? '已取消订阅' : '已订阅', icon: 'none' });
      })
      .catch((cause: unknown) => void Taro.showToast({ title: cause instanceof ApiCallError ? cause.message : '操作失败，请稍后重试', icon: 'none' }))
      .finally(() => setBusy(false));
  }
  return (
    <View
      id='trading-follow'
      className='button button-secondary'
      role='switch'
      aria-checked={following}
      aria-label={`订阅更新：${label}交易公告，${following ? '已订阅' : '未订阅'}`}
      data-state={following ? 'on' : 'off'}
      onClick={tap}
    >
      {following ? `✓ 已订阅${label}公告` : `订阅更新：${label}公告`}
    </View>
  );
}

export default function TradingList() {
  const [tab, setTab] = useState<TabKey>('all');
  const [listing, setListing] = useState<Listing>({ tab: 'all', items: [], nextCursor: null, loading: true });

  async function loadPage(key: TabKey, cursor: string | null, previous: ProjectSummary[]) {
    setListing({ tab: key, items: previous, nextCursor: cursor, loading: true });
    try {
      const page = await call('trading', 'listProjects', { ...(key === 'all' ? {} : { type: key }), cursor, limit: PAGE_SIZE });
      setListing({ tab: key, items: [...previous, ...page.items], nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      const message = error instanceof ApiCallError ? error.message : '加载失败，请稍后重试';
      setListing({ tab: key, items: previous, nextCursor: cursor, loading: false, error: message });
    }
  }

  useEffect(() => {
    void loadPage(tab, null, []);
  }, [tab]);

  const current = TYPE_TABS.find((entry) => entry.key === tab) ?? TYPE_TABS[0]!;

  return (
    <PageShell testId='trading-list'>
      <View className='header'>
        <Text className='header-title'>交易公告</Text>
        <Text className='header-sub'>按项目“一链式”查看招标、变更、中标候选人、结果和合同公示</Text>
      </View>
      <ScrollView scrollX className='td-tabs'>
        <View className='td-tablist' role='tablist' aria-label='按交易类型查看'>
            {TYPE_TABS.map((entry) => (
              <View
                key={entry.key}
                id={`type-${entry.key}`}
                className={entry.key === tab ? 'td-tab tap td-tab-active' : 'td-tab tap'}
                role='tab'
                aria-selected={entry.key === tab}
                onClick={() => setTab(entry.key)}
              >
                {entry.label}
              </View>
            ))}
        </View>
      </ScrollView>
      <FollowButton tab={tab} label={current.label} />
      {listing.tab === tab ? (
        <View role='tabpanel' aria-label={`${current.label}交易项目`}>
          {listing.items.map((item) => (
            <ProjectRow key={item.id} item={item} />
          ))}
          {listing.error ? (
            <View className='state state-error' role='alert'>
              <Text>{listing.error}</Text>
              <View id='retry' className='button button-secondary' role='button' onClick={() => void loadPage(listing.tab, listing.nextCursor, listing.items)}>
                重试
              </View>
            </View>
          ) : listing.loading ? (
            <View className='list-end muted state' aria-busy='true'>
              正在加载…
            </View>
          ) : listing.nextCursor ? (
            <View id='load-more' className='button button-secondary' role='button' onClick={() => void loadPage(listing.tab, listing.nextCursor, listing.items)}>
              加载更多
            </View>
          ) : (
            <View className='list-end muted state' id='list-end'>
              {listing.items.length === 0 ? '该类型暂无交易项目' : '已显示全部'}
            </View>
          )}
        </View>
      ) : null}
      <RateFloat service='trading' />
    </PageShell>
  );
}
