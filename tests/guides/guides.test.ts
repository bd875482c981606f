// 交易操作一点通, 拟出让土地 and the showcase through the real router over a seeded store.
import { createSqliteStore } from '../../cloudfunctions/_lib/adapters/sqlite-store';
import { seedStore } from '../../cloudfunctions/_lib/seed';
import { ensureLocalStaff } from '../../cloudfunctions/_local/personas';
import { guidesDemo, installDemoGuideFiles } from '../../cloudfunctions/_lib/seed/guides-demo';
import { tradingDemo } from '../../cloudfunctions/_lib/seed/trading-demo';
import { PUBLICATION_COLLECTIONS } from '../../cloudfunctions/_lib/publication';
import { TRANSACTION_TYPES } from '../../src/contracts/trading';
import { GUIDE_KINDS } from '../../src/contracts/guides';
import { isInZibo, muFromSquareMetres } from '../../src/domain/guides/land';
import { caller, expectOk } from '../support/call';
import { SEED_REPORT_TEXT, testDeps } from '../support/seeded-store';

const TODAY = '2026-03-02';

async function setup() {
  const deps = await testDeps();
  const store = createSqliteStore(':memory:');
  await seedStore(store, { reportText: SEED_REPORT_TEXT, today: TODAY });
  await ensureLocalStaff(store);
  deps.store = store;
  deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
  await installDemoGuideFiles(deps.files);
  return { deps, call: caller(deps) };
}

const KEY = 'guide-key-000000000001';

function guideInput(overrides: Record<string, unknown> = {}) {
  return {
    type: 'procurement',
    kind: 'plainSheet',
    title: '政府采购供应商进场明白纸',
    summary: '供应商参加政府采购项目，一页看懂。',
    steps: ['办理CA数字证书。', '在系统中下载采购文件。', '按时递交电子投标文件。'],
    materials: ['CA数字证书', '营业执照'],
    contacts: [{ name: '交易服务科', phone: '0533-2270076' }],
    attachments: [],
    ...overrides,
  };
}

describe('demo guides, parcels and showcase', () => {
  const { projects } = tradingDemo(TODAY);
  const demo = guidesDemo(TODAY, projects);

  it('has each guide kind for each transaction type, every one with steps and a text attachment', () => {
    for (const type of TRANSACTION_TYPES) {
      for (const kind of GUIDE_KINDS) expect(demo.guides.filter((g) => g.type === type.key && g.kind === kind.key)).toHaveLength(1);
    }
    expect(demo.guides.every((g) => g.demo && g.steps.length >= 3 && g.attachments.length === 1)).toBe(true);
    expect(guidesDemo(TODAY, projects)).toEqual(demo);
  });

  it('places parcels in Zibo with 亩 from m², and links announced ones to a land project', () => {
    expect(demo.parcels.every((p) => p.demo && isInZibo(p) && p.areaMu === muFromSquareMetres(p.areaSqm))).toBe(true);
    const linked = demo.parcels.filter((p) => p.projectId);
    expect(linked.length).toBeGreaterThanOrEqual(2);
    for (const parcel of linked) {
      const project = projects.find((p) => p._id === parcel.projectId)!;
      expect(project.type).toBe('landMining');
      expect(parcel.status).not.toBe('promoting');
    }
    expect(new Set(demo.parcels.map((p) => p.district)).size).toBe(demo.parcels.length);
  });

  it('shows the report’s two innovations as real, and marks the invented ones', () => {
    const real = demo.showcase.filter((c) => !c.demo).map((c) => c.title);
    expect(real).toEqual(['首宗广告位使用权交易', '猕猴桃采摘权交易']);
    expect(demo.showcase.filter((c) => c.demo).every((c) => c.projectId && projects.some((p) => p._id === c.projectId))).toBe(true);
  });
});

