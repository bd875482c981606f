// The request workflow: every transition, its guards, and the clock rules, on concrete dates.
import { OFFICIAL_CALENDAR } from '@/domain/calendar/official';
import { WorkingCalendar } from '@/domain/calendar/working-days';
import {
  applyCommand,
  availableCommands,
  caseDeadlines,
  formatQueryCode,
  urgency,
  WorkflowError,
  type Actor,
  type Command,
  type RequestCase,
} from '@/domain/requests/workflow';

const calendar = new WorkingCalendar(OFFICIAL_CALENDAR);
const owner: Actor = { openid: 'citizen-1', roles: [] };
const stranger: Actor = { openid: 'citizen-2', roles: [] };
const clerk: Actor = { openid: 'clerk-1', roles: ['clerk'] };
const clerk2: Actor = { openid: 'clerk-2', roles: ['clerk'] };
const reviewer: Actor = { openid: 'reviewer-1', roles: ['reviewer'] };
const admin: Actor = { openid: 'admin-1', roles: ['admin'] };

function newCase(receiptDate = '2026-02-10'): RequestCase {
  return {
    id: 'case-1',
    ownerOpenid: owner.openid,
    applicantType: 'natural',
    channel: 'online',
    receiptDate,
    clockStart: receiptDate,
    state: 'registered',
    consultations: [],
  };
}

function run(kase: RequestCase, steps: Array<[Command, Actor, string]>): RequestCase {
  return steps.reduce((current, [command, actor, today]) => applyCommand(current, command, actor, today, calendar).next, kase);
}

function expectError(fn: () => unknown, code: string, message?: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowError);
    expect((error as WorkflowError).code).toBe(code);
    if (message) expect((error as WorkflowError).message).toMatch(message);
    return;
  }
  throw new Error('expected a WorkflowError');
}

describe('the happy path: 登记 → 审核 → 办理 → 答复 → 归档', () => {
  it('moves through every step and ends in the reply outcome', () => {
    let kase = newCase();
    kase = run(kase, [[{ type: 'accept' }, clerk, '2026-02-11']]);
    expect(kase).toMatchObject({ state: 'handling', handlerOpenid: 'clerk-1' });
    kase = run(kase, [[{ type: 'draftReply', outcome: 'granted', text: '经审查，您申请的信息予以公开。' }, clerk, '2026-02-25']]);
    expect(kase.state).toBe('replyPending');
    kase = run(kase, [[{ type: 'decideReply', approve: true }, reviewer, '2026-02-26']]);
    expect(kase).toMatchObject({ state: 'replied', outcome: 'granted', endedOn: '2026-02-26', reply: { approvedBy: 'reviewer-1', sentOn: '2026-02-26' } });
    kase = run(kase, [[{ type: 'archive' }, clerk, '2026-02-27']]);
    expect(kase.state).toBe('archived');
    expect(availableCommands(kase, clerk)).toEqual([]);
    expect(availableCommands(kase, admin)).toEqual([]);
  });
});

