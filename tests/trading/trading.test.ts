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
