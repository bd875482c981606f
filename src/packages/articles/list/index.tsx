// 公众号文章: the account's articles, newest first (加载更多 with the cursor), under the annual report's
// figures on the account with the sentences that state them.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, call } from '@/services/api';
import { PageShell } from '@/components/PageShell';
import { DemoBadge } from '@/components/DemoBadge';
import { ARTICLE_ROUTES, formatDate, type ArticleList, type ArticleSummary } from '../shared';
import '../articles.css';

const PAGE_SIZE = 10;

function Figures({ figures }: { figures: ArticleList['figures'] }) {
  if (!figures.posts && !figures.followers) return null;
  return (
    <View className='card ar-figures' id='article-figures' aria-label='公众号情况'>
      <Text className='card-title'>{`公众号情况${figures.year ? `（${figures.year}年度报告）` : ''}`}</Text>
      {figures.posts ? (
        <View className='ar-figure' id='figure-posts' data-value={figures.posts.value}>
          <Text className='ar-figure-value'>{`${figures.posts.value} 条`}</Text>
          <Text>{`${figures.year ?? ''}年发布信息`}</Text>
          <Text className='muted list-item-meta'>{`原文：“${figures.posts.source}”`}</Text>
        </View>
      ) : null}
      {figures.followers ? (
        <View className='ar-figure' id='figure-followers' data-value={figures.followers.value}>
          <Text className='ar-figure-value'>{`${figures.followers.value} 人`}</Text>
          <Text>关注人数</Text>
          <Text className='muted list-item-meta'>{`原文：“${figures.followers.source}”`}</Text>
        </View>
      ) : null}
    </View>
  );
}

export default function ArticlesList() {
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [figures, setFigures] = useState<ArticleList['figures']>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  async function load(after: string | null, previous: ArticleSummary[]) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await call('articles', 'list', { cursor: after, limit: PAGE_SIZE });
      setItems([...previous, ...page.items]);
      setFigures(page.figures);
      setCursor(page.nextCursor);
    } catch (cause) {
      setError(cause instanceof ApiCallError ? cause.message : '加载失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null, []);
  }, []);

  return (
    <PageShell testId='articles-list'>
      <View className='header'>
        <Text className='header-title'>公众号文章</Text>
        <Text className='header-sub'>“淄博公共资源交易”微信公众号推文</Text>
      </View>
      {figures ? <Figures figures={figures} /> : null}
      <View role='group' aria-label='文章列表'>
        {items.map((item) => (
          <View
            key={item.id}
            className='list-item tap ar-item'
            role='link'
            data-testid='article'
            id={`article-${item.id}`}
            onClick={() => void Taro.navigateTo({ url: ARTICLE_ROUTES.detail(item.id) })}
          >
            <Text className='list-item-title ar-item-title'>
              {item.title}
              {item.demo ? <DemoBadge /> : null}
            </Text>
            {item.digest ? <Text className='list-item-meta'>{item.digest}</Text> : null}
            <Text className='list-item-meta muted'>{formatDate(item.date)}</Text>
          </View>
        ))}
      </View>
      {error ? (
        <View className='state state-error' role='alert'>
          <Text>{error}</Text>
          <View id='retry' className='button button-secondary' role='button' onClick={() => void load(cursor, items)}>
            重试
          </View>
        </View>
      ) : loading ? (
        <View className='list-end muted state' aria-busy='true'>
          正在加载…
        </View>
      ) : cursor ? (
        <View id='load-more' className='button button-secondary' role='button' onClick={() => void load(cursor, items)}>
          加载更多
        </View>
      ) : (
        <View className='list-end muted state' id='list-end'>
          {items.length === 0 ? '暂无文章' : '已显示全部'}
        </View>
      )}
    </PageShell>
  );
}
