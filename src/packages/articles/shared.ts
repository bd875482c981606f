// Parts shared by the 公众号文章 pages (packages/articles).
import type { ActionOutput } from '@/contracts';

export type ArticleList = ActionOutput<'articles', 'list'>;
export type ArticleSummary = ArticleList['items'][number];
export type Article = ActionOutput<'articles', 'get'>;

export const ARTICLE_ROUTES = {
  list: '/packages/articles/list/index',
  detail: (id: string) => `/packages/articles/detail/index?id=${encodeURIComponent(id)}`,
} as const;

/** 2026-03-16 → 2026年3月16日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