describe('补正 (Art. 30)', () => {
  it('is asked once, within 7 working days, and restarts the reply period in full', () => {
    let kase = run(newCase('2026-02-10'), [[{ type: 'requestCorrection', items: ['请写明文件名称或文号', ' ', '请补充身份证明'] }, clerk, '2026-02-13']]);
    expect(kase.correction).toEqual({ requestedOn: '2026-02-13', items: ['请写明文件名称或文号', '请补充身份证明'], dueBy: '2026-03-12' });
    expect(caseDeadlines(kase, calendar)).toEqual({ correctionDue: '2026-03-12' });
    kase = run(kase, [[{ type: 'submitCorrection', answer: '文号为淄公管字〔2026〕1号' }, owner, '2026-03-02']]);
    expect(kase).toMatchObject({ state: 'registered', clockStart: '2026-03-02', receiptDate: '2026-02-10' });
    expect(caseDeadlines(kase, calendar).reply?.due).toBe('2026-03-30');
    expectError(() => applyCommand(kase, { type: 'requestCorrection', items: ['再补'] }, clerk, '2026-03-03', calendar), 'CONFLICT', /只能告知一次/);
  });

  it('must be asked within 7 working days of receipt (Spring Festival not counted)', () => {
    // Receipt 2026-02-10: 11, 12, 13, 14 (make-up), 24, 25, 26 → the 7th working day is 02-26.
    expect(caseDeadlines(newCase('2026-02-10'), calendar).correctionNotice?.due).toBe('2026-02-26');
    expect(() => applyCommand(newCase('2026-02-10'), { type: 'requestCorrection', items: ['x'] }, clerk, '2026-02-26', calendar)).not.toThrow();
    expectError(() => applyCommand(newCase('2026-02-10'), { type: 'requestCorrection', items: ['x'] }, clerk, '2026-02-27', calendar), 'CONFLICT', /7 个工作日/);
  });

  it('lists all items at once and refuses an empty list', () => {
    expectError(() => applyCommand(newCase(), { type: 'requestCorrection', items: [' '] }, clerk, '2026-02-11', calendar), 'VALIDATION_FAILED');
  });

  it('ends as Table 3 （六）1 when the applicant does not correct in time, and not before', () => {
    const asked = run(newCase('2026-02-10'), [[{ type: 'requestCorrection', items: ['x'] }, clerk, '2026-02-11']]);
    expectError(() => applyCommand(asked, { type: 'abandonForNoCorrection' }, clerk, asked.correction!.dueBy, calendar), 'CONFLICT', /尚未届满/);
    const next = applyCommand(asked, { type: 'abandonForNoCorrection' }, clerk, '2026-04-01', calendar).next;
    expect(next).toMatchObject({ state: 'closed', outcome: 'otherNoCorrection' });
    expectError(() => applyCommand(asked, { type: 'submitCorrection', answer: 'late' }, owner, '2026-04-01', calendar), 'CONFLICT', /届满/);
  });

  it('only the owner (or a clerk on their behalf) submits the correction', () => {
    const asked = run(newCase(), [[{ type: 'requestCorrection', items: ['x'] }, clerk, '2026-02-11']]);
    expectError(() => applyCommand(asked, { type: 'submitCorrection', answer: 'y' }, stranger, '2026-02-12', calendar), 'FORBIDDEN');
    expect(applyCommand(asked, { type: 'submitCorrection', answer: 'y' }, clerk, '2026-02-12', calendar).to).toBe('registered');
  });
});

describe('consultation pauses the clock (Art. 32–33)', () => {
  it('does not count the days a third party is consulted', () => {
    let kase = run(newCase('2026-03-02'), [
      [{ type: 'accept' }, clerk, '2026-03-03'],
      [{ type: 'startConsultation', party: '某建设有限公司', kind: 'thirdParty' }, clerk, '2026-03-05'],
    ]);
    expect(kase.consultations[0]).toMatchObject({ from: '2026-03-05', answerDue: '2026-03-26' });
    expect(caseDeadlines(kase, calendar).reply?.due).toBeNull();
    expect(urgency(kase, calendar, '2026-03-06').urgency).toBe('paused');
    kase = run(kase, [[{ type: 'endConsultation' }, clerk, '2026-03-11']]);
    // 20 working days from 03-02 would be 03-30; four paused working days move it to 04-03.
    expect(caseDeadlines(kase, calendar).reply?.due).toBe('2026-04-03');
  });
});

describe('extension (Art. 33)', () => {
  const handling = () => run(newCase('2026-09-15'), [[{ type: 'accept' }, clerk, '2026-09-16']]);

  it('adds 20 working days once, approved by a reviewer who is not the handler', () => {
    let kase = run(handling(), [[{ type: 'requestExtension', reason: '需调取档案' }, clerk, '2026-10-12']]);
    expect(kase.state).toBe('extensionPending');
    expectError(() => applyCommand(kase, { type: 'decideExtension', approve: true }, clerk, '2026-10-12', calendar), 'FORBIDDEN');
    const both: Actor = { openid: 'clerk-1', roles: ['clerk', 'reviewer'] };
    expectError(() => applyCommand(kase, { type: 'decideExtension', approve: true }, both, '2026-10-12', calendar), 'FORBIDDEN', /承办人以外/);
    const before = caseDeadlines(kase, calendar).reply!.due;
    kase = run(kase, [[{ type: 'decideExtension', approve: true }, reviewer, '2026-10-13']]);
    const after = caseDeadlines(kase, calendar).reply!;
    // 9-16…9-30 (make-up Sunday 9-20 counts, 中秋 9-25 does not), 10-8…10-19 with make-up Saturday 10-10.
    expect(before).toBe('2026-10-19');
    expect(after).toMatchObject({ due: '2026-11-16', extended: true, workingDays: 40 });
    expectError(() => applyCommand(kase, { type: 'requestExtension', reason: '再延' }, clerk, '2026-10-14', calendar), 'CONFLICT', /只能延长一次/);
  });

  it('a rejected extension keeps the deadline and cannot be asked again', () => {
    const kase = run(handling(), [
      [{ type: 'requestExtension', reason: '需调取档案' }, clerk, '2026-10-12'],
      [{ type: 'decideExtension', approve: false, note: '理由不充分' }, reviewer, '2026-10-13'],
    ]);
    expect(caseDeadlines(kase, calendar).reply).toMatchObject({ due: '2026-10-19', extended: false });
    expectError(() => applyCommand(kase, { type: 'requestExtension', reason: 'x' }, clerk, '2026-10-14', calendar), 'CONFLICT');
  });
});

