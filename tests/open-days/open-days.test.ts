// 平台开放日 through the real router over a seeded SQLite store: the public list with the 2023 total,
// sign-up rules, who may do what, capacity under concurrent sign-ups, idempotent replays, and
// cancelling an event with notices through the outbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { OPEN_DAY_FIGURES, openDaysDemo } from '../../cloudfunctions/_lib/seed/open-days-demo';
import { OUTBOX_COLLECTION } from '../../cloudfunctions/_lib/notifications/deliver';
import { PUBLICATION_COLLECTIONS } from '../../cloudfunctions/_lib/publication';
import { ensureLocalStaff } from '../../cloudfunctions/_local/personas';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { caller, expectOk } from '../support/call';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';

const SEEDED_ON = '2026-03-02';

async function setup(now = '2026-03-02T02:00:00Z') {
  const deps = await testDeps();
  const store = createSqliteStore(':memory:');
  await seedStore(store, { reportText: SEED_REPORT_TEXT, today: SEEDED_ON });
  await ensureLocalStaff(store);
  deps.store = store;
  let clock = new Date(now);
  deps.clock = { now: () => clock };
  return { deps, call: caller(deps), setNow: (iso: string) => (clock = new Date(iso)) };
}

let keyCounter = 0;
const key = (tag = 'k') => `${tag}-${String(++keyCounter).padStart(4, '0')}-abcdefghijkl`;

const eventInput = (overrides: Record<string, unknown> = {}) => ({
  title: '“走进交易中心”平台开放日',
  date: '2026-03-20',
  startTime: '09:30',
  endTime: '11:30',
  place: '交易中心开标大厅',
  capacity: 2,
  signUpCloseDate: '2026-03-18',
  signUpCloseTime: '17:00',
  description: '观摩开标全流程。\n请提前 15 分钟签到。',
  ...overrides,
});

const signUpInput = (eventId: string, overrides: Record<string, unknown> = {}) => ({ eventId, name: '张三', phone: '13800138000', role: 'citizen', idempotencyKey: key('su'), ...overrides });

async function createEvent(call: ReturnType<typeof caller>, overrides: Record<string, unknown> = {}) {
  return expectOk(await call('clerk', 'openDays', 'createEvent', { idempotencyKey: key('ev'), event: eventInput(overrides) })).event;
}

describe('seed data', () => {
  it('keeps the real 2023 total (15) with its source sentence, and marks invented records as demo', () => {
    const figure = OPEN_DAY_FIGURES[0];
    expect(figure).toMatchObject({ year: 2023, count: 15 });
    // The quoted sentence is in the seed report itself.
    const seed = readFileSync(join(__dirname, '../../cloudfunctions/_lib/seed/zibo-2023-annual-report.txt'), 'utf8');
    expect(seed).toContain('开展“平台开放日”活动15次，邀请市人大代表、政协委员、市重大项目负责人、市“百强”企业代表、媒体代表等现场观摩');
    expect(figure.source).toContain('开展“平台开放日”活动15次');
    const docs = openDaysDemo(SEEDED_ON);
    const records = docs.filter((d) => d.startsAt.startsWith('2023-'));
    expect(records).toHaveLength(15);
    expect(docs.every((d) => d.demo && d.description[0]!.startsWith('【演示内容】'))).toBe(true);
    expect(records.every((d) => d.capacity === null)).toBe(true);
    expect(openDaysDemo(SEEDED_ON)).toEqual(docs);
  });
});

describe('openDays: public reading', () => {
  it('lists upcoming events soonest first with places and state, past events newest first by keyset, and the 2023 figure', async () => {
    const { call } = await setup();
    const list = expectOk(await call('anonymous', 'openDays', 'list', { pastLimit: 10 }));
    expect(list.figures).toEqual([{ year: 2023, count: 15, source: OPEN_DAY_FIGURES[0].source }]);
    expect(list.upcoming.length).toBe(3);
    expect(list.upcoming.map((e: { startsAt: string }) => e.startsAt)).toEqual([...list.upcoming.map((e: { startsAt: string }) => e.startsAt)].sort());
    expect(list.upcoming[0]).toMatchObject({ state: 'open', stateLabel: '报名中', remaining: 30, capacity: 30, demo: true });
    expect(list.past).toHaveLength(10);
    const more = expectOk(await call('anonymous', 'openDays', 'list', { pastCursor: list.pastNextCursor, pastLimit: 10 }));
    expect(more.pastNextCursor).toBeNull();
    const past = [...list.past, ...more.past];
    expect(past).toHaveLength(15);
    expect(new Set(past.map((e: { id: string }) => e.id)).size).toBe(15);
    expect(past.every((e: { stateLabel: string; remaining: number | null }) => e.stateLabel === '已结束' && e.remaining === null)).toBe(true);
    expect(past[0].startsAt > past[14].startsAt).toBe(true);
  });

  it('gets one event, and says when it does not exist', async () => {
    const { call } = await setup();
    const got = expectOk(await call('anonymous', 'openDays', 'get', { id: 'od-demo-01' }));
    expect(got.mine).toBeNull();
    expect(got.event.description.length).toBeGreaterThan(0);
    expect(got.event.cancelDeadline).toMatch(/\+08:00$/);
    expect(await call('anonymous', 'openDays', 'get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该活动' } });
  });
});

