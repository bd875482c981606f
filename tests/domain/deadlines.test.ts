// Deadlines pinned to concrete dates across Spring Festival and National Day, with their make-up
// working days (调休), so a weekends-only rule or an off-by-one fails here.
import { OFFICIAL_CALENDAR } from '@/domain/calendar/official';
import { WorkingCalendar } from '@/domain/calendar/working-days';
import { addDays, daysBetween, isIsoDate, shanghaiDate, weekday } from '@/domain/calendar/dates';
import { computeDeadline, workingDaysLeft } from '@/domain/requests/deadlines';

const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);

describe('dates in Asia/Shanghai', () => {
  it('takes the Shanghai calendar date whatever the process time zone', () => {
    expect(shanghaiDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(shanghaiDate(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
  });

  it('validates and steps calendar dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekday('2026-02-14')).toBe(6);
    expect(daysBetween('2026-02-10', '2026-03-16')).toBe(34);
  });
});

describe('working-day calendar', () => {
  it('knows holidays, make-up working days and plain weekends', () => {
    expect(calendar.day('2026-02-17')).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
    expect(calendar.day('2026-02-14')).toMatchObject({ working: true, kind: 'makeupWorkday', name: '春节' });
    expect(calendar.day('2026-03-07')).toMatchObject({ working: false, kind: 'weekend' });
    expect(calendar.day('2026-03-09')).toMatchObject({ working: true, kind: 'workday' });
  });

  it('covers 2004–2026 and not 2027', () => {
    expect(calendar.covers(2004)).toBe(true);
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
  });

  it('lets overrides win over the official data and declare a year covered', () => {
    const edited = new WorkingCalendar(OFFICIAL_CALENDAR, {
      entries: [
        { date: '2027-02-08', kind: 'holiday', name: '春节' },
        { date: '2027-02-20', kind: 'workday', name: '春节' },
      ],
      coveredYears: [2027],
    });
    expect(edited.day('2027-02-08')).toMatchObject({ working: false, source: 'override', covered: true });
    expect(edited.day('2027-02-20')).toMatchObject({ working: true, kind: 'makeupWorkday', source: 'override' });
  });
});

describe('statutory deadlines', () => {
  it('20 working days across Spring Festival 2026 count both make-up Saturdays', () => {
    const deadline = computeDeadline(calendar, { start: '2026-02-10', workingDays: 20 });
    expect(deadline.due).toBe('2026-03-16');
    expect(deadline.provisional).toBe(false);
    const makeups = deadline.notableDays.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date);
    expect(makeups).toEqual(['2026-02-14', '2026-02-28']);
    const holidays = deadline.notableDays.filter((d) => d.kind === 'holiday').map((d) => d.date);
    expect(holidays).toHaveLength(9);
  });

  it('7 working days across National Day 2026 count the make-up Saturday 10-10', () => {
    expect(computeDeadline(calendar, { start: '2026-09-28', workingDays: 7 }).due).toBe('2026-10-13');
  });

  it('a receipt on a holiday still counts from the next day', () => {
    expect(computeDeadline(calendar, { start: '2026-10-03', workingDays: 1 }).due).toBe('2026-10-08');
  });

  it('20 + 20 working days (one extension) across National Day 2025', () => {
    const first = computeDeadline(calendar, { start: '2025-09-15', workingDays: 20 });
    // 9-16…9-30 gives 12 (with make-up Sunday 9-28), 10-1…10-8 off, make-up Saturday 10-11 counts.
    expect(first.due).toBe('2025-10-17');
    expect(computeDeadline(calendar, { start: first.due!, workingDays: 20 }).due).toBe('2025-11-14');
  });

  it('does not count paused working days, and has no due date while a pause is open', () => {
    const paused = computeDeadline(calendar, { start: '2026-03-02', workingDays: 20, pauses: [{ from: '2026-03-05', to: '2026-03-11' }] });
    expect(paused.pausedWorkingDays).toEqual(['2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11']);
    expect(paused.due).toBe(computeDeadline(calendar, { start: '2026-03-02', workingDays: 24 }).due);
    expect(computeDeadline(calendar, { start: '2026-03-02', workingDays: 20, pauses: [{ from: '2026-03-05' }] }).due).toBeNull();
  });

  it('flags a deadline that runs into an uncovered year as provisional', () => {
    const deadline = computeDeadline(calendar, { start: '2026-12-15', workingDays: 20 });
    expect(deadline.provisional).toBe(true);
    expect(computeDeadline(calendar, { start: '2026-11-02', workingDays: 20 }).provisional).toBe(false);
  });

  it('counts working days left, zero on the due date, negative when overdue', () => {
    expect(workingDaysLeft(calendar, '2026-02-12', '2026-02-25')).toBe(4); // 13, 14 (make-up), 24, 25
    expect(workingDaysLeft(calendar, '2026-02-25', '2026-02-25')).toBe(0);
    expect(workingDaysLeft(calendar, '2026-02-27', '2026-02-25')).toBe(-2);
  });
});
