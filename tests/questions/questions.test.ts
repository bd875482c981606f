// 咨询留言 through the real router and seeded store: asking (content check, rate limit, idempotency),
// privacy of private questions, 首问负责, 一次性告知 with the clock restart, publication of public
// answers (searchable, asker masked), monthly statistics and escalation to the administrator once.
import { OUTBOX_COLLECTION } from '../../cloudfunctions/_lib/notifications/deliver';
import { PUBLICATION_COLLECTIONS } from '../../cloudfunctions/_lib/publication';
import { STAFF_COLLECTION } from '../../cloudfunctions/_lib/identity/caller';
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';

async function setup(now = '2026-03-02T02:00:00Z') {
  const deps = await testDeps();
  let current = new Date(now);
  deps.clock = { now: () => current };
  return { deps, call: caller(deps), setNow: (iso: string) => (current = new Date(iso)) };
}

let key = 0;
const nextKey = () => `question-key-${String(++key).padStart(12, '0')}`;
const question = { category: 'trading', title: '保证金退还时间', body: '项目结束后投标保证金多久可以退还？需要我们提交申请吗？', name: '王小二', contact: '13912345678' };

describe('asking', () => {
  it('receives a question with its due date in working days, replays a retried ask, never logs the mobile', async () => {
    const { deps, call } = await setup();
    const k = nextKey();
    const first = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: k, ...question }));
    expect(first).toMatchObject({ replayed: false, question: { state: 'pending', stateLabel: '待答复', due: '2026-03-09', asker: '王**', contactMasked: '139****5678', private: false } });
    const again = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: k, ...question }));
    expect(again).toMatchObject({ replayed: true, question: { id: first.question.id } });
    expect(expectOk(await call('owner', 'questions', 'mine', {}))).toHaveLength(1);
    expect(JSON.stringify(expectOk(await call('owner', 'questions', 'mine', {})))).not.toContain('13912345678');
    expect(deps.log.lines.join('\n')).not.toContain('13912345678');
    // Staff are told.
    const outbox = await deps.store.find(OUTBOX_COLLECTION, { where: { caseId: first.question.id }, limit: 10 });
    expect(outbox).toEqual([expect.objectContaining({ recipient: 'role:clerk', kind: 'newQuestion' })]);
  });

  it('refuses bad input with Chinese messages, anonymous askers, and abusive text', async () => {
    const { call } = await setup();
    expect(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question, category: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'category', message: '请选择留言类别' }] } });
    expect(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question, body: '太短' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'body' }] } });
    expect(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question, contact: '12345' })).toMatchObject({ ok: false, error: { issues: [{ path: 'contact', message: expect.stringMatching(/11 位/) }] } });
    expect(await call('owner', 'questions', 'ask', { idempotencyKey: 'short', ...question })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('anonymous', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question, body: '你们都是王八蛋，保证金为什么不退' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'body' }] } });
  });

  it('stops floods: 5 questions a person a day', async () => {
    const { call, setNow } = await setup();
    for (let i = 0; i < 5; i++) expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question, title: `保证金退还时间${i}` }));
    expect(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/每人每天最多留言 5 条/) } });
    expectOk(await call('other', 'questions', 'ask', { idempotencyKey: nextKey(), ...question }));
    setNow('2026-03-03T02:00:00Z');
    expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question }));
  });
});

