// Publishing rules: 源头认定, confidentiality review by a second person, withdrawal, Art. 26 time limits.
import { OFFICIAL_CALENDAR } from '@/domain/calendar/official';
import { WorkingCalendar } from '@/domain/calendar/working-days';
import { applyPublishing, publishingCommands, PublishingError, timeliness, type DocumentRecord, type PublishingActor } from '@/domain/publishing/review';

const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);
const author: PublishingActor = { openid: 'clerk-1', roles: ['clerk'] };
const reviewer: PublishingActor = { openid: 'reviewer-1', roles: ['reviewer'] };
const authorWhoReviews: PublishingActor = { openid: 'clerk-1', roles: ['clerk', 'reviewer'] };
const draft: DocumentRecord = { state: 'draft', attribute: '主动公开', authorOpenid: 'clerk-1', formedOn: '2026-02-10', timeLimit: 'general' };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof PublishingError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'ok';
}

describe('confidentiality review (保密审查)', () => {
  it('goes draft → in review → published, reviewed by someone other than the author', () => {
    const submitted = applyPublishing(draft, { type: 'submit' }, author, '2026-02-11');
    expect(submitted.state).toBe('inReview');
    expect(code(() => applyPublishing(submitted, { type: 'approve', confirmNoSecrets: true }, authorWhoReviews, '2026-02-11'))).toMatch(/^FORBIDDEN: 保密审查须由起草人以外的审核人进行/);
    expect(code(() => applyPublishing(submitted, { type: 'approve', confirmNoSecrets: false }, reviewer, '2026-02-11'))).toMatch(/^VALIDATION_FAILED/);
    const published = applyPublishing(submitted, { type: 'approve', confirmNoSecrets: true }, reviewer, '2026-02-12');
    expect(published).toMatchObject({ state: 'published', publishedOn: '2026-02-12', review: { reviewerOpenid: 'reviewer-1', approved: true } });
    expect(publishingCommands(published, reviewer)).toEqual(['withdraw']);
  });

  it('a rejected document comes back with the reason and can be revised and resubmitted', () => {
    const submitted = applyPublishing(draft, { type: 'submit' }, author, '2026-02-11');
    const rejected = applyPublishing(submitted, { type: 'reject', reason: '附件含个人身份证号码' }, reviewer, '2026-02-11');
    expect(rejected).toMatchObject({ state: 'rejected', review: { approved: false, reason: '附件含个人身份证号码' } });
    expect(publishingCommands(rejected, author)).toEqual(['revise']);
    expect(applyPublishing(rejected, { type: 'revise' }, author, '2026-02-12').state).toBe('draft');
  });

  it('never publishes information whose attribute is not 主动公开', () => {
    expect(code(() => applyPublishing({ ...draft, attribute: '不予公开' }, { type: 'submit' }, author, '2026-02-11'))).toMatch(/^CONFLICT: 公开属性为“不予公开”/);
  });

  it('withdraws a published document only with a reason, by a reviewer or admin', () => {
    const published: DocumentRecord = { ...draft, state: 'published', publishedOn: '2026-02-12' };
    expect(code(() => applyPublishing(published, { type: 'withdraw', reason: '' }, reviewer, '2026-03-01'))).toMatch(/^VALIDATION_FAILED/);
    expect(code(() => applyPublishing(published, { type: 'withdraw', reason: '内容有误' }, author, '2026-03-01'))).toMatch(/^FORBIDDEN/);
    expect(applyPublishing(published, { type: 'withdraw', reason: '内容有误' }, reviewer, '2026-03-01')).toMatchObject({ state: 'withdrawn', withdrawal: { reason: '内容有误' } });
  });
});

describe('Art. 26 time limits', () => {
  it('flags late and soon-due documents on the working-day calendar', () => {
    // Formed 2026-02-10: 20 working days end on 2026-03-16 (Spring Festival skipped, two make-up Saturdays counted).
    expect(timeliness(draft, calendar, '2026-03-02')).toEqual({ due: '2026-03-16', workingDaysLeft: 10, flag: 'ok' });
    expect(timeliness(draft, calendar, '2026-03-12').flag).toBe('dueSoon');
    expect(timeliness(draft, calendar, '2026-03-17')).toMatchObject({ flag: 'late', workingDaysLeft: -1 });
    expect(timeliness({ ...draft, publishedOn: '2026-03-17' }, calendar, '2026-03-20').flag).toBe('publishedLate');
    // Licences and penalties: 7 working days.
    expect(timeliness({ ...draft, timeLimit: 'licencePenalty' }, calendar, '2026-02-11').due).toBe('2026-02-26');
  });
});
