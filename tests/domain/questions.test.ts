import { OFFICIAL_CALENDAR } from '@/domain/calendar/official';
import { WorkingCalendar } from '@/domain/calendar/working-days';
import {
  answerDue,
  categoryLabel,
  checkDetailsRequest,
  ESCALATION_CALENDAR_DAYS,
  maskAsker,
  monthlyStats,
  QUESTION_CATEGORIES,
  radar,
  staffActionRefusal,
  workingDaysTaken,
} from '@/domain/questions/rules';

const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);

describe('咨询留言 rules', () => {
  it('keeps the five categories as data', () => {
    expect(QUESTION_CATEGORIES.map((c) => c.label)).toEqual(['交易咨询', '政策咨询', '平台使用', '投诉建议', '其他']);
    expect(categoryLabel('platform')).toBe('平台使用');
    expect(categoryLabel('unknown')).toBe('unknown');
  });

  it('counts the answer deadline in working days on the official calendar (Spring Festival skipped, make-up Saturday counted)', () => {
    // 2026-02-10 (Tue): 11, 12, 13, 14 (调休 Saturday), then 15–23 is the holiday: due 24th.
    expect(answerDue(calendar, '2026-02-10', 5)).toBe('2026-02-24');
    expect(answerDue(calendar, '2026-03-02', 5)).toBe('2026-03-09');
    expect(answerDue(calendar, '2026-03-02', 1)).toBe('2026-03-03');
  });

  it('puts questions on the radar: due soon, overdue, waiting for the asker, answered', () => {
    const q = { state: 'pending' as const, askedOn: '2026-03-02', due: '2026-03-09' };
    expect(radar(calendar, '2026-03-03', q)).toMatchObject({ urgency: 'ok', workingDaysLeft: 4, escalated: false });
    expect(radar(calendar, '2026-03-05', q)).toMatchObject({ urgency: 'dueSoon', workingDaysLeft: 2 });
    expect(radar(calendar, '2026-03-09', q)).toMatchObject({ urgency: 'dueSoon', workingDaysLeft: 0 });
    expect(radar(calendar, '2026-03-11', q)).toMatchObject({ urgency: 'overdue', workingDaysLeft: -2 });
    expect(radar(calendar, '2026-03-11', { ...q, state: 'needsDetails' })).toMatchObject({ urgency: 'waitingForAsker', workingDaysLeft: null, escalated: false });
    expect(radar(calendar, '2026-03-11', { ...q, state: 'answered' })).toMatchObject({ urgency: 'answered', escalated: false });
  });

  it('escalates a question the center still holds 60 calendar days after it was asked, well before 3 months', () => {
    expect(ESCALATION_CALENDAR_DAYS).toBe(60);
    const q = { state: 'pending' as const, askedOn: '2026-03-02', due: '2026-03-09' };
    expect(radar(calendar, '2026-04-30', q)).toMatchObject({ ageDays: 59, escalated: false });
    expect(radar(calendar, '2026-05-01', q)).toMatchObject({ ageDays: 60, escalated: true });
    expect(radar(calendar, '2026-05-01', { ...q, state: 'answered' }).escalated).toBe(false);
  });

  it('asks for details once only (一次性告知) and never after the answer', () => {
    expect(staffActionRefusal({ state: 'pending', detailsRequested: false }, 'requestDetails')).toBeNull();
    expect(staffActionRefusal({ state: 'pending', detailsRequested: true }, 'requestDetails')).toMatch(/不能再次要求补充/);
    expect(staffActionRefusal({ state: 'needsDetails', detailsRequested: true }, 'answer')).toBeNull();
    expect(staffActionRefusal({ state: 'answered', detailsRequested: false }, 'answer')).toBe('该留言已答复');
  });

  it('requires a request for details to list every missing item', () => {
    expect(checkDetailsRequest('请补充以下内容后我们再答复', ['项目编号', '投标单位名称'])).toEqual([]);
    expect(checkDetailsRequest('请补充', []).map((p) => p.path)).toEqual(['missing', 'text']);
    expect(checkDetailsRequest('请补充以下内容', ['项目编号', ' 项目编号 '])[0]!.message).toMatch(/重复/);
  });

  it('masks the asker for public lists', () => {
    expect(maskAsker('张三丰')).toBe('张**');
    expect(maskAsker('李华')).toBe('李*');
    expect(maskAsker('王')).toBe('王*');
    expect(maskAsker(undefined)).toBe('匿名');
    expect(maskAsker('  ')).toBe('匿名');
  });

  it('computes the monthly statistics: received, answered, answer rate, average working days', () => {
    const stats = monthlyStats(calendar, '2026-03', [
      { askedOn: '2026-03-02', clockStart: '2026-03-02', answeredOn: '2026-03-04' }, // 2 working days
      { askedOn: '2026-03-05', clockStart: '2026-03-05', answeredOn: '2026-03-05' }, // same day: 0
      { askedOn: '2026-03-06', clockStart: '2026-03-06' }, // not answered yet
      { askedOn: '2026-02-27', clockStart: '2026-03-02', answeredOn: '2026-03-06' }, // asked in Feb, supplemented: 4
    ]);
    expect(stats).toEqual({ month: '2026-03', received: 3, answered: 3, answerRate: 66.7, averageWorkingDays: 2 });
    expect(monthlyStats(calendar, '2026-04', [])).toEqual({ month: '2026-04', received: 0, answered: 0, answerRate: null, averageWorkingDays: null });
    // A weekend in between is not counted.
    expect(workingDaysTaken(calendar, '2026-03-06', '2026-03-09')).toBe(1);
  });
});
