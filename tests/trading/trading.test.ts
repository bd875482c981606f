// 交易公告 chains and the 开标大厅 through the real router over a store seeded around a fixed day.
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { tradingDemo } from '../../cloudfunctions/_lib/seed/trading-demo';
import { caller, expectOk } from '../support/call';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';

async function setup(now: string) {
  const deps = await testDeps();
  const store = createSqliteStore(':memory:');
  await seedStore(store, { reportText: SEED_REPORT_TEXT, today: '2026-03-02' });
  deps.store = store;
  deps.clock = { now: () => new Date(now) };
  return { deps, call: caller(deps) };
}

describe('demo trading data', () => {
  it('is marked demo, has chains in stage order, and openings on the seeding day', () => {
    const { projects, notices } = tradingDemo('2026-03-02');
    expect(projects.every((p) => p.demo) && notices.every((n) => n.demo)).toBe(true);
    expect(projects.filter((p) => p.openingDate === '2026-03-02').length).toBeGreaterThanOrEqual(3);
    for (const project of projects) {
      const own = notices.filter((n) => n.projectId === project._id);
      expect(own).toHaveLength(project.noticeCount);
      expect(own[own.length - 1]!.stage).toBe(project.stage);
    }
    expect(tradingDemo('2026-03-02')).toEqual(tradingDemo('2026-03-02'));
  });
});

