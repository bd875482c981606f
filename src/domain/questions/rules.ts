// 咨询留言 rules. 国办秘函〔2019〕19号 (政务新媒体检查指标): an interaction channel that does not work
// fails outright, and a question left unanswered for more than 3 months fails the whole site; the
// trading-platform service standards require 咨询 with 首问负责 (the first person who takes a question
// sees it through) and 一次性告知 (everything missing is asked for at once, never piecemeal).
// Pure rules: no Taro, no I/O. The deadline counts working days on the official calendar.
import { daysBetween, type IsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { computeDeadline, workingDaysLeft } from '../requests/deadlines';

/** Categories are data: the list a citizen picks from and the public list filters by. */
export const QUESTION_CATEGORIES = [
  { key: 'trading', label: '交易咨询' },
  { key: 'policy', label: '政策咨询' },
  { key: 'platform', label: '平台使用' },
  { key: 'complaint', label: '投诉建议' },
  { key: 'other', label: '其他' },
] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number]['key'];

export function categoryLabel(key: string): string {
  return QUESTION_CATEGORIES.find((c) => c.key === key)?.label ?? key;
}

/** Working days to answer by default (a setting staff can change). */
export const DEFAULT_ANSWER_WORKING_DAYS = 5;
/** "Due soon" on the radar: this many working days left or fewer (0 = due today). */
export const DUE_SOON_WORKING_DAYS = 2;
/**
 * A question still waiting for the center this many calendar days after it was asked is escalated to
 * the administrator. The inspection rule fails the site at 3 months (about 90 days) unanswered; 60
 * days leaves a month to act, and by then the working-day deadline (5 days) is long past.
 */
export const ESCALATION_CALENDAR_DAYS = 60;
/** Questions one person may ask a day: enough for real use, a brake on floods. */
export const DAILY_QUESTION_LIMIT = 5;

export type QuestionState = 'pending' | 'needsDetails' | 'answered';

export const QUESTION_STATE_LABELS: Record<QuestionState, string> = {
  pending: '待答复',
  needsDetails: '待补充',
  answered: '已答复',
};

/** The last day to answer: `workingDays` working days after the clock started (asked or supplemented). */
export function answerDue(calendar: WorkingCalendar, clockStart: IsoDate, workingDays: number): IsoDate {
  return computeDeadline(calendar, { start: clockStart, workingDays }).due!;
}

export interface RadarInput {
  state: QuestionState;
  askedOn: IsoDate;
  due: IsoDate;
}

export type Urgency = 'overdue' | 'dueSoon' | 'ok' | 'waitingForAsker' | 'answered';

export interface Radar {
  urgency: Urgency;
  /** Working days left until the due date (negative when overdue); null when the center is not holding it. */
  workingDaysLeft: number | null;
  /** Calendar days since the question was first asked. */
  ageDays: number;
  /** Waiting for the center at least ESCALATION_CALENDAR_DAYS after it was asked. */
  escalated: boolean;
}

/**
 * Where a question stands today. Only questions the center holds (待答复) run a clock and can be
 * escalated; a question waiting for the asker's details (待补充) has been replied to (一次性告知) and
 * restarts its clock when the details arrive — its age still counts from the first ask.
 */
export function radar(calendar: WorkingCalendar, today: IsoDate, question: RadarInput): Radar {
  const ageDays = Math.max(0, daysBetween(question.askedOn, today));
  if (question.state === 'answered') return { urgency: 'answered', workingDaysLeft: null, ageDays, escalated: false };
  if (question.state === 'needsDetails') return { urgency: 'waitingForAsker', workingDaysLeft: null, ageDays, escalated: false };
  const left = workingDaysLeft(calendar, today, question.due);
  const urgency: Urgency = left < 0 ? 'overdue' : left <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'ok';
  return { urgency, workingDaysLeft: left, ageDays, escalated: ageDays >= ESCALATION_CALENDAR_DAYS };
}

export type StaffAction = 'answer' | 'requestDetails';

export interface ActionCheckInput {
  state: QuestionState;
  /** 一次性告知: true once details have been asked for (they are asked for once only). */
  detailsRequested: boolean;
}

/** Why the action is not allowed now, or null when it is. */
export function staffActionRefusal(question: ActionCheckInput, action: StaffAction): string | null {
  if (question.state === 'answered') return '该留言已答复';
  if (action === 'requestDetails') {
    if (question.detailsRequested) return '已一次性告知需补充的内容，不能再次要求补充；请根据现有信息答复';
    if (question.state !== 'pending') return '该留言正在等待留言人补充';
  }
  return null;
}

export interface DetailsRequestProblem {
  path: string;
  message: string;
}

/** 一次性告知: a request for details lists every missing item (at least one, no duplicates) and explains. */
export function checkDetailsRequest(text: string, missing: readonly string[]): DetailsRequestProblem[] {
  const problems: DetailsRequestProblem[] = [];
  const items = missing.map((m) => m.trim()).filter(Boolean);
  if (items.length === 0) problems.push({ path: 'missing', message: '请逐项列明需要补充的全部内容（一次性告知）' });
  if (new Set(items).size !== items.length) problems.push({ path: 'missing', message: '需补充的内容有重复项' });
  if (text.trim().length < 5) problems.push({ path: 'text', message: '请写明补充说明（至少 5 个字）' });
  return problems;
}

/** 张三 → 张*, 张三丰 → 张**: only the surname is shown; without a name, 匿名. */
export function maskAsker(name: string | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '匿名';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

export interface QuestionForStats {
  askedOn: IsoDate;
  /** The day the answering clock last started (asked, or the details supplemented). */
  clockStart: IsoDate;
  answeredOn?: IsoDate;
}

export interface MonthlyStats {
  month: string;
  /** Questions asked in the month. */
  received: number;
  /** Answers given in the month (whenever the question was asked). */
  answered: number;
  /** Questions asked in the month that have been answered, in percent (one decimal); null when none were asked. */
  answerRate: number | null;
  /** Mean working days from the clock start to the answer, over the month's answers; null without answers. */
  averageWorkingDays: number | null;
}

/** Working days after `from` up to and including `to` (0 when answered the same day). */
export function workingDaysTaken(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  return to <= from ? 0 : Math.max(0, workingDaysLeft(calendar, from, to));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function monthlyStats(calendar: WorkingCalendar, month: string, questions: readonly QuestionForStats[]): MonthlyStats {
  const asked = questions.filter((q) => q.askedOn.startsWith(month));
  const answers = questions.filter((q) => q.answeredOn?.startsWith(month));
  const durations = answers.map((q) => workingDaysTaken(calendar, q.clockStart, q.answeredOn!));
  return {
    month,
    received: asked.length,
    answered: answers.length,
    answerRate: asked.length ? round1((asked.filter((q) => q.answeredOn).length / asked.length) * 100) : null,
    averageWorkingDays: durations.length ? round1(durations.reduce((a, b) => a + b, 0) / durations.length) : null,
  };
}
