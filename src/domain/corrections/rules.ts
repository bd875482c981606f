// 找错 (error reports on content pages): the pure rules — who may report what, the 3-working-day
// handling deadline, and the states a report moves through. No I/O, no Taro.
import type { IsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { computeDeadline, workingDaysLeft } from '../requests/deadlines';

/** Staff answer every report within this many working days of its receipt (day zero). */
export const CORRECTION_WORKING_DAYS = 3;
/** Reports one person may file a day: enough for a careful reader, a brake on floods. */
export const DAILY_CORRECTION_LIMIT = 5;

export type CorrectionState = 'pending' | 'corrected' | 'noChange';
export const CORRECTION_STATE_LABELS: Record<CorrectionState, string> = { pending: '待处理', corrected: '已更正', noChange: '无需更正' };

/** Content pages a report may point at: a route of the mini-app's content packages, never an outside URL. */
const CONTENT_ROUTE = /^\/(packages|pages)\/[a-z0-9-]+\/[a-z0-9-]+\/index(\?[A-Za-z0-9_\-=&%.]*)?$/;

export interface CorrectionDraft {
  route: string;
  pageTitle: string;
  quote: string;
  problem: string;
}

export interface Problem {
  path: string;
  message: string;
}

export function checkCorrection(draft: CorrectionDraft): Problem[] {
  const problems: Problem[] = [];
  if (!CONTENT_ROUTE.test(draft.route)) problems.push({ path: 'route', message: '无法识别出错的页面，请从页面底部的“找错”进入' });
  if (draft.pageTitle.trim().length === 0) problems.push({ path: 'pageTitle', message: '缺少页面标题' });
  if (draft.quote.trim().length === 0) problems.push({ path: 'quote', message: '请摘录有错误的原文' });
  if (draft.problem.trim().length < 4) problems.push({ path: 'problem', message: '请说明错在哪里（至少 4 个字）' });
  return problems;
}

/** The date staff must answer by: 3 working days after the report was received. */
export function correctionDue(calendar: WorkingCalendar, receivedOn: IsoDate, workingDays = CORRECTION_WORKING_DAYS): IsoDate {
  return computeDeadline(calendar, { start: receivedOn, workingDays }).due!;
}

/** Working days past the due date (0 while on time). */
export function correctionOverdue(calendar: WorkingCalendar, today: IsoDate, due: IsoDate): number {
  return Math.max(0, -workingDaysLeft(calendar, today, due));
}

export type CorrectionOutcome = 'corrected' | 'noChange';

export class CorrectionError extends Error {
  constructor(
    readonly code: 'CONFLICT' | 'VALIDATION_FAILED',
    message: string,
  ) {
    super(message);
  }
}

/** A report is handled once: 待处理 → 已更正 or 无需更正, always with a reply the reporter reads. */
export function handleCorrection(state: CorrectionState, outcome: CorrectionOutcome, reply: string): CorrectionState {
  if (state !== 'pending') throw new CorrectionError('CONFLICT', `该报告已处理（${CORRECTION_STATE_LABELS[state]}），不能重复处理`);
  if (reply.trim().length < 4) throw new CorrectionError('VALIDATION_FAILED', '请写明处理答复（至少 4 个字）');
  return outcome;
}
