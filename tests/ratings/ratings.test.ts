// 好差评 through the real router and store: submit rules, 一事一评, rate limit, content checks, the
// rectification case with its deadline, 申诉复核, statistics and forwarding to the province.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpProvincialSystem, createLocalProvincialSystem } from '../../cloudfunctions/_lib/adapters/provincial-ratings';
import type { ProvincialRatingSystem } from '../../cloudfunctions/_lib/ports/provincial-ratings';
import { handlers } from '../../cloudfunctions/_lib/handlers';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';

async function setup(now = '2026-03-02T02:00:00Z') {
  const deps = await testDeps();
  let current = new Date(now);
  deps.clock = { now: () => current };
  return { deps, call: caller(deps), setNow: (iso: string) => (current = new Date(iso)) };
}

const bad = { serviceItem: 'bidOpening', transactionRef: 'ZBGGZY-2026-0301', serviceDate: '2026-03-02', level: 1, indicators: ['服务态度差'], comment: '开标时工作人员态度生硬，未说明延迟原因', display: 'realName', realName: '李小明' };
const good = { serviceItem: 'website', serviceDate: '2026-03-02', level: 5, indicators: ['平台好用'], comment: '小程序查公告很方便', display: 'anonymous' };
let key = 0;
const nextKey = () => `rating-key-${String(++key).padStart(12, '0')}`;

describe('submitting a rating', () => {
  it('shows a good rating at once, anonymous; a bad one opens a rectification case due in 5 working days', async () => {
    const { call } = await setup();
    const g = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: good }));
    expect(g.rating).toMatchObject({ levelLabel: '非常满意', rater: '匿名用户', moderation: 'shown', comment: '小程序查公告很方便' });
    expect(g.rating.rectification).toBeUndefined();
    const b = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad }));
    expect(b.rating).toMatchObject({ levelLabel: '非常不满意', rater: '李*明', rectification: { state: 'open', due: '2026-03-09' } });
  });

  it('requires a reason for a bad rating and refuses a rating past the 5-working-day window', async () => {
    const { call } = await setup();
    const noReason = await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: { ...bad, comment: '' } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'rating.comment' }] } });
    const late = await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: { ...good, serviceDate: '2026-02-12' } });
    expect(late).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/补充评价期限/) } });
  });

  it('allows one rating per transaction (一事一评), replays a retried submit, and stops floods', async () => {
    const { call } = await setup();
    const k = nextKey();
    const first = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: k, rating: bad }));
    const retry = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: k, rating: bad }));
    expect(retry).toMatchObject({ replayed: true, rating: { id: first.rating.id } });
    expect(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/一事一评/) } });
    // Another person may rate the same transaction.
    expectOk(await call('other', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad }));
    for (let i = 0; i < 4; i++) expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: { ...good, transactionRef: `T${i}` } }));
    expect(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: { ...good, transactionRef: 'T9' } })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(expectOk(await call('owner', 'ratings', 'listMine', {}))).toHaveLength(5);
  });

  it('refuses abusive text and holds advertising for moderation', async () => {
    const { call } = await setup();
    expect(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: { ...bad, comment: '你们都是王八蛋' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'rating.comment' }] } });
    const held = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: { ...good, comment: '有需要的加微信联系' } }));
    expect(held.rating.moderation).toBe('pending');
    expect(held.rating.comment).toBe('有需要的加微信联系'); // its author sees it
    const publicView = expectOk(await call('anonymous', 'ratings', 'publicList', {}));
    expect(publicView.find((r: { id: string }) => r.id === held.rating.id).comment).toBe('');
  });
});

