// Small helpers shared by the 好差评 pages (packages/rate only: a subpackage may not reach into another).
import type { RatingView } from '@/contracts/ratings';

export const RATE_ROUTES = {
  home: '/packages/rate/index/index',
  mine: '/packages/rate/mine/index',
  stats: '/packages/rate/stats/index',
} as const;

/** 2026-03-16 → 2026年3月16日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** What happens to a comment before the public sees it, in words. */
export const MODERATION_LABELS: Record<RatingView['moderation'], string> = {
  shown: '评价内容已公开',
  pending: '评价内容审核中，审核通过后公开',
  rejected: '评价内容经审核未予公开',
};

/** 32 characters of base36 from the clock and Math.random: unique enough for one person's submits. */
export function newIdempotencyKey(): string {
  let key = `rate${Date.now().toString(36)}`;
  while (key.length < 32) key += Math.floor(Math.random() * 36).toString(36);
  return key;
}

/** A percentage as text: 95.2%, or the fallback when there is nothing to count. */
export function percentText(value: number | null, empty = '暂无'): string {
  return value === null ? empty : `${value}%`;
}
