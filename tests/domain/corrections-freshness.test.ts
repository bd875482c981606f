// Pure rules of 找错 (3-working-day deadline, one handling), the freshness radar (classes, the
// whole-app two-week limit, a moving clock) and the 索引号 rule.
import { OFFICIAL_CALENDAR } from '../../src/domain/calendar/official';
import { WorkingCalendar } from '../../src/domain/calendar/working-days';
import { checkCorrection, correctionDue, correctionOverdue, CorrectionError, handleCorrection } from '../../src/domain/corrections/rules';
import { addMonths, columnFreshness, freshUntil, siteFreshness } from '../../src/domain/freshness/rules';
import { checkIndexPattern, DEFAULT_INDEX_PATTERN, formatIndexNumber, sequenceKey } from '../../src/domain/publishing/index-number';

const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);

describe('找错 deadline and handling', () => {
  it('is due 3 working days after receipt, counting the make-up Saturday and skipping the Spring Festival', () => {
    // 2026-02-12 (Thu): 02-13, 02-14 (调休上班), then 02-15…02-23 are holidays → 02-24.
    expect(correctionDue(calendar, '2026-02-12')).toBe('2026-02-24');
    // An ordinary week: Monday → Thursday.
    expect(correctionDue(calendar, '2026-03-02')).toBe('2026-03-05');
    // Friday → the next Wednesday.
    expect(correctionDue(calendar, '2026-03-06')).toBe('2026-03-11');
  });

  it('counts overdue working days only after the due date', () => {
    expect(correctionOverdue(calendar, '2026-03-05', '2026-03-05')).toBe(0);
    expect(correctionOverdue(calendar, '2026-03-04', '2026-03-05')).toBe(0);
    expect(correctionOverdue(calendar, '2026-03-09', '2026-03-05')).toBe(2);
  });

  it('checks the report and handles it once, with a reply', () => {
    expect(checkCorrection({ route: '/packages/catalogue/detail/index?id=doc-1', pageTitle: '某文件', quote: '原文', problem: '日期写错了' })).toEqual([]);
    expect(checkCorrection({ route: 'https://evil.example/', pageTitle: '', quote: ' ', problem: '错' }).map((p) => p.path)).toEqual(['route', 'pageTitle', 'quote', 'problem']);
    expect(handleCorrection('pending', 'corrected', '已更正为 2023 年')).toBe('corrected');
    expect(handleCorrection('pending', 'noChange', '原文无误，系引用原件')).toBe('noChange');
    expect(() => handleCorrection('corrected', 'noChange', '再次处理一下')).toThrow(CorrectionError);
    expect(() => handleCorrection('pending', 'corrected', '好')).toThrow(/处理答复/);
  });
});

describe('freshness radar', () => {
  it('dates each class: 2 weeks, 6 months (clamped to the month end), 1 year', () => {
    expect(freshUntil('news', '2026-02-01')).toBe('2026-02-15');
    expect(freshUntil('notice', '2025-08-31')).toBe('2026-02-28');
    expect(freshUntil('policy', '2026-01-15')).toBe('2026-07-15');
    expect(freshUntil('planning', '2024-02-29')).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('is fresh, then due soon, then stale as the clock moves', () => {
    const last = '2026-02-01';
    expect(columnFreshness('news', last, '2026-02-10')).toMatchObject({ state: 'fresh', due: '2026-02-15', daysLeft: 5 });
    expect(columnFreshness('news', last, '2026-02-12')).toMatchObject({ state: 'dueSoon', daysLeft: 3, stateLabel: '即将超期' });
    expect(columnFreshness('news', last, '2026-02-15')).toMatchObject({ state: 'dueSoon', daysLeft: 0 });
    expect(columnFreshness('news', last, '2026-02-16')).toMatchObject({ state: 'stale', daysLeft: -1, stateLabel: '已超期' });
    // The same date is still fresh for a 6-month class.
    expect(columnFreshness('policy', last, '2026-02-16')).toMatchObject({ state: 'fresh', due: '2026-08-01' });
    expect(columnFreshness('news', last, '2026-02-10', 7)).toMatchObject({ state: 'dueSoon' });
    expect(columnFreshness('planning', null, '2026-02-10')).toMatchObject({ state: 'empty', due: null, daysLeft: null });
  });

  it('warns before the whole app would pass two weeks without an update', () => {
    expect(siteFreshness('2026-02-01', '2026-02-05')).toMatchObject({ state: 'fresh', due: '2026-02-15' });
    expect(siteFreshness('2026-02-01', '2026-02-13')).toMatchObject({ state: 'dueSoon', daysLeft: 2 });
    expect(siteFreshness('2026-02-01', '2026-02-20')).toMatchObject({ state: 'stale', daysLeft: -5 });
  });
});

describe('索引号 rule', () => {
  it('formats the default pattern with a zero-padded sequence per year and category', () => {
    expect(formatIndexNumber(DEFAULT_INDEX_PATTERN, { org: 'ZBGGZY', year: 2026, category: 'gzzd', seq: 7 })).toBe('ZBGGZY-2026-GZZD-00007');
    expect(formatIndexNumber('{org}/{year}/{seq:3}', { org: 'X1', year: 2026, category: 'gzzd', seq: 12 })).toBe('X1/2026/012');
    expect(formatIndexNumber('{year}{seq}', { org: 'X', year: 2026, category: 'a', seq: 123 })).toBe('2026123');
    expect(sequenceKey(DEFAULT_INDEX_PATTERN, 2026, 'gzzd')).toBe('2026:gzzd');
    expect(sequenceKey('{org}-{year}-{seq:4}', 2026, 'gzzd')).toBe('2026');
  });

  it('refuses patterns without a yearly sequence or with unknown parts', () => {
    expect(checkIndexPattern(DEFAULT_INDEX_PATTERN)).toEqual([]);
    expect(checkIndexPattern('{org}-{category}')).toHaveLength(2);
    expect(checkIndexPattern('{org}-{year}-{dept}-{seq:5}')[0]).toMatch(/无法识别/);
    expect(checkIndexPattern('{year}-{seq}-{seq}')).toContain('流水号只能出现一次');
    expect(checkIndexPattern('{year} {seq}')[0]).toMatch(/分隔符/);
    expect(() => formatIndexNumber('{org}', { org: 'X', year: 2026, category: 'a', seq: 1 })).toThrow(RangeError);
  });
});
