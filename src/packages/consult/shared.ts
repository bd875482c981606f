// Parts shared by the 意见征集 pages (packages/consult): the answer types, the phase tabs, dates and
// days left in words. Page-private to this subpackage (the staff console has its own copy of what
// it needs, so neither subpackage pulls in the other).
import type { ActionOutput } from '@/contracts';

export type ConsultationSummary = ActionOutput<'consultations', 'list'>[number];
export type ConsultationDetail = ActionOutput<'consultations', 'get'>;
export type CommentView = ConsultationDetail['comments'][number];
export type Phase = ConsultationSummary['phase'];

export const CONSULT_ROUTES = {
  list: '/packages/consult/list/index',
  detail: (id: string) => `/packages/consult/detail/index?id=${encodeURIComponent(id)}`,
} as const;

/** The list's tabs: `#phase-<key>`; 全部 asks the server for every published consultation. */
export const PHASE_TABS: ReadonlyArray<{ key: Exclude<Phase, 'upcoming'> | 'all'; label: string; empty: string }> = [
  { key: 'open', label: '征集中', empty: '目前没有正在征集意见的事项。' },
  { key: 'closed', label: '已截止', empty: '目前没有已截止、正在整理意见的事项。' },
  { key: 'answered', label: '已反馈', empty: '暂无已公布采纳情况的事项。' },
  { key: 'all', label: '全部', empty: '暂无意见征集事项。' },
];

/** 2026-03-16 → 2026年3月16日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** An ISO instant as the Shanghai calendar date, 2026年3月16日 (China has no daylight saving). */
export function shanghaiDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatDate(new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10));
}

/** Days left to comment in words ("还剩 N 天", "今天截止"); '' when the consultation is not open. */
export function daysLeftText(item: Pick<ConsultationSummary, 'phase' | 'daysLeft'>): string {
  if (item.phase !== 'open' || item.daysLeft === null) return '';
  return item.daysLeft === 0 ? '今天截止' : `还剩 ${item.daysLeft} 天`;
}

/** The period in words. */
export function periodText(item: Pick<ConsultationSummary, 'startDate' | 'endDate'>): string {
  return `${formatDate(item.startDate)} 至 ${formatDate(item.endDate)}`;
}

/** 16–64 of [A-Za-z0-9_-]: one key per comment, kept until the server has answered it. */
export function newIdempotencyKey(): string {
  let random = '';
  while (random.length < 24) random += Math.random().toString(36).slice(2);
  return `cmt-${Date.now().toString(36)}-${random.slice(0, 24)}`;
}