describe('privacy and authorization', () => {
  it('keeps unanswered and private questions from other citizens and anonymous readers', async () => {
    const { call } = await setup();
    const open = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).question;
    const secret = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question, private: true, title: '私密：我的项目情况' })).question;
    for (const id of [open.id, secret.id]) {
      expect(await call('other', 'questions', 'get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await call('anonymous', 'questions', 'get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(expectOk(await call('owner', 'questions', 'get', { id })).mine.id).toBe(id);
    }
    // Only staff read the queue and answer; citizens cannot supplement another's question.
    expect(await call('owner', 'questions', 'queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('anonymous', 'questions', 'queue', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('owner', 'questions', 'answer', { id: open.id, expectedVersion: open.version, kind: 'answer', text: '我自己答复一下试试' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('reviewer', 'questions', 'answer', { id: open.id, expectedVersion: open.version, kind: 'answer', text: '审核人不负责答复' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('admin', 'questions', 'answer', { id: open.id, expectedVersion: open.version, kind: 'answer', text: '管理员只督办不答复' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('other', 'questions', 'supplement', { id: open.id, text: '冒充补充内容' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('anonymous', 'questions', 'escalate', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A private question stays private after its answer: only the asker reads it.
    const staffView = expectOk(await call('clerk', 'questions', 'queue', {})).find((q: { id: string }) => q.id === secret.id);
    expectOk(await call('clerk', 'questions', 'answer', { id: secret.id, expectedVersion: staffView.version, kind: 'answer', text: '您的项目已进入评标阶段，结果将按规定公示。' }));
    expect(await call('other', 'questions', 'get', { id: secret.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const publicList = expectOk(await call('anonymous', 'questions', 'list', {}));
    expect(publicList.items.map((q: { id: string }) => q.id)).not.toContain(secret.id);
    expect(expectOk(await call('owner', 'questions', 'get', { id: secret.id })).mine.answer.text).toMatch(/评标阶段/);
  });
});

describe('answering', () => {
  it('publishes a public answer with the asker masked, searchable, and changes the month’s statistics', async () => {
    const { deps, call } = await setup();
    const before = expectOk(await call('anonymous', 'questions', 'stats', {}));
    expect(before).toMatchObject({ month: '2026-03', answerWorkingDays: 5 });
    const asked = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).question;
    const queue = expectOk(await call('clerk', 'questions', 'queue', {}));
    const item = queue.find((q: { id: string }) => q.id === asked.id);
    expect(item).toMatchObject({ urgency: 'ok', workingDaysLeft: 5, escalated: false, availableActions: ['claim', 'answer', 'requestDetails'], askerMasked: '王**', contactMasked: '139****5678' });
    const answered = expectOk(await call('clerk', 'questions', 'answer', { id: asked.id, expectedVersion: item.version, kind: 'answer', text: '中标通知书发出后 5 日内退还，无需申请。' }));
    expect(answered).toMatchObject({ state: 'answered', responsible: expect.any(String), availableActions: [] });
    const list = expectOk(await call('anonymous', 'questions', 'list', { category: 'trading' }));
    expect(list.items.find((q: { id: string }) => q.id === asked.id)).toMatchObject({ asker: '王**', answer: { text: expect.stringMatching(/退还/), on: '2026-03-02' } });
    expect(JSON.stringify(list)).not.toContain('王小二');
    expect(await deps.store.get(PUBLICATION_COLLECTIONS.searchIndex, `question:${asked.id}`)).toMatchObject({ kind: 'question', column: 'questions' });
    const found = expectOk(await call('anonymous', 'search', 'query', { q: '保证金退还', column: 'questions' }));
    expect(found.results.map((r: { route: string }) => r.route)).toContain(`/packages/questions/detail/index?id=${asked.id}`);
    const after = expectOk(await call('anonymous', 'questions', 'stats', {}));
    expect(after).toMatchObject({ received: before.received + 1, answered: before.answered + 1, averageWorkingDays: 0, answerRate: 100 });
    // Answering twice is refused; a stale version is a conflict.
    expect(await call('clerk', 'questions', 'answer', { id: asked.id, expectedVersion: answered.version, kind: 'answer', text: '再答复一次试试' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('clerk', 'questions', 'answer', { id: asked.id, expectedVersion: 1, kind: 'answer', text: '再答复一次试试' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('首问负责: the first clerk who claims a question answers it; another clerk cannot', async () => {
    const { deps, call } = await setup();
    await deps.store.insert(STAFF_COLLECTION, { _id: 'local-staff-clerk-2', name: '第二受理员', roles: ['clerk'] });
    const asked = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).question;
    const claimed = expectOk(await call('clerk', 'questions', 'claim', { id: asked.id, expectedVersion: asked.version }));
    expect(claimed.history.map((h: { action: string }) => h.action)).toContain('首问负责：认领留言');
    const second = await dispatch(handlers, deps, { functionName: 'questions', event: { action: 'answer', input: { id: asked.id, expectedVersion: claimed.version, kind: 'answer', text: '我来替他答复一下' } }, identity: { openid: 'local-staff-clerk-2' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/首问责任人/) } });
    const secondClaim = await dispatch(handlers, deps, { functionName: 'questions', event: { action: 'claim', input: { id: asked.id, expectedVersion: claimed.version } }, identity: { openid: 'local-staff-clerk-2' } });
    expect(secondClaim).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expectOk(await call('clerk', 'questions', 'answer', { id: asked.id, expectedVersion: claimed.version, kind: 'answer', text: '中标通知书发出后 5 日内退还。' }));
  });

  it('一次性告知: details are asked for once, the asker supplements once and the clock restarts', async () => {
    const { call, setNow } = await setup();
    const asked = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).question;
    expect(await call('owner', 'questions', 'supplement', { id: asked.id, text: '还没被要求补充就补充' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('clerk', 'questions', 'answer', { id: asked.id, expectedVersion: asked.version, kind: 'requestDetails', text: '请补充以下内容' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/一次性告知/) } });
    const requested = expectOk(await call('clerk', 'questions', 'answer', { id: asked.id, expectedVersion: asked.version, kind: 'requestDetails', text: '请补充以下内容，以便准确答复', missing: ['项目编号', '投标单位名称'] }));
    expect(requested).toMatchObject({ state: 'needsDetails', urgency: 'waitingForAsker', availableActions: ['answer'] });
    const mine = expectOk(await call('owner', 'questions', 'mine', {}))[0];
    expect(mine).toMatchObject({ stateLabel: '待补充', detailsRequest: { missing: ['项目编号', '投标单位名称'] } });
    setNow('2026-03-04T02:00:00Z');
    const supplemented = expectOk(await call('owner', 'questions', 'supplement', { id: asked.id, text: '项目编号 ZBGGZY-2026-0301，投标单位为某某建设公司' }));
    expect(supplemented).toMatchObject({ state: 'pending', due: '2026-03-11', supplement: { on: '2026-03-04' } });
    expect(await call('owner', 'questions', 'supplement', { id: asked.id, text: '再补充一次试试看' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已补充过，请等待答复' } });
    const again = expectOk(await call('clerk', 'questions', 'queue', {})).find((q: { id: string }) => q.id === asked.id);
    expect(again.availableActions).toEqual(['answer']);
    expect(await call('clerk', 'questions', 'answer', { id: asked.id, expectedVersion: again.version, kind: 'requestDetails', text: '再请补充一些内容', missing: ['联系人'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('the radar and escalation', () => {
  it('shows overdue questions first, flags 60-day-old ones on read, and tells the administrator once', async () => {
    const { deps, call, setNow } = await setup();
    const old = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).question;
    setNow('2026-04-28T02:00:00Z');
    const recent = expectOk(await call('other', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).question;
    let queue = expectOk(await call('admin', 'questions', 'queue', {}));
    expect(queue.map((q: { id: string }) => q.id)).toEqual([old.id, recent.id]);
    expect(queue[0]).toMatchObject({ urgency: 'overdue', escalated: false, availableActions: [] });
    setNow('2026-05-01T02:00:00Z');
    queue = expectOk(await call('admin', 'questions', 'queue', {}));
    expect(queue[0]).toMatchObject({ id: old.id, escalated: true, ageDays: 60 });
    expect(queue[0].escalatedAt).toBeUndefined();
    const timer = () => dispatch(handlers, deps, { functionName: 'questions', event: { action: 'escalate' }, identity: { openid: null, trigger: 'timer' } });
    expect(expectOk(await timer())).toEqual({ escalated: 1 });
    expect(expectOk(await timer())).toEqual({ escalated: 0 });
    const messages = await deps.store.find(OUTBOX_COLLECTION, { where: { caseId: old.id, recipient: 'role:admin' }, limit: 10 });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'questionEscalated', page: '/packages/staff/questions/index' });
    queue = expectOk(await call('admin', 'questions', 'queue', {}));
    expect(queue[0].escalatedAt).toBe('2026-05-01T02:00:00.000Z');
  });

  it('lets the administrator change the deadline for new questions only', async () => {
    const { call } = await setup();
    expect(await call('clerk', 'questions', 'saveSettings', { answerWorkingDays: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('admin', 'questions', 'saveSettings', { answerWorkingDays: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expectOk(await call('admin', 'questions', 'saveSettings', { answerWorkingDays: 3 }));
    const asked = expectOk(await call('owner', 'questions', 'ask', { idempotencyKey: nextKey(), ...question })).question;
    expect(asked.due).toBe('2026-03-05');
  });
});

describe('the public list', () => {
  it('pages answered public questions by keyset, newest answer first, demo ones marked', async () => {
    const { call } = await setup();
    const first = expectOk(await call('anonymous', 'questions', 'list', { limit: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.items.every((q: { demo: boolean; state: string }) => q.demo && q.state === 'answered')).toBe(true);
    const rest = expectOk(await call('anonymous', 'questions', 'list', { limit: 2, cursor: first.nextCursor }));
    expect(rest.items.length).toBeGreaterThanOrEqual(1);
    expect(rest.items.map((q: { id: string }) => q.id)).not.toContain(first.items[0].id);
    expect(expectOk(await call('anonymous', 'questions', 'list', { category: 'platform' })).items.every((q: { category: string }) => q.category === 'platform')).toBe(true);
    expect(await call('anonymous', 'questions', 'stats', { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