describe('guides function: reading', () => {
  it('lists guides by type and kind, most recent first, by keyset without gaps or repeats', async () => {
    const { call } = await setup();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string; updatedOn: string }>; nextCursor: string | null } = expectOk(await call('anonymous', 'guides', 'listGuides', { cursor, limit: 4 }));
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
    const procurement = expectOk(await call('anonymous', 'guides', 'listGuides', { type: 'procurement' }));
    expect(procurement.items.map((g: { kindLabel: string }) => g.kindLabel).sort()).toEqual(['服务指南', '操作手册', '进场交易明白纸'].sort());
    const sheets = expectOk(await call('anonymous', 'guides', 'listGuides', { type: 'landMining', kind: 'plainSheet' }));
    expect(sheets.items).toHaveLength(1);
    expect(sheets.items[0]).toMatchObject({ typeLabel: '土地矿业', kindLabel: '进场交易明白纸', demo: true });
  });

  it('refuses bad input with Chinese messages', async () => {
    const { call } = await setup();
    expect(await call('anonymous', 'guides', 'listGuides', { type: 'lottery' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'type', message: '交易类型不正确' }] } });
    expect(await call('anonymous', 'guides', 'listGuides', { kind: 'poster' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('anonymous', 'guides', 'listGuides', { limit: 500 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('anonymous', 'guides', 'getGuide', { id: '../etc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('anonymous', 'guides', 'getGuide', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('anonymous', 'guides', 'listParcels', { district: '济南市' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('anonymous', 'guides', 'getParcel', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('gives one guide with ordered steps and a download link only for its own attachments', async () => {
    const { call, deps } = await setup();
    const guide = expectOk(await call('anonymous', 'guides', 'getGuide', { id: 'demo-guide-001' }));
    expect(guide.steps.length).toBeGreaterThanOrEqual(4);
    expect(guide.contacts[0].phone).toBe('0533-2270076');
    const attachment = guide.attachments[0];
    const link = expectOk(await call('anonymous', 'guides', 'attachmentUrl', { guideId: guide.id, fileId: attachment.fileId }));
    expect(link.url).toMatch(/^\/local\/files\/[a-f0-9]{32}$/);
    const stored = await deps.files.read(link.url.split('/').pop()!);
    expect(stored!.data.toString('utf8')).toContain('1. ');
    expect(stored!.data.length).toBe(attachment.size);
    // A file of another guide, or any other stored file, is not linked through this guide.
    const other = expectOk(await call('anonymous', 'guides', 'getGuide', { id: 'demo-guide-002' }));
    expect(await call('anonymous', 'guides', 'attachmentUrl', { guideId: guide.id, fileId: other.attachments[0].fileId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists parcels soonest first, filtered by district and status, paged by keyset', async () => {
    const { call } = await setup();
    const first = expectOk(await call('anonymous', 'guides', 'listParcels', { limit: 4 }));
    expect(first.items).toHaveLength(4);
    const rest = expectOk(await call('anonymous', 'guides', 'listParcels', { cursor: first.nextCursor, limit: 20 }));
    const all = [...first.items, ...rest.items];
    expect(rest.nextCursor).toBeNull();
    expect(new Set(all.map((p: { id: string }) => p.id)).size).toBe(9);
    const dates = all.map((p: { plannedDate: string }) => p.plannedDate);
    expect(dates).toEqual([...dates].sort());
    const zhoucun = expectOk(await call('anonymous', 'guides', 'listParcels', { district: '周村区' }));
    expect(zhoucun.items).toHaveLength(1);
    const listed = expectOk(await call('anonymous', 'guides', 'listParcels', { status: 'listed' }));
    expect(listed.items.every((p: { statusLabel: string }) => p.statusLabel === '已挂牌')).toBe(true);
    const parcel = expectOk(await call('anonymous', 'guides', 'getParcel', { id: zhoucun.items[0].id }));
    expect(parcel).toMatchObject({ district: '周村区', use: '工业用地', areaMu: 100.05, contact: { phone: '0533-2270076' } });
    const chain = expectOk(await call('anonymous', 'trading', 'getChain', { projectId: parcel.projectId }));
    expect(chain.typeLabel).toBe('土地矿业');
  });

  it('serves the showcase in order, real cases first', async () => {
    const { call } = await setup();
    const { items } = expectOk(await call('anonymous', 'guides', 'listShowcase', {}));
    expect(items.slice(0, 2).map((c: { title: string; demo: boolean }) => [c.title, c.demo])).toEqual([
      ['首宗广告位使用权交易', false],
      ['猕猴桃采摘权交易', false],
    ]);
    expect(items.length).toBeGreaterThanOrEqual(4);
  });

  it('seeds a search entry for every guide and parcel (announcing nothing)', async () => {
    const { deps } = await setup();
    const guides = await deps.store.find<{ route: string }>(PUBLICATION_COLLECTIONS.searchIndex, { where: { column: 'guides' }, limit: 100 });
    expect(guides).toHaveLength(15);
    expect(guides.every((e) => String(e.route).startsWith('/packages/guides/detail/index?id=demo-guide-'))).toBe(true);
    const parcels = await deps.store.find(PUBLICATION_COLLECTIONS.searchIndex, { where: { column: 'land' }, limit: 100 });
    expect(parcels).toHaveLength(9);
    expect(await deps.store.count(PUBLICATION_COLLECTIONS.events)).toBe(0);
  });
});

describe('guides function: staff saving', () => {
  it('lets only clerks and admins save', async () => {
    const { call } = await setup();
    for (const persona of ['anonymous', 'owner', 'reviewer'] as const) {
      const answer = await call(persona, 'guides', 'saveGuide', { idempotencyKey: KEY, guide: guideInput() });
      expect(answer).toMatchObject({ ok: false, error: { code: persona === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
    }
  });

  it('creates a guide, publishes it (search entry + one event), replays a retried submit, and updates with a version check', async () => {
    const { call, deps } = await setup();
    const created = expectOk(await call('clerk', 'guides', 'saveGuide', { idempotencyKey: KEY, guide: guideInput() }));
    expect(created.replayed).toBe(false);
    expect(created.guide).toMatchObject({ typeLabel: '政府采购', kindLabel: '进场交易明白纸', updatedOn: '2026-03-02', stepCount: 3, demo: false, version: 2 });
    const again = expectOk(await call('clerk', 'guides', 'saveGuide', { idempotencyKey: KEY, guide: guideInput() }));
    expect(again).toMatchObject({ replayed: true, guide: { id: created.guide.id } });
    const entry = await deps.store.get(PUBLICATION_COLLECTIONS.searchIndex, `guide:${created.guide.id}`);
    expect(entry).toMatchObject({ column: 'guides', type: 'procurement', title: '政府采购供应商进场明白纸' });
    expect(await deps.store.count(PUBLICATION_COLLECTIONS.events, { kind: 'guide' })).toBe(1);
    const first = expectOk(await call('anonymous', 'guides', 'listGuides', {})).items[0];
    expect(first.id).toBe(created.guide.id);

    const update = { id: created.guide.id, expectedVersion: created.guide.version, idempotencyKey: 'guide-key-000000000002', guide: guideInput({ title: '政府采购供应商进场明白纸（2026版）' }) };
    const updated = expectOk(await call('admin', 'guides', 'saveGuide', update));
    expect(updated.guide.title).toBe('政府采购供应商进场明白纸（2026版）');
    expect((await deps.store.get<{ title: string }>(PUBLICATION_COLLECTIONS.searchIndex, `guide:${created.guide.id}`))!.title).toBe('政府采购供应商进场明白纸（2026版）');
    expect(await deps.store.count(PUBLICATION_COLLECTIONS.events, { kind: 'guide' })).toBe(1);
    // A stale version is refused; no version at all is a validation error.
    expect(await call('clerk', 'guides', 'saveGuide', { ...update, idempotencyKey: 'guide-key-000000000003' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('clerk', 'guides', 'saveGuide', { id: created.guide.id, idempotencyKey: 'guide-key-000000000004', guide: guideInput() })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('clerk', 'guides', 'saveGuide', { id: 'nope', expectedVersion: 1, idempotencyKey: 'guide-key-000000000005', guide: guideInput() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses bad guides: empty steps, duplicate steps, unknown attachments, bad phone, bad key', async () => {
    const { call, deps } = await setup();
    const save = (guide: Record<string, unknown>, key = KEY) => call('clerk', 'guides', 'saveGuide', { idempotencyKey: key, guide: guideInput(guide) });
    expect(await save({ steps: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'guide.steps', message: '请至少填写一个办理步骤' }] } });
    expect(await save({ steps: ['下载文件。', '下载文件。'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'guide.steps.1' }] } });
    expect(await save({ contacts: [{ name: '科室', phone: 'call me' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'guide.contacts.0.phone', message: '联系电话格式不正确' }] } });
    expect(await save({ attachments: [{ fileId: 'local-file://0123456789abcdef0123456789abcdef', name: '手册.pdf', size: 100, contentType: 'application/pdf' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'guide.attachments.0' }] } });
    expect(await save({}, 'short')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // A file uploaded to storage can be attached, and then downloaded through the guide.
    const file = await deps.files.save(Buffer.from('%PDF-1.4 manual'), { name: '操作手册.pdf', contentType: 'application/pdf' });
    const saved = expectOk(await save({ attachments: [file] }, 'guide-key-000000000009'));
    const link = expectOk(await call('anonymous', 'guides', 'attachmentUrl', { guideId: saved.guide.id, fileId: file.fileId }));
    expect(link.url).toMatch(/^\/local\/files\//);
  });
});
