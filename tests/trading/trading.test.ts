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
    project: { code, name: '张店区某学校操场改造工程', type: 'construction', owner: '淄博市某学校', district: 'zhangdian', budget: '320 万元' },
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

describe('market players: filters, badges, masking, following one project, statistics', () => {
  type Page = { items: Array<{ id: string; code: string; name: string; district: string; districtLabel: string; latestAt: string; badge: { label: string } }>; nextCursor: string | null };
  const all = async (call: ReturnType<typeof caller>, input: Record<string, unknown>) => {
    const items: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const page: Page = expectOk(await call('anonymous', 'trading', 'listProjects', { ...input, cursor, limit: 4 }));
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  it('filters by district, keyword (name or code, literal) and date window, keyset-paged', async () => {
    const { call } = await setup('2026-03-02T02:00:00Z');
    const { projects } = tradingDemo('2026-03-02');
    expect(new Set(projects.map((p) => p.district)).size).toBe(9);
    const linzi = await all(call, { district: 'linzi' });
    expect(linzi.map((p) => p.id).sort()).toEqual(projects.filter((p) => p.district === 'linzi').map((p) => p._id).sort());
    expect(linzi.every((p) => p.districtLabel === '临淄')).toBe(true);
    const byName = await all(call, { keyword: '采购' });
    expect(byName.map((p) => p.id).sort()).toEqual(projects.filter((p) => p.name.includes('采购')).map((p) => p._id).sort());
    const one = projects[3]!;
    expect((await all(call, { keyword: one.code.toLowerCase() })).map((p) => p.id)).toEqual([one._id]);
    expect(await all(call, { keyword: '100%' })).toEqual([]);
    const from = '2026-02-01';
    const to = '2026-02-15';
    const window = await all(call, { from, to });
    expect(window.map((p) => p.id).sort()).toEqual(projects.filter((p) => p.latestAt >= from && p.latestAt <= to).map((p) => p._id).sort());
    expect(window.map((p) => p.latestAt)).toEqual([...window.map((p) => p.latestAt)].sort().reverse());
    const combined = await all(call, { type: 'construction', district: projects[0]!.district, to: '2026-12-31' });
    expect(combined.map((p) => p.id)).toEqual([projects[0]!._id]);
    for (const bad of [{ district: 'beijing' }, { from: '2026/01/01' }, { keyword: '' }, { keyword: 'x'.repeat(41) }, { from: '2026-03-01', to: '2026-02-01' }]) {
      expect(await call('anonymous', 'trading', 'listProjects', bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('gives each project a badge from its dates, a countdown on the candidate publicity, and masks bidders for the public only', async () => {
    const { call } = await setup('2026-03-02T02:00:00Z');
    const { projects } = tradingDemo('2026-03-02');
    const page = expectOk(await call('anonymous', 'trading', 'listProjects', { limit: 50 }));
    const labels = new Set(page.items.map((p: { badge: { label: string } }) => p.badge.label));
    expect([...labels].every((l) => ['报名中', '报名截止', '待开标', '开标中', '评标中', '公示中', '公示期满', '已结束'].includes(l as string))).toBe(true);
    expect(labels.has('已结束')).toBe(true);
    const changed = projects.find((p) => p.stage === 'change')!;
    const chain = expectOk(await call('anonymous', 'trading', 'getChain', { projectId: changed._id }));
    const change = chain.notices.find((n: { stage: string }) => n.stage === 'change');
    expect(chain.masked).toBe(true);
    expect(change.bidders[0]).toMatch(/^淄博\*{4}有限公司$/);
    expect(JSON.stringify(chain)).not.toMatch(/淄博(鲁中|齐都|华瑞|恒信|泰和)/);
    const deep = projects.find((p) => p.stage === 'contract')!;
    const withCandidates = expectOk(await call('anonymous', 'trading', 'getChain', { projectId: deep._id }));
    expect(withCandidates.notices.find((n: { stage: string }) => n.stage === 'candidates').publicity.text).toMatch(/^公示期已结束（异议截止 \d{4}-\d{2}-\d{2}）$/);
  });

  it('staff see bidder names in full; publishing checks the sign-up date', async () => {
    const deps = await testDeps();
    deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
    const call = caller(deps);
    const base = { project: { code: 'ZBGGZY-2026-MASK01', name: '淄川区某道路维修工程', type: 'construction', owner: '淄川区某局', district: 'zichuan' }, stage: 'tender', title: '淄川区某道路维修工程招标公告', paragraphs: ['详见招标文件。'], opening: { date: '2026-03-20', time: '09:30', room: '开标一室' } };
    expect(await call('clerk', 'trading', 'publishNotice', { ...base, idempotencyKey: 'mask-key-0000000001', signUpEnds: '2026-03-25' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '报名截止日期应在今天与开标日期之间' } });
    const { project: _p, ...noDistrict } = base;
    expect(await call('clerk', 'trading', 'publishNotice', { ...noDistrict, idempotencyKey: 'mask-key-0000000002', project: { ...base.project, district: 'nowhere' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const { chain } = expectOk(await call('clerk', 'trading', 'publishNotice', { ...base, idempotencyKey: 'mask-key-0000000003' }));
    expect(chain).toMatchObject({ district: 'zichuan', districtLabel: '淄川', signUpEnds: '2026-03-19', badge: { label: '报名中' } });
    const clarification = { idempotencyKey: 'mask-key-0000000004', project: { projectId: chain.id }, stage: 'change', title: '关于淄博甲乙建设有限公司所提疑问的澄清', paragraphs: ['淄博甲乙建设有限公司询问工期，答复如下。'], bidders: ['淄博甲乙建设有限公司'] };
    const staffView = expectOk(await call('clerk', 'trading', 'publishNotice', clarification)).chain;
    expect(staffView.masked).toBe(false);
    expect(staffView.notices[1].title).toContain('淄博甲乙建设有限公司');
    expect(expectOk(await call('reviewer', 'trading', 'getChain', { projectId: chain.id })).notices[1].bidders).toEqual(['淄博甲乙建设有限公司']);
    const publicView = expectOk(await call('owner', 'trading', 'getChain', { projectId: chain.id }));
    expect(publicView.notices[1]).toMatchObject({ title: '关于淄博****有限公司所提疑问的澄清', paragraphs: ['淄博****有限公司询问工期，答复如下。'], bidders: ['淄博****有限公司'] });
    // Search is public too: the index holds the masked text.
    const entry = await deps.store.get<{ title: string; text: string }>('searchIndex', `notice:${staffView.notices[1].id}`);
    expect(`${entry!.title}${entry!.text}`).not.toContain('甲乙');
  });

  it('a project’s follower (and no one else) gets a message when its candidates are published; bad topics are refused', async () => {
    let now = '2026-03-02T02:00:00Z';
    const deps = await testDeps();
    deps.clock = { now: () => new Date(now) };
    const call = caller(deps);
    const { dispatch } = await import('../../cloudfunctions/_lib/router');
    const { handlers } = await import('../../cloudfunctions/_lib/handlers');
    const fanOut = () => dispatch(handlers, deps, { functionName: 'subscriptions', event: { action: 'fanOut' }, identity: { openid: null, trigger: 'timer' } });
    const mk = (code: string, key: string) => ({ idempotencyKey: key, project: { code, name: `桓台县某工程${code.slice(-2)}施工`, type: 'construction', owner: '桓台县某局', district: 'huantai' }, stage: 'tender', title: `桓台县某工程${code.slice(-2)}招标公告`, paragraphs: ['详见招标文件。'], opening: { date: '2026-03-10', time: '09:30', room: '开标一室' } });
    const followed = expectOk(await call('clerk', 'trading', 'publishNotice', mk('ZBGGZY-2026-FOL01', 'follow-key-00000001'))).chain;
    const other = expectOk(await call('clerk', 'trading', 'publishNotice', mk('ZBGGZY-2026-FOL02', 'follow-key-00000002'))).chain;
    expect(await fanOut()).toMatchObject({ ok: true });
    now = '2026-03-02T03:00:00Z';
    const mine = expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements', projectId: followed.id } }));
    expect(mine.follows).toEqual([expect.objectContaining({ column: 'announcements', type: '', projectId: followed.id, label: `交易公告·${followed.name}` })]);
    expectOk(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements', projectId: followed.id } }));
    expect(expectOk(await call('owner', 'subscriptions', 'mine', {})).follows).toHaveLength(1);
    expectOk(await call('other', 'subscriptions', 'follow', { topic: { column: 'announcements', projectId: other.id } }));
    // Bad input and authorization.
    expect(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements', projectId: 'no-such-project' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('owner', 'subscriptions', 'follow', { topic: { column: 'catalogue', projectId: followed.id } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '该栏目不支持关注单个项目' } });
    expect(await call('owner', 'subscriptions', 'follow', { topic: { column: 'announcements', projectId: 'a b' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('anonymous', 'subscriptions', 'follow', { topic: { column: 'announcements', projectId: followed.id } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    now = '2026-03-11T02:00:00Z';
    const candidates = expectOk(await call('clerk', 'trading', 'publishNotice', { idempotencyKey: 'follow-key-00000003', project: { projectId: followed.id }, stage: 'candidates', title: '桓台县某工程中标候选人公示', paragraphs: ['第一中标候选人：淄博某建设有限公司。'] })).chain;
    expect(candidates.notices[1].publicity.text).toBe('公示期剩余 3 天，异议截止 2026-03-13');
    expect(candidates.badge.label).toBe('公示中');
    expect(await fanOut()).toMatchObject({ ok: true, data: { events: 1, messages: 1 } });
    const outbox = await deps.store.find<{ recipient: string; page: string; title: string }>('notificationOutbox', { where: { kind: 'publication' }, limit: 100 });
    expect(outbox.map((m) => m.recipient)).toEqual(['local-citizen-a']);
    expect(outbox[0]!.page).toBe(`/packages/trading/chain/index?id=${followed.id}`);
    const messages = expectOk(await call('owner', 'subscriptions', 'messages', {}));
    expect(messages.items.map((m: { body: string }) => m.body)).toContain('桓台县某工程中标候选人公示');
    expect(expectOk(await call('other', 'subscriptions', 'messages', {})).items).toEqual([]);
    // Unfollowing stops it.
    expect(expectOk(await call('owner', 'subscriptions', 'unfollow', { topic: { column: 'announcements', projectId: followed.id } })).follows).toEqual([]);
  });

  it('counts today’s notices, projects by type and district, and 12 months of notices', async () => {
    const { call } = await setup('2026-03-02T02:00:00Z');
    const { projects, notices } = tradingDemo('2026-03-02');
    const stats = expectOk(await call('anonymous', 'trading', 'stats', {}));
    expect(stats).toMatchObject({ today: '2026-03-02', totalProjects: projects.length, includesDemo: true });
    expect(stats.todayNotices).toBe(notices.filter((n) => n.publishedAt === '2026-03-02').length);
    expect(stats.byType.reduce((sum: number, t: { count: number }) => sum + t.count, 0)).toBe(projects.length);
    expect(stats.byDistrict.map((d: { label: string }) => d.label)).toEqual(['市本级', '张店', '淄川', '博山', '周村', '临淄', '桓台', '高青', '沂源']);
    expect(stats.byDistrict.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(projects.length);
    expect(stats.monthly.map((m: { month: string }) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(stats.monthly.reduce((sum: number, m: { count: number }) => sum + m.count, 0)).toBe(notices.filter((n) => n.publishedAt >= '2025-04-01').length);
    expect(await call('anonymous', 'trading', 'stats', { year: 2020 })).toMatchObject({ ok: true });
  });
});