describe('rectification and 申诉复核', () => {
  it('staff answer a bad rating, visit, and the rater sees the answer; statistics follow', async () => {
    const { call, setNow } = await setup();
    const { rating } = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad }));
    let staff = expectOk(await call('clerk', 'ratings', 'cases', {}));
    expect(staff.map((c: { id: string }) => c.id)).toEqual([rating.id]);
    expect(staff[0]).toMatchObject({ availableCommands: ['answer', 'appeal'], overdueWorkingDays: 0 });
    setNow('2026-03-11T02:00:00Z');
    staff = expectOk(await call('clerk', 'ratings', 'cases', {}));
    expect(staff[0].overdueWorkingDays).toBe(2); // due 03-09: 03-10 and 03-11
    let kase = expectOk(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: staff[0].version, command: { type: 'answer', reply: '已约谈当班人员并公示开标延迟原因' } }));
    expect(kase.rectification.state).toBe('answered');
    kase = expectOk(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: kase.version, command: { type: 'visit', note: '电话回访，评价人表示认可' } }));
    expect(kase.rectification.state).toBe('closed');
    const mine = expectOk(await call('owner', 'ratings', 'listMine', {}));
    expect(mine[0].rectification).toMatchObject({ reply: '已约谈当班人员并公示开标延迟原因', answeredOn: '2026-03-11' });
    const stats = expectOk(await call('anonymous', 'ratings', 'stats', {}));
    expect(stats).toMatchObject({ total: 1, bad: 1, rectificationRate: 100, averageRectificationDays: 9, satisfactionRate: 0, imported: { total: 673 } });
  });

  it('a malicious rating is appealed by a clerk and excluded only by a different reviewer', async () => {
    const { call } = await setup();
    const { rating } = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad }));
    const [kase] = expectOk(await call('clerk', 'ratings', 'cases', {}));
    const appealed = expectOk(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: kase.version, command: { type: 'appeal', reason: '该投标人当日未到场，评价与事实不符' } }));
    expect(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: appealed.version, command: { type: 'decideAppeal', malicious: true, reason: '自己复核自己' } })).toMatchObject({ ok: false });
    const decided = expectOk(await call('reviewer', 'ratings', 'act', { id: rating.id, expectedVersion: appealed.version, command: { type: 'decideAppeal', malicious: true, reason: '经调取开标录像核实，评价人当日未到场' } }));
    expect(decided.rectification.state).toBe('excluded');
    const stats = expectOk(await call('anonymous', 'ratings', 'stats', {}));
    expect(stats).toMatchObject({ total: 0, excluded: 1 });
    expect(expectOk(await call('anonymous', 'ratings', 'publicList', {}))).toEqual([]);
    expect(await call('owner', 'ratings', 'act', { id: rating.id, expectedVersion: decided.version, command: { type: 'moderate', show: true } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('forwarding to the provincial system', () => {
  it('forwards each rating once, retries passing failures, runs only on the scheduler', async () => {
    const { deps, call } = await setup();
    expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: good }));
    const seen: string[] = [];
    let failures = 1;
    deps.provincial = {
      async forward(rating) {
        if (failures-- > 0) return { status: 'retry', reason: 'timeout' };
        seen.push(rating.id);
        return { status: 'accepted' };
      },
    };
    const run = () => dispatch(handlers, deps, { functionName: 'ratings', event: { action: 'forwardPending' }, identity: { openid: null, trigger: 'timer' } });
    expect(await run()).toEqual({ ok: true, data: { forwarded: 0, failed: 0, pending: 1 } });
    expect(await run()).toEqual({ ok: true, data: { forwarded: 1, failed: 0, pending: 0 } });
    expect(await run()).toEqual({ ok: true, data: { forwarded: 0, failed: 0, pending: 0 } });
    expect(seen).toHaveLength(1);
    expect(await call('admin', 'ratings', 'forwardPending', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('forwarding in the background never invalidates the version a member of staff is acting on', async () => {
    const { deps, call } = await setup();
    const { rating } = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad }));
    const [loaded] = expectOk(await call('clerk', 'ratings', 'cases', {}));
    expect(loaded.provincialStatus).toBe('待报送省平台');
    // The scheduler forwards the rating between the clerk opening the list and answering.
    const run = () => dispatch(handlers, deps, { functionName: 'ratings', event: { action: 'forwardPending' }, identity: { openid: null, trigger: 'timer' } });
    expect(await run()).toEqual({ ok: true, data: { forwarded: 1, failed: 0, pending: 0 } });
    const answered = expectOk(await call('clerk', 'ratings', 'act', { id: rating.id, expectedVersion: loaded.version, command: { type: 'answer', reply: '已核实并整改' } }));
    expect(answered).toMatchObject({ rectification: { state: 'answered' }, provincialStatus: '已报送省平台' });
  });
});

/** A stand-in of the provincial interface: answers by script. */
async function provinceStandin(answer: (body: unknown) => { status: number; body: string } | 'drop') {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const body: unknown = JSON.parse(data);
      received.push(body);
      const reply = answer(body);
      if (reply === 'drop') return req.socket.destroy();
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ratings`, received, close: () => new Promise((r) => server.close(r)) };
}

const SAMPLE = { id: 'r1', serviceItem: '开标', level: 1, indicators: ['服务态度差'], comment: '态度差', ratedOn: '2026-03-02', serviceDate: '2026-03-02', anonymous: false };

describe.each([
  ['local', async () => ({ system: createLocalProvincialSystem(), close: async () => undefined })],
  ['HTTP against a provincial stand-in', async () => {
    const standin = await provinceStandin(() => ({ status: 200, body: '{"code":0}' }));
    return { system: createHttpProvincialSystem({ url: standin.url, token: 't' }), close: standin.close };
  }],
] as Array<[string, () => Promise<{ system: ProvincialRatingSystem; close: () => Promise<unknown> }>]>)('ProvincialRatingSystem contract: %s', (_name, make) => {
  it('accepts a well-formed rating and rejects one without an id, never throwing', async () => {
    const { system, close } = await make();
    expect(await system.forward(SAMPLE)).toEqual({ status: 'accepted' });
    expect((await system.forward({ ...SAMPLE, id: '' })).status).toBe('rejected');
    await close();
  });
});

describe('HTTP provincial adapter', () => {
  it('treats 4xx as final and 5xx, bad JSON and dropped connections as passing', async () => {
    const replies: Array<{ status: number; body: string } | 'drop'> = [{ status: 400, body: 'bad' }, { status: 503, body: '' }, { status: 200, body: 'not json' }, 'drop', { status: 200, body: '{"code":17,"message":"字段缺失"}' }];
    const standin = await provinceStandin(() => replies.shift()!);
    const system = createHttpProvincialSystem({ url: standin.url, token: 'secret', timeoutMs: 1000 });
    expect((await system.forward(SAMPLE)).status).toBe('rejected');
    expect((await system.forward(SAMPLE)).status).toBe('retry');
    expect((await system.forward(SAMPLE)).status).toBe('retry');
    expect((await system.forward(SAMPLE)).status).toBe('retry');
    expect(await system.forward(SAMPLE)).toEqual({ status: 'rejected', reason: 'code 17: 字段缺失' });
    expect(standin.received[0]).toMatchObject({ id: 'r1', level: 1 });
    await standin.close();
  });
});

describe('the rectification deadline is a setting', () => {
  it('defaults to 5 working days; the admin can change it for new bad ratings; others cannot', async () => {
    const { call } = await setup();
    expect(expectOk(await call('clerk', 'ratings', 'getSettings', {}))).toEqual({ rectificationWorkingDays: 5 });
    expect(await call('clerk', 'ratings', 'saveSettings', { rectificationWorkingDays: 15 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('admin', 'ratings', 'saveSettings', { rectificationWorkingDays: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expectOk(await call('admin', 'ratings', 'saveSettings', { rectificationWorkingDays: 15 }));
    const { rating } = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad }));
    expect(rating.rectification.due).toBe('2026-03-23'); // 15 working days from 2026-03-02
  });
});

describe('rating deadlines use the staff-edited working-day calendar', () => {
  it('a holiday added to the override table moves the rectification deadline', async () => {
    const { call } = await setup();
    expectOk(await call('admin', 'requests', 'saveCalendarOverride', { override: { date: '2026-03-04', kind: 'holiday', name: '临时放假' } }));
    const { rating } = expectOk(await call('owner', 'ratings', 'submit', { idempotencyKey: nextKey(), rating: bad }));
    expect(rating.rectification.due).toBe('2026-03-10'); // 03-03, 05, 06, 09, 10: the 4th is a holiday now
  });
});
