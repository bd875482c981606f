// 意见征集 rules: minimum consultation periods by kind (规章草案 and major decisions ≥ 30 days;
// normative documents ≥ 7 working days, ≥ 30 days when closely tied to market activity), phases, and
// the feedback (采纳情况) published after closing.
import { addDays, daysBetween, type IsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { computeDeadline } from '../requests/deadlines';

export const CONSULTATION_KINDS = ['rulesDraft', 'normativeDocument', 'majorDecision', 'other'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const CONSULTATION_KIND_LABELS: Record<ConsultationKind, string> = {
  rulesDraft: '规章草案',
  normativeDocument: '规范性文件',
  majorDecision: '重大决策',
  other: '其他',
};

export interface PeriodRule {
  /** The earliest allowed end date for a start date. */
  minimumEnd: IsoDate;
  description: string;
}

export function minimumPeriod(kind: ConsultationKind, start: IsoDate, marketRelated: boolean, calendar: WorkingCalendar): PeriodRule | null {
  if (kind === 'rulesDraft' || kind === 'majorDecision' || (kind === 'normativeDocument' && marketRelated)) {
    // "Not less than 30 days": the start day counts as the first.
    return { minimumEnd: addDays(start, 29), description: kind === 'normativeDocument' ? '与市场主体生产经营活动密切相关的规范性文件，征求意见期限不少于 30 日' : `${CONSULTATION_KIND_LABELS[kind]}征求意见期限不少于 30 日` };
  }
  if (kind === 'normativeDocument') {
    return { minimumEnd: computeDeadline(calendar, { start: addDays(start, -1), workingDays: 7 }).due!, description: '规范性文件征求意见期限不少于 7 个工作日' };
  }
  return null;
}

/** Why a period is too short, or null when it is long enough (or a reason for the exception was recorded). */
export function periodProblem(kind: ConsultationKind, start: IsoDate, end: IsoDate, marketRelated: boolean, shortReason: string | undefined, calendar: WorkingCalendar): string | null {
  if (end < start) return '截止日期不能早于开始日期';
  const rule = minimumPeriod(kind, start, marketRelated, calendar);
  if (!rule || end >= rule.minimumEnd) return null;
  if (shortReason && shortReason.trim().length >= 5) return null;
  return `${rule.description}（最早截止 ${rule.minimumEnd}）；确需缩短的，请写明理由`;
}

export type ConsultationPhase = 'upcoming' | 'open' | 'closed' | 'answered';
export const PHASE_LABELS: Record<ConsultationPhase, string> = { upcoming: '即将开始', open: '征集中', closed: '已截止，待反馈', answered: '已反馈' };

export function phaseOf(consultation: { startDate: IsoDate; endDate: IsoDate; feedbackPublishedOn?: IsoDate }, today: IsoDate): ConsultationPhase {
  if (consultation.feedbackPublishedOn) return 'answered';
  if (today < consultation.startDate) return 'upcoming';
  if (today <= consultation.endDate) return 'open';
  return 'closed';
}

/** Calendar days left to comment (0 on the last day), or null once closed. */
export function daysLeft(consultation: { startDate: IsoDate; endDate: IsoDate }, today: IsoDate): number | null {
  return today > consultation.endDate ? null : daysBetween(today < consultation.startDate ? consultation.startDate : today, consultation.endDate);
}

export const DECISIONS = ['adopted', 'partlyAdopted', 'notAdopted'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = { adopted: '采纳', partlyAdopted: '部分采纳', notAdopted: '未采纳' };

