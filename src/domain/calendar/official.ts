// The official calendar data, from the `chinese-days` package (pinned): holidays and make-up working
// days of the State Council's yearly notices. Its raw JSON is used so the calendar logic stays ours.
import raw from 'chinese-days/dist/chinese-days.json';
import type { CalendarData } from './working-days';

function names(table: Record<string, string>): Record<string, string> {
  // Entries look like "Spring Festival,春节,4": keep the Chinese name.
  return Object.fromEntries(Object.entries(table).map(([date, value]) => [date, value.split(',')[1] ?? value]));
}

const holidays = names(raw.holidays as Record<string, string>);
const workdays = names(raw.workdays as Record<string, string>);
const years = [...new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);

export const OFFICIAL_CALENDAR: CalendarData = { holidays, workdays, coveredYears: years };
