// The freshness radar (政务新媒体 inspection, 国办秘函〔2019〕19号): each column has a freshness class,
// the newest publication in it dates it, and the app as a whole must not pass two weeks without any
// update. Pure: dates in, verdicts out.
import { addDays, daysBetween, type IsoDate } from '../calendar/dates';

/** The classes inspectors use: 动态/要闻 2 weeks; 通知公告 and 政策 6 months; 人事/规划 1 year. */
export const FRESHNESS_CLASSES = {
  news: { label: '动态/要闻', days: 14, months: 0, limitLabel: '2周' },
  notice: { label: '通知公告', days: 0, months: 6, limitLabel: '6个月' },
  policy: { label: '政策', days: 0, months: 6, limitLabel: '6个月' },
  planning: { label: '人事/规划', days: 0, months: 12, limitLabel: '1年' },
} as const;
export type FreshnessClass = keyof typeof FRESHNESS_CLASSES;
export const FRESHNESS_CLASS_KEYS = Object.keys(FRESHNESS_CLASSES) as FreshnessClass[];

/** The whole app fails inspection after this many days without any update. */
export const SITE_LIMIT_DAYS = 14;
/** Warn this many days before a limit passes. */
export const DEFAULT_WARN_DAYS = 3;

export type FreshnessState = 'fresh' | 'dueSoon' | 'stale' | 'empty';
export const FRESHNESS_STATE_LABELS: Record<FreshnessState, string> = { fresh: '正常', dueSoon: '即将超期', stale: '已超期', empty: '从未更新' };

/** Adds calendar months, clamping to the month's last day (08-31 + 6 months → 02-28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day a column of this class may go without an update after `lastUpdate`. */
export function freshUntil(cls: FreshnessClass, lastUpdate: IsoDate): IsoDate {
  const c = FRESHNESS_CLASSES[cls];
  return c.months > 0 ? addMonths(lastUpdate, c.months) : addDays(lastUpdate, c.days);
}

export interface FreshnessVerdict {
  state: FreshnessState;
  stateLabel: string;
  /** The last day still within the limit (null when never updated). */
  due: IsoDate | null;
  /** Calendar days until `due`: 0 on the day, negative once stale. */
  daysLeft: number | null;
}

function verdict(due: IsoDate | null, today: IsoDate, warnDays: number): FreshnessVerdict {
  if (due === null) return { state: 'empty', stateLabel: FRESHNESS_STATE_LABELS.empty, due: null, daysLeft: null };
  const daysLeft = daysBetween(today, due);
  const state: FreshnessState = daysLeft < 0 ? 'stale' : daysLeft <= warnDays ? 'dueSoon' : 'fresh';
  return { state, stateLabel: FRESHNESS_STATE_LABELS[state], due, daysLeft };
}

/** A column's freshness on `today`, from its class and the date of its newest publication. */
export function columnFreshness(cls: FreshnessClass, lastUpdate: IsoDate | null, today: IsoDate, warnDays = DEFAULT_WARN_DAYS): FreshnessVerdict {
  return verdict(lastUpdate === null ? null : freshUntil(cls, lastUpdate), today, warnDays);
}

/** The app as a whole: two weeks without any update anywhere fails it (单项否决); warn ahead. */
export function siteFreshness(lastUpdate: IsoDate | null, today: IsoDate, warnDays = DEFAULT_WARN_DAYS): FreshnessVerdict {
  return verdict(lastUpdate === null ? null : addDays(lastUpdate, SITE_LIMIT_DAYS), today, warnDays);
}
