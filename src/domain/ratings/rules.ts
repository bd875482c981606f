// 好差评 rules (国办发〔2019〕51号; Shandong's 鲁政办发〔2020〕10号): five levels, "差评" = the two lowest,
// one rating per service transaction (一事一评), late ratings within 5 working days of the service,
// every bad rating rectified and answered on a deadline, malicious ratings reviewed by a second person.
import type { IsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { computeDeadline, workingDaysLeft } from '../requests/deadlines';

export const RATING_LEVELS = [
  { level: 5, label: '非常满意' },
  { level: 4, label: '满意' },
  { level: 3, label: '基本满意' },
  { level: 2, label: '不满意' },
  { level: 1, label: '非常不满意' },
] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number]['level'];

export function levelLabel(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.label ?? String(level);
}

export function isBadRating(level: number): boolean {
  return level <= 2;
}

/** Indicators offered with each kind of rating (provincial specs: efficiency, accuracy, convenience, usability, attitude, competence). */
export const GOOD_INDICATORS = ['办事效率高', '办事指南准确', '办理便捷', '平台好用', '服务态度好', '业务熟练'] as const;
export const BAD_INDICATORS = ['办事效率低', '办事指南不准确', '办理不便', '平台不好用', '服务态度差', '业务不熟练', '其他'] as const;

export function indicatorsFor(level: number): readonly string[] {
  return isBadRating(level) ? BAD_INDICATORS : GOOD_INDICATORS;
}

/** Shandong allows a late (补充) rating within 5 working days of the service. */
export const LATE_RATING_WORKING_DAYS = 5;

export interface RatingRuleViolation {
  path: string;
  message: string;
}

export interface RatingDraft {
  level: number;
  indicators: readonly string[];
  comment: string;
  serviceDate: IsoDate;
}

/** Checks the rating itself (the form's cross-field rules); returns every problem. */
export function checkRating(draft: RatingDraft, today: IsoDate, calendar: WorkingCalendar): RatingRuleViolation[] {
  const problems: RatingRuleViolation[] = [];
  const allowed = indicatorsFor(draft.level);
  const wrong = draft.indicators.filter((i) => !allowed.includes(i));
  if (wrong.length > 0) problems.push({ path: 'indicators', message: `评价指标与评价等级不符：${wrong.join('、')}` });
  if (isBadRating(draft.level)) {
    if (draft.indicators.length === 0) problems.push({ path: 'indicators', message: '差评请至少选择一项不满意的方面' });
    if (draft.comment.trim().length < 5) problems.push({ path: 'comment', message: '差评请写明原因（至少 5 个字），以便我们整改' });
  }
  if (draft.serviceDate > today) problems.push({ path: 'serviceDate', message: '办事日期不能晚于今天' });
  else {
    const lastDay = computeDeadline(calendar, { start: draft.serviceDate, workingDays: LATE_RATING_WORKING_DAYS }).due!;
    if (today > lastDay) problems.push({ path: 'serviceDate', message: `已超过补充评价期限（办事后 5 个工作日内，截至 ${lastDay}）` });
  }
  return problems;
}

/** 一事一评: the key that makes a second rating of the same service transaction a duplicate. */
export function ratingKey(openid: string, serviceItem: string, transactionRef: string | undefined, serviceDate: IsoDate): string {
  // Without a transaction number, one service item on one day is one transaction.
  const transaction = transactionRef?.trim() ? transactionRef.trim().toUpperCase() : serviceDate;
  return `${openid}:${serviceItem}:${transaction}`;
}

/** A bad rating's rectification case. */
export type RectificationState = 'open' | 'answered' | 'closed' | 'appealed' | 'excluded';

export const RECTIFICATION_LABELS: Record<RectificationState, string> = {
  open: '待核实整改',
  answered: '已整改答复，待回访',
  closed: '已回访办结',
  appealed: '申诉复核中',
  excluded: '经复核为恶意评价，不计入统计',
};

export function rectificationDue(calendar: WorkingCalendar, ratedOn: IsoDate, workingDays: number): IsoDate {
  return computeDeadline(calendar, { start: ratedOn, workingDays }).due!;
}

export function rectificationOverdue(calendar: WorkingCalendar, today: IsoDate, due: IsoDate): number {
  return Math.max(0, -workingDaysLeft(calendar, today, due));
}

export interface RatingForStats {
  level: number;
  serviceItem: string;
  ratedOn: IsoDate;
  excluded: boolean;
  rectification?: { state: RectificationState; answeredOn?: IsoDate; openedOn: IsoDate };
}

export interface RatingStats {
  total: number;
  byLevel: Record<string, number>;
  byServiceItem: Record<string, number>;
  byMonth: Array<{ month: string; total: number; bad: number }>;
  /** (非常满意 + 满意 + 基本满意) / total, in percent with one decimal; null without ratings. */
  satisfactionRate: number | null;
  bad: number;
  /** Bad ratings answered or closed / bad ratings, in percent. */
  rectificationRate: number | null;
  /** Mean calendar days from a bad rating to its answer. */
  averageRectificationDays: number | null;
  excluded: number;
}

function days(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Statistics over counted ratings (malicious ones, excluded after review, are left out and counted apart). */
export function ratingStats(ratings: readonly RatingForStats[]): RatingStats {
  const counted = ratings.filter((r) => !r.excluded);
  const byLevel: Record<string, number> = Object.fromEntries(RATING_LEVELS.map((l) => [l.label, 0]));
  const byServiceItem: Record<string, number> = {};
  const months = new Map<string, { total: number; bad: number }>();
  for (const rating of counted) {
    byLevel[levelLabel(rating.level)] = (byLevel[levelLabel(rating.level)] ?? 0) + 1;
    byServiceItem[rating.serviceItem] = (byServiceItem[rating.serviceItem] ?? 0) + 1;
    const month = rating.ratedOn.slice(0, 7);
    const entry = months.get(month) ?? { total: 0, bad: 0 };
    entry.total += 1;
    if (isBadRating(rating.level)) entry.bad += 1;
    months.set(month, entry);
  }
  const bad = counted.filter((r) => isBadRating(r.level));
  const answered = bad.filter((r) => r.rectification && ['answered', 'closed'].includes(r.rectification.state));
  const satisfied = counted.filter((r) => r.level >= 3).length;
  const durations = answered.filter((r) => r.rectification?.answeredOn).map((r) => days(r.rectification!.openedOn, r.rectification!.answeredOn!));
  return {
    total: counted.length,
    byLevel,
    byServiceItem,
    byMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, ...v })),
    satisfactionRate: counted.length ? round1((satisfied / counted.length) * 100) : null,
    bad: bad.length,
    rectificationRate: bad.length ? round1((answered.length / bad.length) * 100) : null,
    averageRectificationDays: durations.length ? round1(durations.reduce((a, b) => a + b, 0) / durations.length) : null,
    excluded: ratings.length - counted.length,
  };
}