describe('trading function', () => {
  it('lists projects newest first by keyset, filtered by type and stage, with no gaps or repeats', async () => {
    const { call } = await setup('2026-03-02T02:00:00Z');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = expectOk(await call('anonymous', 'trading', 'listProjects', { cursor, limit: 5 }));
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(tradingDemo('2026-03-02').projects.length);
    const procurement = expectOk(await call('anonymous', 'trading', 'listProjects', { type: 'procurement' }));
    expect(procurement.items.every((p: { typeLabel: string }) => p.typeLabel === '政府采购')).toBe(true);
    const results = expectOk(await call('anonymous', 'trading', 'listProjects', { stage: 'result' }));
    expect(results.items.every((p: { stageLabel: string }) => p.stageLabel === '中标（成交）结果公告')).toBe(true);
    expect(await call('anonymous', 'trading', 'listProjects', { type: 'lottery' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('returns a project’s whole chain, tender first, with the stages still to come', async () => {
    const { call } = await setup('2026-03-02T02:00:00Z');
    const { projects } = tradingDemo('2026-03-02');
    const deep = projects.find((p) => p.stage === 'contract')!;
    const chain = expectOk(await call('anonymous', 'trading', 'getChain', { projectId: deep._id }));
    expect(chain.notices.map((n: { stage: string }) => n.stage)).toEqual(['tender', 'change', 'candidates', 'result', 'contract']);
    expect(chain.pendingStages).toEqual([]);
    const open = projects.find((p) => p.stage === 'tender')!;
    const early = expectOk(await call('anonymous', 'trading', 'getChain', { projectId: open._id }));
    expect(early.pendingStages.map((s: { stage: string }) => s.stage)).toEqual(['change', 'candidates', 'result', 'contract']);
    expect(await call('anonymous', 'trading', 'getChain', { projectId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shows today’s openings with their status at this moment', async () => {
    // 2026-03-02 10:10 in Shanghai: 09:00 is done, 09:30 is in progress, afternoon sessions are upcoming.
    const { call } = await setup('2026-03-02T02:10:00Z');
    const hall = expectOk(await call('anonymous', 'trading', 'todayOpenings', {}));
    expect(hall.date).toBe('2026-03-02');
    expect(hall.openings.length).toBeGreaterThanOrEqual(3);
    const times = hall.openings.map((o: { time: string }) => o.time);
    expect([...times].sort()).toEqual(times);
    for (const opening of hall.openings) {
      const expected = opening.time === '09:00' ? '已开标' : opening.time === '09:30' ? '开标中' : '待开标';
      expect(`${opening.time} ${opening.statusLabel}`).toBe(`${opening.time} ${expected}`);
    }
    const other = expectOk(await call('anonymous', 'trading', 'todayOpenings', { date: '2020-01-01' }));
    expect(other.openings).toEqual([]);
  });
});

describe('staff publish notices (publishNotice)', () => {
  const tender = (key: string, code = 'ZBGGZY-2026-TEST01') => ({
    idempotencyKey: key,
    project: { code, name: '张店区某学校操场改造工程', type: 'construction', owner: '淄博市某学校', budget: '320 万元' },
    stage: 'tender',
    title: '张店区某学校操场改造工程招标公告',
    paragraphs: ['一、项目概况：操场及附属设施改造。', '二、投标人资格要求：具备相应资质。'],
    opening: { date: '2026-03-20', time: '09:30', room: '开标二室' },
  });
  const next = (key: string, projectId: string, stage: string, title: string) => ({ idempotencyKey: key, project: { projectId }, stage, title, paragraphs: ['详见附件。'] });
  // The test store with its staff roster (the demo-day store of `setup` has none).
  const staffSetup = async (now: string) => {
    const deps = await testDeps();
    deps.clock = { now: () => new Date(now) };
    return { deps, call: caller(deps) };
  };

  it('creates a project with its tender notice, searchable, announced to followers of its type, and in the 开标大厅 on its day', async () => {
    const { deps, call } = await staffSetup('2026-03-02T02:00:00Z');
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements', type: 'construction' } }));
    const { chain, replayed } = expectOk(await call('clerk', 'trading', 'publishNotice', tender('publish-key-000000001')));
    expect(replayed).toBe(false);
    expect(chain).toMatchObject({ code: 'ZBGGZY-2026-TEST01', stage: 'tender', noticeCount: 1, room: '开标二室', demo: false });
    expect(chain.pendingStages.map((s: { stage: string }) => s.stage)).toEqual(['change', 'candidates', 'result', 'contract']);
    const list = expectOk(await call('anonymous', 'trading', 'listProjects', { type: 'construction' }));
    expect(list.items.map((p: { id: string }) => p.id)).toContain(chain.id);
    const entry = await deps.store.get<{ route: string; type: string }>('searchIndex', `notice:${chain.notices[0].id}`);
    expect(entry).toMatchObject({ route: `/packages/trading/chain/index?id=${chain.id}`, type: 'construction' });
    const openings = expectOk(await call('anonymous', 'trading', 'todayOpenings', { date: '2026-03-20' }));
    expect(openings.openings.map((o: { projectId: string }) => o.projectId)).toContain(chain.id);
    // The scheduler's fan-out turns the publication into a message for the follower of 工程建设.
    const { dispatch } = await import('../../cloudfunctions/_lib/router');
    const { handlers } = await import('../../cloudfunctions/_lib/handlers');
    const fan = await dispatch(handlers, deps, { functionName: 'subscriptions', event: { action: 'fanOut' }, identity: { openid: null, trigger: 'timer' } });
    expect(fan).toMatchObject({ ok: true, data: { messages: 1 } });
  });

  it('replays a retried submit, refuses a second project with the same code, and only staff may publish', async () => {
    const { call } = await staffSetup('2026-03-02T02:00:00Z');
    const first = expectOk(await call('clerk', 'trading', 'publishNotice', tender('publish-key-000000002')));
    const again = expectOk(await call('clerk', 'trading', 'publishNotice', tender('publish-key-000000002')));
    expect(again).toMatchObject({ replayed: true, chain: { id: first.chain.id, noticeCount: 1 } });
    expect(await call('clerk', 'trading', 'publishNotice', tender('publish-key-000000003'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('项目编号已存在') } });
    expect(await call('owner', 'trading', 'publishNotice', tender('publish-key-000000004', 'ZBGGZY-2026-OTHER1'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('reviewer', 'trading', 'publishNotice', tender('publish-key-000000005', 'ZBGGZY-2026-OTHER2'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { opening: _dropped, ...withoutOpening } = tender('publish-key-000000006', 'ZBGGZY-2026-OTHER3');
    expect(await call('clerk', 'trading', 'publishNotice', withoutOpening)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '招标公告须注明开标时间和地点' } });
    expect(await call('clerk', 'trading', 'publishNotice', { ...tender('publish-key-000000007', 'x'), title: '短' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('keeps the chain in order and the candidate publicity at least 3 days', async () => {
    let now = '2026-03-02T02:00:00Z';
    const deps = await testDeps();
    deps.clock = { now: () => new Date(now) };
    const call = caller(deps);
    const { chain } = expectOk(await call('clerk', 'trading', 'publishNotice', tender('publish-key-000000010')));
    expect(await call('clerk', 'trading', 'publishNotice', next('publish-key-000000011', chain.id, 'result', '结果公告'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '请先发布中标候选人公示' } });
    now = '2026-03-21T02:00:00Z';
    expectOk(await call('clerk', 'trading', 'publishNotice', next('publish-key-000000012', chain.id, 'candidates', '中标候选人公示')));
    now = '2026-03-23T02:00:00Z';
    expect(await call('clerk', 'trading', 'publishNotice', next('publish-key-000000013', chain.id, 'result', '中标结果公告'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('2026-03-24 起') } });
    now = '2026-03-24T02:00:00Z';
    const done = expectOk(await call('clerk', 'trading', 'publishNotice', next('publish-key-000000014', chain.id, 'result', '中标结果公告')));
    expect(done.chain).toMatchObject({ stage: 'result', noticeCount: 3 });
    expect(done.chain.notices.map((n: { stage: string }) => n.stage)).toEqual(['tender', 'candidates', 'result']);
  });
});
