// 政策解读: published interpretations, newest first, filtered by form (文稿/图片/动漫/视频) and by who
// interprets (主要领导/专家/专业机构从业人员/媒体); 10 at a time with 加载更多.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import { FORM_TABS, formatDate, POLICY_ROUTES, ROLE_TABS, type InterpretationSummary } from '../shared';
import '../policy.css';

type FormKey = (typeof FORM_TABS)[number]['key'];
type RoleKey = (typeof ROLE_TABS)[number]['key'];

interface Listing {
  filter: string;
  items: InterpretationSummary[];
  nextCursor: string | null;
  loading: boolean;
  error?: string;
}

const PAGE_SIZE = 10;

function Chips<K extends string>({ label, prefix, tabs, value, onChange }: { label: string; prefix: string; tabs: ReadonlyArray<{ key: K; label: string }>; value: K; onChange: (key: K) => void }) {
  return (
    <View className='pl-filter'>
      <Text className='muted pl-filter-label'>{label}</Text>
      <View className='pl-chips' role='tablist' aria-label={label}>
        {tabs.map((tab) => (
          <View
            key={tab.key}
            id={`${prefix}-${tab.key}`}
            className={tab.key === value ? 'pl-chip pl-chip-active' : 'pl-chip'}
            role='tab'
            aria-selected={tab.key === value}
            onClick={() => onChange(tab.key)}
          >
            {tab.key === value ? `✓ ${tab.label}` : tab.label}
          </View>
        ))}
      </View>
    </View>
  );
}

export function InterpretationRow({ item }: { item: InterpretationSummary }) {
  return (
    <View
      className='list-item tap pl-item'
      data-testid='interpretation'
      data-form={item.form}
      id={`interpretation-${item.id}`}
      role='link'
      onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.interpretation(item.id) })}
    >
      <Text className='pl-item-title'>
        {item.title}
        {item.demo ? <DemoBadge /> : null}
      </Text>
      <View className='pl-tags'>
        <Text className='pl-tag pl-tag-form' data-testid='interpretation-form'>{`${item.formLabel}解读`}</Text>
        <Text className='pl-tag' data-testid='interpretation-role'>{item.roleLabel}</Text>
      </View>
      <Text className='muted list-item-meta'>{`解读文件：${item.documentTitle}`}</Text>
      <Text className='muted list-item-meta'>{`${item.interpreter} · ${formatDate(item.publishedAt)}`}</Text>
    </View>
  );
}

export default function InterpretationList() {
  const [form, setForm] = useState<FormKey>('all');
  const [role, setRole] = useState<RoleKey>('all');
  const filter = `${form}|${role}`;
  const [listing, setListing] = useState<Listing>({ filter, items: [], nextCursor: null, loading: true });

  async function loadPage(cursor: string | null, previous: InterpretationSummary[]) {
    setListing({ filter, items: previous, nextCursor: cursor, loading: true });
    try {
      const page = await call('policies', 'listInterpretations', { ...(form === 'all' ? {} : { form }), ...(role === 'all' ? {} : { role }), cursor, limit: PAGE_SIZE });
      setListing({ filter, items: [...previous, ...page.items], nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      setListing({ filter, items: previous, nextCursor: cursor, loading: false, error: error instanceof ApiCallError ? error.message : '加载失败，请稍后重试' });
    }
  }

  useEffect(() => {
    void loadPage(null, []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter]);

  return (
    <PageShell testId='policy-list'>
      <View className='header'>
        <Text className='header-title'>政策解读</Text>
        <Text className='header-sub'>从政策背景、决策依据、出台目的、重要举措等方面解读政策文件</Text>
      </View>
      <View className='pl-filters'>
        <Chips label='解读形式' prefix='form' tabs={FORM_TABS} value={form} onChange={setForm} />
        <Chips label='解读人' prefix='role' tabs={ROLE_TABS} value={role} onChange={setRole} />
      </View>
      {listing.filter === filter ? (
        <View role='tabpanel' aria-label='政策解读列表'>
          {listing.items.map((item) => (
            <InterpretationRow key={item.id} item={item} />
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
              {listing.items.length === 0 ? '暂无符合条件的解读' : '已显示全部'}
            </View>
          )}
        </View>
      ) : null}
      <View className='pl-nav'>
        <View id='to-meetings' className='button button-secondary' role='link' onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.meetings })}>
          会议公开
        </View>
        <View id='to-stats' className='button button-secondary' role='link' onClick={() => void Taro.navigateTo({ url: POLICY_ROUTES.stats })}>
          年度统计
        </View>
      </View>
    </PageShell>
  );
}
