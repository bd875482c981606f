// 公开目录: categories as tabs; each category's items newest first, 20 at a time ("加载更多").
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import type { ItemSummary } from '@/contracts/catalogue';
import { ApiCallError, call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { DemoBadge } from '@/components/DemoBadge';
import { RateFloat } from '@/components/RateFloat';
import './index.css';

interface Listing {
  categoryId: string;
  items: ItemSummary[];
  nextCursor: string | null;
  total: number;
  loading: boolean;
  error?: string;
}

function ItemRow({ item }: { item: ItemSummary }) {
  return (
    <View
      className='list-item tap'
      data-testid='catalogue-item'
      id={`item-${item.id}`}
      role='link'
      onClick={() => void Taro.navigateTo({ url: `/packages/catalogue/detail/index?id=${item.id}` })}
    >
      <View>
        <Text className='list-item-title'>
          {item.title}
          {item.demo ? <DemoBadge /> : null}
        </Text>
        <Text className='list-item-meta muted'>
          {item.publishedAt} · {item.docNo ?? item.indexNo}
        </Text>
      </View>
    </View>
  );
}

export default function Catalogue() {
  const router = useRouter();
  const categories = useRemote(() => call('catalogue', 'listCategories', {}), []);
  const [selected, setSelected] = useState<string | undefined>(router.params.category);
  const [listing, setListing] = useState<Listing>();

  const activeId = selected ?? categories.data?.[0]?.id;

  async function loadPage(categoryId: string, cursor: string | null, previous: ItemSummary[]) {
    setListing((prev) => ({ categoryId, items: previous, nextCursor: cursor, total: prev?.categoryId === categoryId ? prev.total : 0, loading: true }));
    try {
      const page = await call('catalogue', 'listItems', { categoryId, cursor, limit: 20 });
      setListing({ categoryId, items: [...previous, ...page.items], nextCursor: page.nextCursor, total: page.category.itemCount, loading: false });
    } catch (error) {
      const message = error instanceof ApiCallError ? error.message : '加载失败，请稍后重试';
      setListing({ categoryId, items: previous, nextCursor: cursor, total: 0, loading: false, error: message });
    }
  }

  useEffect(() => {
    if (activeId) void loadPage(activeId, null, []);
  }, [activeId]);

  return (
    <PageShell testId='catalogue'>
      <RemoteView state={categories}>
        {(list) => (
          <>
            <ScrollView scrollX className='category-bar'>
              <View role='tablist' aria-label='目录分类'>
                {list.map((category) => (
                  <View
                    key={category.id}
                    id={`category-${category.id}`}
                    className={category.id === activeId ? 'category-tab active' : 'category-tab'}
                    role='tab'
                    aria-selected={category.id === activeId}
                    onClick={() => setSelected(category.id)}
                  >
                    {category.name}
                  </View>
                ))}
              </View>
            </ScrollView>
            {listing && listing.categoryId === activeId ? (
              <View role='tabpanel'>
                <View className='category-summary muted'>
                  <Text id='category-count'>
                    {list.find((c) => c.id === activeId)?.description} · 共 {listing.total || (list.find((c) => c.id === activeId)?.itemCount ?? 0)} 条
                  </Text>
                </View>
                {listing.items.map((item) => (
                  <ItemRow key={item.id} item={item} />
                ))}
                {listing.error ? (
                  <View className='state state-error' role='alert'>
                    <Text>{listing.error}</Text>
                    <View id='retry' className='button button-secondary' role='button' onClick={() => void loadPage(listing.categoryId, listing.nextCursor, listing.items)}>
                      重试
                    </View>
                  </View>
                ) : listing.loading ? (
                  <View className='list-end muted' aria-busy='true'>正在加载…</View>
                ) : listing.nextCursor ? (
                  <View id='load-more' className='button button-secondary' role='button' onClick={() => void loadPage(listing.categoryId, listing.nextCursor, listing.items)}>
                    加载更多
                  </View>
                ) : (
                  <View className='list-end muted'>{listing.items.length === 0 ? '该分类暂无公开信息' : '已显示全部'}</View>
                )}
              </View>
            ) : null}
          </>
        )}
      </RemoteView>
      <RateFloat service='website' />
    </PageShell>
  );
}
