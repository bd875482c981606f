// The working-day calendar: official holidays and make-up working days (调休) plus an override table
// staff can edit. A plain "skip weekends" rule is wrong several times a year, and a year the data does
// not cover must not silently look like ordinary weekdays: such dates are reported as provisional.
import { addDays, weekday, yearOf, type IsoDate } from './dates';

export interface CalendarData {
  /** Official public holidays: date → name. */
  holidays: Readonly<Record<IsoDate, string>>;
  /** Official make-up working days on weekends: date → name of the holiday they make up for. */
  workdays: Readonly<Record<IsoDate, string>>;
  /** Years the data fully covers. */
  coveredYears: readonly number[];
}

export interface CalendarOverride {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarOverrides {
  entries: readonly CalendarOverride[];
  /** Years staff have entered in full (e.g. 2027 once the State Council publishes it). */
  coveredYears?: readonly number[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** The holiday's name, for holidays and make-up working days. */
  name?: string;
  source: 'official' | 'override' | 'weekday-rule';
  /** False when neither the official data nor the overrides cover the date's year. */
  covered: boolean;
}

export class WorkingCalendar {
  private readonly overrides: Map<IsoDate, CalendarOverride>;
  private readonly covered: Set<number>;

  constructor(
    private readonly data: CalendarData,
    overrides: CalendarOverrides = { entries: [] },
  ) {
    this.overrides = new Map(overrides.entries.map((entry) => [entry.date, entry]));
    this.covered = new Set([...data.coveredYears, ...(overrides.coveredYears ?? [])]);
  }

  covers(year: number): boolean {
    return this.covered.has(year);
  }

  day(date: IsoDate): DayInfo {
    const covered = this.covers(yearOf(date));
    const override = this.overrides.get(date);
    if (override) {
      const kind: DayKind = override.kind === 'holiday' ? 'holiday' : isWeekend(date) ? 'makeupWorkday' : 'workday';
      return { date, working: override.kind === 'workday', kind, name: override.name, source: 'override', covered };
    }
    const holiday = this.data.holidays[date];
    if (holiday) return { date, working: false, kind: 'holiday', name: holiday, source: 'official', covered };
    const makeup = this.data.workdays[date];
    if (makeup) return { date, working: true, kind: 'makeupWorkday', name: makeup, source: 'official', covered };
    const weekend = isWeekend(date);
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', source: 'weekday-rule', covered };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  /** Days from `from` (exclusive) to `to` (inclusive) that are not ordinary working weekdays. */
  notableDays(from: IsoDate, to: IsoDate): DayInfo[] {
    const days: DayInfo[] = [];
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
      const info = this.day(date);
      if (info.kind !== 'workday') days.push(info);
    }
    return days;
  }
}

function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}
