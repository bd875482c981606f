// Parts shared by the 平台开放日 pages (packages/opendays): answer types, routes, words for states.
import type { ActionOutput } from '@/contracts';
import type { EventSummary } from '@/contracts/open-days';

export type OpenDayList = ActionOutput<'openDays', 'list'>;
export type OpenDayDetail = ActionOutput<'openDays', 'get'>;
export type { EventSummary };

export const OPENDAY_ROUTES = {
  list: '/packages/opendays/list/index',
  mine: '/packages/opendays/mine/index',
  detail: (id: string) => `/packages/opendays/detail/index?id=${encodeURIComponent(id)}`,
} as const;

/** "剩余 3 个名额（共 30 个）", or nothing for past records. */
export function placesText(event: Pick<EventSummary, 'capacity' | 'remaining' | 'state'>): string {
  if (event.capacity === null || event.remaining === null) return '';
  if (event.state === 'ended' || event.state === 'cancelled') return `名额 ${event.capacity} 个`;
  return `剩余 ${event.remaining} 个名额（共 ${event.capacity} 个）`;
}

/** 2026-03-16T09:30:00+08:00 → 2026-03-16 09:30. */
export function wallTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

/** A key that makes a retried sign-up take one place, not two (16–64 of [A-Za-z0-9_-]). */
export function newIdempotencyKey(prefix = 'od'): string {
  let random = '';
  while (random.length < 24) random += Math.random().toString(36).slice(2);
  return `${prefix}-${Date.now().toString(36)}-${random.slice(0, 24)}`;
}
