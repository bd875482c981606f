// 交易公告: projects by transaction type, newest notice first, 10 at a time (加载更多 with the cursor),
// filtered like the national platform: stage, district (市本级 and the sub-centers), latest-notice date
// window and a keyword in the name or code. Each project shows the furthest stage it has reached and
// its badge (报名中, 公示中 …); a tap reads its whole chain (一链式).
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, ScrollView, Text, View } from '@tarojs/components';
import { DISTRICTS, NOTICE_STAGES } from '@/contracts/trading';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import { RateFloat } from '@/components/RateFloat';
import { isFollowing, toggleFollow, type Follow } from '@/services/follow';
import { formatDate, TRADING_ROUTES, TYPE_TABS, type ProjectSummary } from '../shared';
import '../trading.css';

type TabKey = (typeof TYPE_TABS)[number]['key'];

interface Filters {
  stage: string;
  district: string;
  from: string;
  to: string;
  keyword: string;
}
const NO_FILTERS: Filters = { stage: '', district: '', from: '', to: '', keyword: '' };
const STAGE_OPTIONS = [{ key: '', label: '全部阶段' }, ...NOTICE_STAGES.map((s) => ({ key: s.key, label: s.label }))];
const DISTRICT_OPTIONS = [{ key: '', label: '全部地区' }, ...DISTRICTS.map((d) => ({ key: d.key, label: d.label }))];

interface Listing {
  tab: TabKey;
  filters: Filters;
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
        <Text className={`td-tag td-badge td-badge-${item.badge.key}`} data-testid='project-badge'>
          {item.badge.label}
        </Text>
        <Text className='td-tag td-tag-type'>{item.typeLabel}</Text>
        <Text className='td-tag td-tag-type' data-testid='project-district'>
          {item.districtLabel}
        </Text>
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

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (next: Partial<Filters>) => void }) {
  const [text, setText] = useState(filters.keyword);
  const stageIndex = Math.max(0, STAGE_OPTIONS.findIndex((o) => o.key === filters.stage));
  const districtIndex = Math.max(0, DISTRICT_OPTIONS.findIndex((o) => o.key === filters.district));
  const stageLabel = STAGE_OPTIONS[stageIndex]!.label;
  const districtLabel = DISTRICT_OPTIONS[districtIndex]!.label;
  const any = Object.values(filters).some(Boolean);
  return (
    <View className='card td-filters' role='search' aria-label='筛选交易项目'>
      <View className='td-search'>
        <Input
          id='trading-keyword'
          className='td-input'
          value={text}
          maxlength={40}
          placeholder='项目名称或编号'
          confirmType='search'
          aria-label='项目名称或编号'
          onInput={(event) => setText(event.detail.value)}
          onConfirm={() => onChange({ keyword: text.trim() })}
        />
        <View id='trading-search' className='button' role='button' onClick={() => onChange({ keyword: text.trim() })}>
          搜索
        </View>
      </View>
      <View className='td-filter-row' role='group' aria-label='筛选条件'>
        <Picker mode='selector' id='filter-stage' className='td-filter' range={STAGE_OPTIONS.map((o) => o.label)} value={stageIndex} onChange={(event) => onChange({ stage: STAGE_OPTIONS[Number(event.detail.value)]?.key ?? '' })}>
          <View className='td-chip tap' role='button' aria-label={`公告阶段：${stageLabel}，点按更改`}>
            <Text id='filter-stage-value'>{stageLabel}</Text>
            <Text aria-hidden='true'> ▾</Text>
          </View>
        </Picker>
        <Picker mode='selector' id='filter-district' className='td-filter' range={DISTRICT_OPTIONS.map((o) => o.label)} value={districtIndex} onChange={(event) => onChange({ district: DISTRICT_OPTIONS[Number(event.detail.value)]?.key ?? '' })}>
          <View className='td-chip tap' role='button' aria-label={`交易地区：${districtLabel}，点按更改`}>
            <Text id='filter-district-value'>{districtLabel}</Text>
            <Text aria-hidden='true'> ▾</Text>
          </View>
        </Picker>
        <Picker mode='date' id='filter-from' className='td-filter' value={filters.from || '2026-01-01'} start='2004-01-01' end={filters.to || '2099-12-31'} onChange={(event) => onChange({ from: String(event.detail.value) })}>
          <View className='td-chip tap' role='button' aria-label={`${filters.from ? `自 ${filters.from}` : '开始日期'}（最新公告日期起），点按选择`}>
            <Text id='filter-from-value'>{filters.from ? `自 ${filters.from}` : '开始日期'}</Text>
          </View>
        </Picker>
        <Picker mode='date' id='filter-to' className='td-filter' value={filters.to || filters.from || '2026-01-01'} start={filters.from || '2004-01-01'} end='2099-12-31' onChange={(event) => onChange({ to: String(event.detail.value) })}>
          <View className='td-chip tap' role='button' aria-label={`${filters.to ? `至 ${filters.to}` : '结束日期'}（最新公告日期止），点按选择`}>
            <Text id='filter-to-value'>{filters.to ? `至 ${filters.to}` : '结束日期'}</Text>
          </View>
        </Picker>
        {any ? (
          <View
            id='filter-clear'
            className='td-chip tap td-filter'
            role='button'
            onClick={() => {
              setText('');
              onChange(NO_FILTERS);
            }}
          >
            清除筛选
          </View>
        ) : null}
      </View>
    </View>
  );
}