describe('reply sign-off', () => {
  it('needs a reviewer other than the drafter; a returned draft goes back to 办理 with the reason', () => {
    const drafted = run(newCase(), [
      [{ type: 'accept' }, clerk, '2026-02-11'],
      [{ type: 'draftReply', outcome: 'refusedThirdPartyRights', text: '不予公开' }, clerk, '2026-02-12'],
    ]);
    const clerkReviewer: Actor = { openid: 'clerk-1', roles: ['clerk', 'reviewer'] };
    expectError(() => applyCommand(drafted, { type: 'decideReply', approve: true }, clerkReviewer, '2026-02-12', calendar), 'FORBIDDEN', /拟稿人以外/);
    expectError(() => applyCommand(drafted, { type: 'decideReply', approve: false }, reviewer, '2026-02-12', calendar), 'VALIDATION_FAILED');
    const returned = applyCommand(drafted, { type: 'decideReply', approve: false, note: '请补充救济途径' }, reviewer, '2026-02-13', calendar);
    expect(returned.next).toMatchObject({ state: 'handling', reply: { returnedNote: '请补充救济途径' } });
    expect(returned.next.outcome).toBeUndefined();
  });
});

describe('who may do what', () => {
  it('refuses staff actions to citizens, and a citizen acting on someone else’s case', () => {
    expectError(() => applyCommand(newCase(), { type: 'accept' }, owner, '2026-02-11', calendar), 'FORBIDDEN');
    expectError(() => applyCommand(newCase(), { type: 'withdraw' }, stranger, '2026-02-11', calendar), 'FORBIDDEN');
    expectError(() => applyCommand(newCase(), { type: 'withdraw' }, clerk, '2026-02-11', calendar), 'FORBIDDEN');
    expectError(() => applyCommand(newCase(), { type: 'decideReply', approve: true }, reviewer, '2026-02-11', calendar), 'CONFLICT', /当前状态/);
  });

  it('lets the owner withdraw any open case, ending it as Table 3 （六）3', () => {
    expect(applyCommand(newCase(), { type: 'withdraw' }, owner, '2026-02-11', calendar).next).toMatchObject({ state: 'closed', outcome: 'otherOther' });
  });

  it('offers each actor only the commands they may issue now', () => {
    const kase = newCase();
    expect(availableCommands(kase, owner)).toEqual(['withdraw']);
    expect(availableCommands(kase, clerk2)).toEqual(['accept', 'requestCorrection']);
    expect(availableCommands(kase, reviewer)).toEqual([]);
    expect(availableCommands({ ...kase, ownerOpenid: null }, owner)).toEqual([]);
  });
});

describe('queue urgency', () => {
  it('flags 5, 2 and 0 working days left and overdue cases', () => {
    const kase = run(newCase('2026-02-10'), [[{ type: 'accept' }, clerk, '2026-02-11']]); // due 2026-03-16
    expect(urgency(kase, calendar, '2026-03-02')).toMatchObject({ urgency: 'ok', workingDaysLeft: 10 });
    expect(urgency(kase, calendar, '2026-03-09').urgency).toBe('due5');
    expect(urgency(kase, calendar, '2026-03-12').urgency).toBe('due2');
    expect(urgency(kase, calendar, '2026-03-16').urgency).toBe('dueToday');
    expect(urgency(kase, calendar, '2026-03-17')).toMatchObject({ urgency: 'overdue', workingDaysLeft: -1 });
  });
});

it('formats a 10-character query code without ambiguous characters', () => {
  const code = formatQueryCode([0, 1, 2, 3, 4, 5, 6, 7, 8, 30]);
  expect(code).toBe('23456789AZ');
  expect(code).not.toMatch(/[01OIL]/);
});
