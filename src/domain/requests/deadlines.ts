// Statutory deadlines in working days (政府信息公开条例). Day zero is the receipt date; counting starts
// the next day. Time spent consulting third parties or other agencies does not count (Art. 33).
import { addDays, type IsoDate } from '../calendar/dates';
import type { DayInfo, WorkingCalendar } from '../calendar/working-days';

export const STATUTORY_PERIODS = {
  /** Art. 30: ask for corrections (补正) within 7 working days of receipt. */
  correctionNotice: { workingDays: 7, article: '第三十条' },
  /** Art. 32: a consulted third party answers within 15 working days. */
  thirdPartyAnswer: { workingDays: 15, article: '第三十二条' },
  /** Art. 33: reply within 20 working days of receipt. */
  reply: { workingDays: 20, article: '第三十三条' },
  /** Art. 33: one extension of at most 20 working days. */
  extension: { workingDays: 20, article: '第三十三条' },
} as const;

/** A stretch when the clock stops: days after `from` up to and including `to` are not counted. */
export interface Pause {
  from: IsoDate;
  /** Open when the consultation is still running: the deadline is then unknown. */
  to?: IsoDate;
}

export interface DeadlineInput {
  /** Day zero (the receipt date, or the day a correction was received). */
  start: IsoDate;
  workingDays: number;
  pauses?: readonly Pause[];
}

export interface Deadline {
  /** The last day to act, or null while a pause is open. */
  due: IsoDate | null;
  /** True when any counted day lies in a year the calendar does not cover. */
  provisional: boolean;
  /** Holidays and weekends that were skipped, and make-up working days that were counted. */
  notableDays: DayInfo[];
  /** Working days not counted because the clock was paused. */
  pausedWorkingDays: IsoDate[];
}

/** Counting never runs past this many calendar days: a guard against an all-holiday override table. */
const MAX_SPAN_DAYS = 3660;

function isPaused(date: IsoDate, pauses: readonly Pause[]): boolean {
  return pauses.some((pause) => date > pause.from && (pause.to === undefined || date <= pause.to));
}

export function computeDeadline(calendar: WorkingCalendar, input: DeadlineInput): Deadline {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 0) throw new RangeError('workingDays must be a non-negative integer');
  const pauses = input.pauses ?? [];
  const notableDays: DayInfo[] = [];
  const pausedWorkingDays: IsoDate[] = [];
  let provisional = false;
  let counted = 0;
  let date = input.start;
  for (let step = 0; counted < input.workingDays; step++) {
    if (step > MAX_SPAN_DAYS) throw new RangeError('no working days found within ten years');
    date = addDays(date, 1);
    const day = calendar.day(date);
    if (!day.covered) provisional = true;
    if (pauses.some((pause) => pause.to === undefined && date > pause.from)) {
      return { due: null, provisional, notableDays, pausedWorkingDays };
    }
    if (!day.working) {
      notableDays.push(day);
      continue;
    }
    if (isPaused(date, pauses)) {
      pausedWorkingDays.push(date);
      continue;
    }
    if (day.kind === 'makeupWorkday') notableDays.push(day);
    counted += 1;
  }
  return { due: date, provisional, notableDays, pausedWorkingDays };
}

/**
 * Working days left from `today` until `due`: 0 on the due date itself, negative once overdue
 * (the number of working days past it).
 */
export function workingDaysLeft(calendar: WorkingCalendar, today: IsoDate, due: IsoDate): number {
  if (today === due) return 0;
  const forward = today < due;
  let count = 0;
  for (let date = today; date !== due; ) {
    date = addDays(date, forward ? 1 : -1);
    if (forward ? calendar.isWorkingDay(date) : calendar.isWorkingDay(addDays(date, 1))) count += 1;
  }
  return forward ? count : -count;
}