export default function TradingList() {
  const [tab, setTab] = useState<TabKey>('all');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [listing, setListing] = useState<Listing>({ tab: 'all', filters: NO_FILTERS, items: [], nextCursor: null, loading: true });

  async function loadPage(key: TabKey, criteria: Filters, cursor: string | null, previous: ProjectSummary[]) {
    setListing({ tab: key, filters: criteria, items: previous, nextCursor: cursor, loading: true });
    const input = {
      ...(key === 'all' ? {} : { type: key }),
      ...Object.fromEntries(Object.entries(criteria).filter(([, value]) => value)),
      cursor,
      limit: PAGE_SIZE,
    };
    try {
      const page = await call('trading', 'listProjects', input);
      setListing({ tab: key, filters: criteria, items: [...previous, ...page.items], nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      const message = error instanceof ApiCallError ? error.message : '加载失败，请稍后重试';
      setListing({ tab: key, filters: criteria, items: previous, nextCursor: cursor, loading: false, error: message });
    }
  }

  useEffect(() => {
    void loadPage(tab, filters, null, []);
  }, [tab, filters]);

  const current = TYPE_TABS.find((entry) => entry.key === tab) ?? TYPE_TABS[0]!;
  const filtered = Object.values(filters).some(Boolean);

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
      <FilterBar filters={filters} onChange={(next) => setFilters((prev) => ({ ...prev, ...next }))} />
      <View className='td-actions'>
        <FollowButton tab={tab} label={current.label} />
        <View id='trading-stats' className='button button-secondary' role='link' onClick={() => void Taro.navigateTo({ url: TRADING_ROUTES.stats })}>
          交易统计
        </View>
      </View>
      {listing.tab === tab && listing.filters === filters ? (
        <View role='tabpanel' aria-label={`${current.label}交易项目`}>
          {listing.items.map((item) => (
            <ProjectRow key={item.id} item={item} />
          ))}
          {listing.error ? (
            <View className='state state-error' role='alert'>
              <Text>{listing.error}</Text>
              <View id='retry' className='button button-secondary' role='button' onClick={() => void loadPage(listing.tab, listing.filters, listing.nextCursor, listing.items)}>
                重试
              </View>
            </View>
          ) : listing.loading ? (
            <View className='list-end muted state' aria-busy='true'>
              正在加载…
            </View>
          ) : listing.nextCursor ? (
            <View id='load-more' className='button button-secondary' role='button' onClick={() => void loadPage(listing.tab, listing.filters, listing.nextCursor, listing.items)}>
              加载更多
            </View>
          ) : (
            <View className='list-end muted state' id='list-end'>
              {listing.items.length === 0 ? (filtered ? '没有符合筛选条件的交易项目' : '该类型暂无交易项目') : '已显示全部'}
            </View>
          )}
        </View>
      ) : null}
      <RateFloat service='trading' />
    </PageShell>
  );
}
