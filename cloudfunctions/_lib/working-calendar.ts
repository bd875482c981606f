// The working-day calendar every deadline uses: the official data plus the override table staff edit
// (requests.saveCalendarOverride). Loaded per call, so an edited table re-dates everything at once.
import { OFFICIAL_CALENDAR } from '../../src/domain/calendar/official';
import { WorkingCalendar, type CalendarOverride } from '../../src/domain/calendar/working-days';
import type { DocumentStore } from './ports/store';

export const CALENDAR_COLLECTIONS = { overrides: 'calendarOverrides', settings: 'settings' } as const;
export const CALENDAR_SETTINGS_ID = 'calendar';

export async function loadCalendar(store: DocumentStore): Promise<WorkingCalendar> {
  const entries = await store.find<CalendarOverride>(CALENDAR_COLLECTIONS.overrides, { orderBy: [['date', 'asc']], limit: 100 });
  const settings = await store.get<{ coveredYears: number[] }>(CALENDAR_COLLECTIONS.settings, CALENDAR_SETTINGS_ID);
  return new WorkingCalendar(OFFICIAL_CALENDAR, { entries, coveredYears: settings?.coveredYears ?? [] });
}