describe('openDays: authorization', () => {
  it('lets only signed-in people sign up, only clerks and admins manage events, and only owners cancel', async () => {
    const { call, deps } = await setup();
    expect(await call('anonymous', 'openDays', 'signUp', signUpInput('od-demo-01'))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('anonymous', 'openDays', 'mine', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('owner', 'openDays', 'createEvent', { idempotencyKey: key(), event: eventInput() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('reviewer', 'openDays', 'createEvent', { idempotencyKey: key(), event: eventInput() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('owner', 'openDays', 'signUps', { eventId: 'od-demo-01' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('owner', 'openDays', 'staffEvents', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(expectOk(await call('admin', 'openDays', 'staffEvents', {})).items).toHaveLength(3);
    expect(await call('owner', 'openDays', 'cancelEvent', { eventId: 'od-demo-01', reason: '场地检修' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('anonymous', 'openDays', 'cancelEvent', { eventId: 'od-demo-01', reason: '场地检修' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const mine = expectOk(await call('owner', 'openDays', 'signUp', signUpInput('od-demo-01'))).signUp;
    // Another citizen (and staff acting as a citizen) cannot cancel it, nor learn that it exists.
    expect(await call('other', 'openDays', 'cancel', { signUpId: mine.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该报名' } });
    expect(await call('clerk', 'openDays', 'cancel', { signUpId: mine.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(expectOk(await call('other', 'openDays', 'mine', {}))).toEqual([]);
    expect(expectOk(await call('admin', 'openDays', 'signUps', { eventId: 'od-demo-01' })).active).toBe(1);
    // The phone is never logged.
    expect(deps.log.lines.join('\n')).not.toContain('13800138000');
  });
});

describe('openDays: bad input', () => {
  it('refuses a bad phone, a missing name or role, and a bad key with Chinese messages per field', async () => {
    const { call } = await setup();
    const bad = await call('owner', 'openDays', 'signUp', signUpInput('od-demo-01', { phone: '1380013800', name: ' ', role: 'mayor', idempotencyKey: 'short' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const issues = Object.fromEntries((bad as { error: { issues: Array<{ path: string; message: string }> } }).error.issues.map((i) => [i.path, i.message]));
    expect(issues).toMatchObject({ name: '请填写姓名', role: '请选择身份', idempotencyKey: '提交标识不正确，请刷新后重试' });
    const phone = await call('owner', 'openDays', 'signUp', signUpInput('od-demo-01', { phone: '23800138000' }));
    expect(phone).toMatchObject({ ok: false, error: { issues: [{ path: 'phone', message: '手机号码应为 11 位数字，以 1 开头' }] } });
    expect(await call('owner', 'openDays', 'signUp', signUpInput('no-such-event'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('owner', 'openDays', 'signUp', signUpInput('od-2023-01'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已结束' } });
  });

  it('refuses an event in the past, ending before it starts, or closing sign-up after the start', async () => {
    const { call } = await setup();
    const past = await call('clerk', 'openDays', 'createEvent', { idempotencyKey: key(), event: eventInput({ date: '2026-02-01', signUpCloseDate: '2026-01-30' }) });
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '活动时间应晚于现在' } });
    const late = await call('clerk', 'openDays', 'createEvent', { idempotencyKey: key(), event: eventInput({ signUpCloseDate: '2026-03-20', signUpCloseTime: '10:00' }) });
    expect(late).toMatchObject({ ok: false, error: { issues: [{ path: 'event.signUpCloseDate', message: '报名截止时间应早于活动开始时间' }] } });
    const capacity = await call('clerk', 'openDays', 'createEvent', { idempotencyKey: key(), event: eventInput({ capacity: 0 }) });
    expect(capacity).toMatchObject({ ok: false, error: { issues: [{ path: 'event.capacity', message: '名额至少 1 人' }] } });
    const time = await call('clerk', 'openDays', 'createEvent', { idempotencyKey: key(), event: eventInput({ startTime: '9:30' }) });
    expect(time).toMatchObject({ ok: false, error: { issues: [{ path: 'event.startTime', message: '时间格式应为 HH:mm' }] } });
  });
});

describe('openDays: sign-up and cancellation', () => {
  it('publishes a staff event (search entry and followers event), fills it, frees a cancelled place, and keeps one place per person', async () => {
    const { call, deps } = await setup();
    const event = await createEvent(call);
    expect(event).toMatchObject({ state: 'open', remaining: 2, capacity: 2, demo: false, timeText: '2026-03-20 09:30–11:30', cancelDeadline: '2026-03-19T09:30:00+08:00' });
    expect(event.description).toEqual(['观摩开标全流程。', '请提前 15 分钟签到。']);
    expect(await deps.store.get(PUBLICATION_COLLECTIONS.searchIndex, `openDay:${event.id}`)).toMatchObject({ column: 'openDays', route: `/packages/opendays/detail/index?id=${event.id}` });
    expect(await deps.store.get(PUBLICATION_COLLECTIONS.events, `openDay:${event.id}`)).toMatchObject({ status: 'pending' });

    const a = expectOk(await call('owner', 'openDays', 'signUp', signUpInput(event.id, { organisation: '某建设公司', role: 'enterprise' })));
    expect(a.replayed).toBe(false);
    expect(a.signUp).toMatchObject({ status: 'active', statusLabel: '已报名', phoneMasked: '138****8000', roleLabel: '企业代表', receiptNo: 'KFR20260320-001', cancellable: true });
    expect(await call('owner', 'openDays', 'signUp', signUpInput(event.id))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已报名该活动，可在“我的报名”中查看' } });
    expectOk(await call('other', 'openDays', 'signUp', signUpInput(event.id, { name: '李四', phone: '13900139000' })));
    const full = expectOk(await call('reviewer', 'openDays', 'get', { id: event.id }));
    expect(full.event).toMatchObject({ state: 'full', stateLabel: '已满', remaining: 0 });
    expect(full.event.signUpRefusal).toMatch(/名额已满/);
    expect(await call('reviewer', 'openDays', 'signUp', signUpInput(event.id))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const cancelled = expectOk(await call('owner', 'openDays', 'cancel', { signUpId: a.signUp.id }));
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: '已取消报名', cancellable: false });
    expect(await call('owner', 'openDays', 'cancel', { signUpId: a.signUp.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该报名已取消' } });
    expect(expectOk(await call('reviewer', 'openDays', 'get', { id: event.id })).event).toMatchObject({ state: 'open', remaining: 1 });
    const third = expectOk(await call('reviewer', 'openDays', 'signUp', signUpInput(event.id, { name: '王五', phone: '13700137000', role: 'media' })));
    // Receipt numbers never repeat, even after a cancellation.
    expect(third.signUp.receiptNo).toBe('KFR20260320-003');
    // The first person may sign up again once a place is free (here: none is).
    expect(await call('owner', 'openDays', 'signUp', signUpInput(event.id))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const mine = expectOk(await call('owner', 'openDays', 'mine', {}));
    expect(mine.map((s: { status: string }) => s.status)).toEqual(['cancelled']);
    const staff = expectOk(await call('clerk', 'openDays', 'signUps', { eventId: event.id }));
    expect(staff).toMatchObject({ active: 2, cancelled: 1 });
    expect(staff.signUps.map((s: { phoneMasked: string }) => s.phoneMasked)).toEqual(['138****8000', '139****9000', '137****7000']);
    for (const phone of ['13800138000', '13900139000', '13700137000']) expect(JSON.stringify(staff)).not.toContain(phone);
  });

  it('stops online cancellation 24 hours before the start and sign-up when it closes', async () => {
    const { call, setNow } = await setup();
    const event = await createEvent(call);
    const a = expectOk(await call('owner', 'openDays', 'signUp', signUpInput(event.id))).signUp;
    setNow('2026-03-18T09:00:00Z'); // 17:00 in Shanghai: sign-up has closed
    expect(await call('other', 'openDays', 'signUp', signUpInput(event.id))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '报名已截止' } });
    setNow('2026-03-19T01:30:00Z'); // 09:30 in Shanghai, 24 h before the start
    const refused = await call('owner', 'openDays', 'cancel', { signUpId: a.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/24 小时内不能在线取消报名/);
    expect(expectOk(await call('owner', 'openDays', 'mine', {}))[0]).toMatchObject({ cancellable: false, status: 'active' });
  });

  it('replays the same idempotency key as the same sign-up, even after the event filled up', async () => {
    const { call } = await setup();
    const event = await createEvent(call, { capacity: 1 });
    const input = signUpInput(event.id);
    const first = expectOk(await call('owner', 'openDays', 'signUp', input));
    const again = expectOk(await call('owner', 'openDays', 'signUp', input));
    expect(again).toMatchObject({ replayed: true, signUp: { id: first.signUp.id, receiptNo: first.signUp.receiptNo } });
    // Two copies of one submit at the same moment: one sign-up.
    const input2 = signUpInput('od-demo-01');
    const [x, y] = await Promise.all([call('other', 'openDays', 'signUp', input2), call('other', 'openDays', 'signUp', input2)]);
    const xs = [expectOk(x), expectOk(y)];
    expect(xs[0].signUp.id).toBe(xs[1].signUp.id);
    expect(xs.map((s) => s.replayed).sort()).toEqual([false, true]);
    expect(expectOk(await call('clerk', 'openDays', 'signUps', { eventId: 'od-demo-01' })).active).toBe(1);
    // A staff create is idempotent too.
    const createInput = { idempotencyKey: key('ev'), event: eventInput({ title: '重复提交测试开放日' }) };
    const c1 = expectOk(await call('clerk', 'openDays', 'createEvent', createInput));
    const c2 = expectOk(await call('clerk', 'openDays', 'createEvent', createInput));
    expect(c2).toMatchObject({ replayed: true, event: { id: c1.event.id } });
  });

  it('never overbooks under concurrent sign-ups from many people', async () => {
    const { deps, call } = await setup();
    const event = await createEvent(call, { capacity: 5 });
    const people = Array.from({ length: 30 }, (_, i) => `citizen-${i}`);
    const answers = await Promise.all(
      people.map((openid, i) =>
        dispatch(handlers, deps, { functionName: 'openDays', event: { action: 'signUp', input: signUpInput(event.id, { phone: `139${String(i).padStart(8, '0')}` }) }, identity: { openid } }),
      ),
    );
    const ok = answers.filter((a) => a.ok);
    expect(ok).toHaveLength(5);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true);
    const after = expectOk(await call('clerk', 'openDays', 'signUps', { eventId: event.id }));
    expect(after.active).toBe(5);
    expect(after.event).toMatchObject({ remaining: 0, state: 'full' });
    expect(new Set(after.signUps.map((s: { receiptNo: string }) => s.receiptNo)).size).toBe(5);
  });
});

describe('openDays: staff cancel an event', () => {
  it('records the reason, marks every sign-up, and queues a notice for each person through the outbox', async () => {
    const { call, deps } = await setup();
    const event = await createEvent(call, { capacity: 3 });
    const a = expectOk(await call('owner', 'openDays', 'signUp', signUpInput(event.id))).signUp;
    expectOk(await call('other', 'openDays', 'signUp', signUpInput(event.id, { phone: '13900139000' })));
    expect(await call('clerk', 'openDays', 'cancelEvent', { eventId: event.id, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const done = expectOk(await call('clerk', 'openDays', 'cancelEvent', { eventId: event.id, reason: '场地临时检修' }));
    expect(done).toMatchObject({ notified: 2, event: { state: 'cancelled', stateLabel: '已取消', cancellationReason: '场地临时检修' } });
    expect(done.event.signUpRefusal).toBe('活动已取消');
    const notices = await deps.store.find<{ recipient: string; kind: string; body: string; page: string; audience: string }>(OUTBOX_COLLECTION, { where: { caseId: event.id } });
    expect(notices.map((n) => n.recipient).sort()).toEqual(['local-citizen-a', 'local-citizen-b']);
    expect(notices.every((n) => n.kind === 'openDayCancelled' && n.audience === 'applicant' && n.body.includes('场地临时检修') && n.page.includes(event.id))).toBe(true);
    expect(notices.map((n) => n.body).join()).not.toContain('13800138000');
    expect(expectOk(await call('owner', 'openDays', 'mine', {}))[0]).toMatchObject({ id: a.id, status: 'eventCancelled', statusLabel: '活动已取消', cancellable: false });
    expect(await call('admin', 'openDays', 'cancelEvent', { eventId: event.id, reason: '再次取消' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已取消' } });
    expect(await call('clerk', 'openDays', 'cancelEvent', { eventId: 'od-2023-01', reason: '往期活动' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已结束，不能取消' } });
    expect(await deps.store.get(PUBLICATION_COLLECTIONS.searchIndex, `openDay:${event.id}`)).toMatchObject({ title: expect.stringMatching(/^【已取消】/) });
  });
});
