import { OFFICIAL_CALENDAR } from '@/domain/calendar/official';
import { WorkingCalendar } from '@/domain/calendar/working-days';
import { checkRating, isBadRating, ratingKey, ratingStats, rectificationDue, rectificationOverdue } from '@/domain/ratings/rules';
import { daysLeft, minimumPeriod, periodProblem, phaseOf } from '@/domain/consultations/rules';

const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);

describe('好差评 rules', () => {
  it('treats the two lowest levels as 差评', () => {
    expect([5, 4, 3, 2, 1].map(isBadRating)).toEqual([false, false, false, true, true]);
  });

  it('requires a reason and a bad indicator for a bad rating, and matching indicators', () => {
    const problems = checkRating({ level: 1, indicators: ['办事效率高'], comment: '差', serviceDate: '2026-03-02' }, '2026-03-02', calendar);
    expect(problems.map((p) => p.path).sort()).toEqual(['comment', 'indicators']);
    expect(checkRating({ level: 1, indicators: ['服务态度差'], comment: '窗口人员推诿，要求重复提交材料', serviceDate: '2026-03-02' }, '2026-03-02', calendar)).toEqual([]);
    expect(checkRating({ level: 5, indicators: [], comment: '', serviceDate: '2026-03-02' }, '2026-03-02', calendar)).toEqual([]);
  });

  it('accepts a late rating within 5 working days of the service, not after (Spring Festival skipped)', () => {
    // Service 2026-02-12: 13, 14 (make-up), 24, 25, 26 → the 5th working day is 02-26.
    expect(checkRating({ level: 4, indicators: [], comment: '', serviceDate: '2026-02-12' }, '2026-02-26', calendar)).toEqual([]);
    const late = checkRating({ level: 4, indicators: [], comment: '', serviceDate: '2026-02-12' }, '2026-02-27', calendar);
    expect(late).toEqual([{ path: 'serviceDate', message: '已超过补充评价期限（办事后 5 个工作日内，截至 2026-02-26）' }]);
    expect(checkRating({ level: 4, indicators: [], comment: '', serviceDate: '2026-03-03' }, '2026-03-02', calendar)[0]?.path).toBe('serviceDate');
  });

  it('makes one key per user, service item and transaction (一事一评)', () => {
    expect(ratingKey('o1', 'bidOpening', ' zbggzy-2026-001 ', '2026-03-02')).toBe('o1:bidOpening:ZBGGZY-2026-001');
    expect(ratingKey('o1', 'website', undefined, '2026-03-02')).toBe('o1:website:2026-03-02');
  });

  it('dates rectification on working days and counts overdue days', () => {
    expect(rectificationDue(calendar, '2026-09-28', 5)).toBe('2026-10-10'); // 29, 30, 10-08, 09, 10 (make-up Saturday)
    expect(rectificationOverdue(calendar, '2026-10-13', '2026-10-10')).toBe(2); // 10-12 and 10-13
    expect(rectificationOverdue(calendar, '2026-10-10', '2026-10-10')).toBe(0);
  });

  it('computes satisfaction and rectification rates without the excluded ratings', () => {
    const stats = ratingStats([
      { level: 5, serviceItem: '开标', ratedOn: '2026-03-01', excluded: false },
      { level: 3, serviceItem: '开标', ratedOn: '2026-03-05', excluded: false },
      { level: 1, serviceItem: '网站与小程序', ratedOn: '2026-04-01', excluded: false, rectification: { state: 'answered', openedOn: '2026-04-01', answeredOn: '2026-04-05' } },
      { level: 2, serviceItem: '网站与小程序', ratedOn: '2026-04-02', excluded: false, rectification: { state: 'open', openedOn: '2026-04-02' } },
      { level: 1, serviceItem: '开标', ratedOn: '2026-04-03', excluded: true, rectification: { state: 'excluded', openedOn: '2026-04-03' } },
    ]);
    expect(stats).toMatchObject({ total: 4, bad: 2, excluded: 1, satisfactionRate: 50, rectificationRate: 50, averageRectificationDays: 4 });
    expect(stats.byLevel).toEqual({ 非常满意: 1, 满意: 0, 基本满意: 1, 不满意: 1, 非常不满意: 1 });
    expect(stats.byMonth).toEqual([
      { month: '2026-03', total: 2, bad: 0 },
      { month: '2026-04', total: 2, bad: 2 },
    ]);
    expect(ratingStats([])).toMatchObject({ total: 0, satisfactionRate: null, rectificationRate: null });
  });
});

describe('意见征集 periods and phases', () => {
  it('needs 30 days for rules drafts and major decisions', () => {
    expect(minimumPeriod('rulesDraft', '2026-03-01', false, calendar)?.minimumEnd).toBe('2026-03-30');
    expect(periodProblem('majorDecision', '2026-03-01', '2026-03-29', false, undefined, calendar)).toMatch(/不少于 30 日（最早截止 2026-03-30）/);
    expect(periodProblem('majorDecision', '2026-03-01', '2026-03-30', false, undefined, calendar)).toBeNull();
  });

  it('needs 7 working days for normative documents (30 days when tied to market activity)', () => {
    // Start 2026-09-28: 28, 29, 30, 10-08, 09, 10 (make-up), 12 → 7 working days end on 10-12.
    expect(minimumPeriod('normativeDocument', '2026-09-28', false, calendar)?.minimumEnd).toBe('2026-10-12');
    expect(periodProblem('normativeDocument', '2026-09-28', '2026-10-09', false, undefined, calendar)).toMatch(/7 个工作日/);
    expect(minimumPeriod('normativeDocument', '2026-09-28', true, calendar)?.minimumEnd).toBe('2026-10-27');
  });

  it('allows a shorter period only with a recorded reason', () => {
    expect(periodProblem('rulesDraft', '2026-03-01', '2026-03-10', false, '上级要求限期出台，时间紧急', calendar)).toBeNull();
    expect(periodProblem('rulesDraft', '2026-03-01', '2026-03-10', false, '急', calendar)).not.toBeNull();
    expect(periodProblem('other', '2026-03-01', '2026-03-01', false, undefined, calendar)).toBeNull();
    expect(periodProblem('other', '2026-03-02', '2026-03-01', false, undefined, calendar)).toBe('截止日期不能早于开始日期');
  });

  it('moves through upcoming → open → closed → answered, with days left', () => {
    const c = { startDate: '2026-03-01', endDate: '2026-03-30' };
    expect(phaseOf(c, '2026-02-28')).toBe('upcoming');
    expect(phaseOf(c, '2026-03-30')).toBe('open');
    expect(phaseOf(c, '2026-03-31')).toBe('closed');
    expect(phaseOf({ ...c, feedbackPublishedOn: '2026-04-10' }, '2026-04-10')).toBe('answered');
    expect(daysLeft(c, '2026-03-28')).toBe(2);
    expect(daysLeft(c, '2026-03-31')).toBeNull();
  });
});
