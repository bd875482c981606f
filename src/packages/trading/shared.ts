// Parts shared by the 交易公告 / 开标大厅 pages (packages/trading): answer types, routes, tabs.
import type { ActionOutput } from '@/contracts';
import { TRANSACTION_TYPES } from '@/contracts/trading';

export type ProjectSummary = ActionOutput<'trading', 'listProjects'>['items'][number];
export type Chain = ActionOutput<'trading', 'getChain'>;
export type Opening = ActionOutput<'trading', 'todayOpenings'>['openings'][number];
export type TradingStats = ActionOutput<'trading', 'stats'>;

export const TRADING_ROUTES = {
  list: '/packages/trading/list/index',
  hall: '/packages/trading/hall/index',
  stats: '/packages/trading/stats/index',
  chain: (id: string) => `/packages/trading/chain/index?id=${encodeURIComponent(id)}`,
} as const;

/** The list's tabs: `#type-<key>`; 全部 asks for every transaction type. */
export const TYPE_TABS: ReadonlyArray<{ key: (typeof TRANSACTION_TYPES)[number]['key'] | 'all'; label: string }> = [
  { key: 'all', label: '全部' },
  ...TRANSACTION_TYPES.map((t) => ({ key: t.key, label: t.label })),
];

/** 2026-03-16T09:30:00+08:00 → 2026-03-16 09:30; a plain date stays as it is. */
export function formatDateTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!match) return iso;
  return match[2] ? `${match[1]} ${match[2]}` : match[1]!;
}

/** 2026-03-16 → 2026年3月16日. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  if (!year || !month || !day) return iso;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
