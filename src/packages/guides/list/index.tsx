// 交易操作一点通: guides by transaction type (tabs) and kind (服务指南 / 操作手册 / 进场交易明白纸),
// most recently updated first, 10 at a time. A tap opens the guide.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import { RateFloat } from '@/components/RateFloat';
import { formatDate, GUIDES_ROUTES, KIND_TABS, TYPE_TABS, type GuideSummary, type KindKey, type TypeKey } from '../shared';
import { ListFooter, usePagedList } from '../paging';
import '../guides.css';

const PAGE_SIZE = 10;

function GuideRow({ item }: { item: GuideSummary }) {
  return (
    <View
      className='list-item tap gd-item'
      data-testid='guide'
      data-type={item.type}
      data-kind={item.kind}
      id={`guide-${item.id}`}
      role='link'
      onClick={() => void Taro.navigateTo({ url: GUIDES_ROUTES.detail(item.id) })}
    >
      <View className='gd-item-head'>
        <Text className='gd-item-title'>
          {item.title}
          {item.demo ? <DemoBadge /> : null}
        </Text>
        <Text className='gd-arrow' aria-hidden='true'>
          ›
        </Text>
      </View>
      <View className='gd-tags'>
        <Text className='gd-tag'>{item.typeLabel}</Text>
        <Text className='gd-tag gd-tag-kind' data-testid='guide-kind'>
          {item.kindLabel}
        </Text>
      </View>
      <Text className='muted list-item-meta'>{`${formatDate(item.updatedOn)}更新 · 共 ${item.stepCount} 步${item.attachmentCount > 0 ? ` · 附件 ${item.attachmentCount} 个` : ''}`}</Text>
    </View>
  );
}

export default function GuidesList() {
  const [type, setType] = useState<TypeKey>('all');
  const [kind, setKind] = useState<KindKey>('all');
  const { listing, more } = usePagedList<GuideSummary>(`${type}|${kind}`, (cursor) =>
    call('guides', 'listGuides', { ...(type === 'all' ? {} : { type }), ...(kind === 'all' ? {} : { kind }), cursor, limit: PAGE_SIZE }),
  );
  const typeLabel = TYPE_TABS.find((t) => t.key === type)?.label ?? '';
  const kindLabel = KIND_TABS.find((k) => k.key === kind)?.label ?? '';

  return (
    <PageShell testId='guides-list'>
      <View className='header'>
        <Text className='header-title'>交易操作一点通</Text>
        <Text className='header-sub'>按交易类型查看服务指南、操作手册和进场交易明白纸</Text>
      </View>
      <ScrollView scrollX className='gd-tabs'>
        <View className='gd-tablist' role='tablist' aria-label='按交易类型查看'>
          {TYPE_TABS.map((entry) => (
            <View key={entry.key} id={`type-${entry.key}`} className={entry.key === type ? 'gd-tab tap gd-tab-active' : 'gd-tab tap'} role='tab' aria-selected={entry.key === type} onClick={() => setType(entry.key)}>
              {entry.label}
            </View>
          ))}
        </View>
      </ScrollView>
      <View className='gd-chips' role='radiogroup' aria-label='按指南类别筛选'>
        {KIND_TABS.map((entry) => (
          <View key={entry.key} id={`kind-${entry.key}`} className={entry.key === kind ? 'gd-chip gd-chip-active' : 'gd-chip'} role='radio' aria-checked={entry.key === kind} onClick={() => setKind(entry.key)}>
            {entry.key === kind ? `✓ ${entry.label}` : entry.label}
          </View>
        ))}
      </View>
      <View role='tabpanel' aria-label={`${typeLabel}·${kindLabel}`}>
        {listing.items.map((item) => (
          <GuideRow key={item.id} item={item} />
        ))}
        <ListFooter listing={listing} more={more} empty='该类型暂无办事指南' />
      </View>
      <RateFloat service='guides' />
    </PageShell>
  );
}
