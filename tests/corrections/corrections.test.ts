// 找错, the freshness radar and document metadata through the real router and a seeded store: who
// may see and handle reports, bad input, the daily limit, replays; the radar against a moving clock;
// 索引号 by the configured rule, 有效性 with its replacement, and search by 索引号 and 文号.
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';

async function setup(now = '2026-03-02T02:00:00Z') {
  const deps = await testDeps();
  let current = new Date(now);
  deps.clock = { now: () => current };
  return { deps, call: caller(deps), setNow: (iso: string) => (current = new Date(iso)) };
}

let key = 0;
const nextKey = () => `correction-key-${String(++key).padStart(12, '0')}`;
const report = {
  route: '/packages/catalogue/detail/index?id=doc-1',
  pageTitle: '淄博市公共资源交易中心工作制度',
  quote: '自2023年1月1日起施行',
  problem: '施行日期与正文第十条不一致',
  contact: '13800138000',
};

describe('找错 reports', () => {
  it('is due in 3 working days, visible only to its reporter, and answered by a clerk', async () => {
    const { call } = await setup();
    const first = expectOk(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report }));
    expect(first).toMatchObject({ replayed: false, report: { state: 'pending', stateLabel: '待处理', receivedOn: '2026-03-02', due: '2026-03-05' } });
    expect(JSON.stringify(first)).not.toContain('13800138000');

    expect(expectOk(await call('owner', 'corrections', 'listMine'))).toHaveLength(1);
    expect(expectOk(await call('other', 'corrections', 'listMine'))).toHaveLength(0);
    expect(await call('anonymous', 'corrections', 'listMine')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('owner', 'corrections', 'staffList')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const queue = expectOk(await call('clerk', 'corrections', 'staffList'));
    expect(queue[0]).toMatchObject({ id: first.report.id, contactMasked: '138****8000', overdueWorkingDays: 0 });
    const handleInput = { id: first.report.id, expectedVersion: queue[0].version, outcome: 'corrected', reply: '已将施行日期更正为2023年3月1日' };
    expect(await call('owner', 'corrections', 'handle', handleInput)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('reviewer', 'corrections', 'handle', handleInput)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const handled = expectOk(await call('clerk', 'corrections', 'handle', handleInput));
    expect(handled).toMatchObject({ state: 'corrected', stateLabel: '已更正', handledOn: '2026-03-02', handledBy: '受理员' });
    // Once only, and a stale version is refused.
    expect(await call('clerk', 'corrections', 'handle', { ...handleInput, expectedVersion: handled.version, outcome: 'noChange' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('clerk', 'corrections', 'handle', handleInput)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const mine = expectOk(await call('owner', 'corrections', 'listMine'));
    expect(mine[0]).toMatchObject({ state: 'corrected', reply: '已将施行日期更正为2023年3月1日' });
    expect(expectOk(await call('clerk', 'corrections', 'staffList'))).toHaveLength(0);
    expect(expectOk(await call('clerk', 'corrections', 'staffList', { includeHandled: true }))).toHaveLength(1);
  });

  it('flags a report left past its due date in working days', async () => {
    const { call, setNow } = await setup('2026-02-12T02:00:00Z');
    const r = expectOk(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report }));
    expect(r.report.due).toBe('2026-02-24'); // across the Spring Festival
    setNow('2026-02-26T02:00:00Z');
    expect(expectOk(await call('clerk', 'corrections', 'staffList'))[0]).toMatchObject({ overdueWorkingDays: 2 });
  });

  it('replays a retried submit, refuses bad input and risky text, and limits reports per person and day', async () => {
    const { call, setNow } = await setup();
    const k = nextKey();
    const a = expectOk(await call('owner', 'corrections', 'submit', { idempotencyKey: k, report }));
    const b = expectOk(await call('owner', 'corrections', 'submit', { idempotencyKey: k, report }));
    expect(b).toMatchObject({ replayed: true, report: { id: a.report.id } });
    expect(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report: { ...report, route: 'https://example.com/x' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'report.route' }] } });
    expect(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report: { ...report, problem: '错' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('owner', 'corrections', 'submit', { idempotencyKey: 'short', report })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report: { ...report, problem: '写这个的人去死吧' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'report.problem' }] } });
    expect(await call('anonymous', 'corrections', 'submit', { idempotencyKey: nextKey(), report })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (let i = 0; i < 4; i++) expectOk(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report }));
    expect(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Another person, or the next day, is not limited.
    expectOk(await call('other', 'corrections', 'submit', { idempotencyKey: nextKey(), report }));
    setNow('2026-03-03T02:00:00Z');
    expectOk(await call('owner', 'corrections', 'submit', { idempotencyKey: nextKey(), report }));
  });
});

describe('freshness radar', () => {
  it('is staff only, rates every publishing column by its class, and flags a column made stale by the clock', async () => {
    const { call, setNow, deps } = await setup();
    expect(await call('owner', 'portal', 'freshness')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const profile = expectOk(await call('anonymous', 'portal', 'getProfile'));
    expect(profile.columns.find((c: { key: string }) => c.key === 'announcements')).toMatchObject({ freshness: 'news' });
    // Pin one column's newest entry, so the test does not depend on when the demo data was generated.
    await deps.store.insert('searchIndex', { _id: 'article:fresh-1', kind: 'article', refId: 'fresh-1', column: 'articles', type: '', title: '新推文', text: '', date: '2026-03-01', route: '/packages/articles/detail/index?id=fresh-1', demo: true });
    const radar = expectOk(await call('clerk', 'portal', 'freshness'));
    expect(radar.today).toBe('2026-03-02');
    expect(radar.site).toMatchObject({ state: 'fresh', limitDays: 14 });
    const articles = radar.columns.find((c: { key: string }) => c.key === 'articles');
    expect(articles).toMatchObject({ state: 'fresh', lastUpdate: '2026-03-01', lastTitle: '新推文', due: '2026-03-15', classLabel: '动态/要闻' });
    expect(radar.columns.map((c: { key: string }) => c.key).sort()).toEqual(['announcements', 'articles', 'catalogue', 'guides', 'interpretation', 'land', 'meetings', 'openDays']);

    setNow('2026-03-13T02:00:00Z');
    expect(expectOk(await call('clerk', 'portal', 'freshness')).columns.find((c: { key: string }) => c.key === 'articles')).toMatchObject({ state: 'dueSoon', daysLeft: 2 });
    setNow('2026-04-20T02:00:00Z');
    const later = expectOk(await call('admin', 'portal', 'freshness'));
    expect(later.columns.find((c: { key: string }) => c.key === 'articles')).toMatchObject({ state: 'stale', stateLabel: '已超期' });
    // Stale columns come first.
    expect(later.columns[0].state).toBe('stale');
  });
});

const draft = {
  categoryId: 'gzzd',
  title: '淄博市公共资源交易中心开评标现场管理办法',
  docNo: '淄公管字〔2026〕7号',
  subject: '公共资源交易',
  attribute: '主动公开',
  timeLimit: 'general',
  formedOn: '2026-02-10',
  paragraphs: ['第一条 为规范开评标现场秩序，制定本办法。'],
};

async function publish(call: ReturnType<typeof caller>, input: Record<string, unknown>) {
  let doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', input));
  doc = expectOk(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
  doc = expectOk(await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'approve', confirmNoSecrets: true } }));
  return expectOk(await call('anonymous', 'catalogue', 'getItem', { id: doc.id }));
}

describe('document metadata', () => {
  it('numbers documents by the configured 索引号 rule, one sequence per year and category', async () => {
    const { call } = await setup();
    expect(expectOk(await call('clerk', 'catalogue', 'indexRule'))).toMatchObject({ pattern: '{org}-{year}-{category}-{seq:5}', example: 'ZBGGZY-2026-ZCWJ-00001' });
    const one = await publish(call, draft);
    const two = await publish(call, { ...draft, title: '第二份管理办法文件', docNo: '淄公管字〔2026〕8号' });
    const other = await publish(call, { ...draft, categoryId: 'jggk', title: '机构概况更新说明', docNo: undefined });
    expect([one.indexNo, two.indexNo, other.indexNo]).toEqual(['ZBGGZY-2026-GZZD-00001', 'ZBGGZY-2026-GZZD-00002', 'ZBGGZY-2026-JGGK-00001']);

    expect(await call('clerk', 'catalogue', 'saveIndexRule', { pattern: '{org}-{year}-{seq:4}', org: 'ZB' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('admin', 'catalogue', 'saveIndexRule', { pattern: '{org}-{seq:4}', org: 'ZB' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expectOk(await call('admin', 'catalogue', 'saveIndexRule', { pattern: '{org}-{year}-{seq:4}', org: 'ZB' }));
    expect((await publish(call, { ...draft, title: '按新规则编号的文件' })).indexNo).toBe('ZB-2026-0001');
  });

  it('finds a document by its 索引号 and by its 文号', async () => {
    const { call } = await setup();
    const doc = await publish(call, draft);
    for (const q of [doc.indexNo, '淄公管字〔2026〕7号']) {
      const found = expectOk(await call('anonymous', 'search', 'query', { q }));
      expect(found.results.map((r: { id?: string; refId?: string; route: string }) => r.route)).toContain(`/packages/catalogue/detail/index?id=${doc.id}`);
    }
  });

  it('sets 有效性 with a link to the replacing published document (staff only)', async () => {
    const { call } = await setup();
    const old = await publish(call, draft);
    const replacement = await publish(call, { ...draft, title: '开评标现场管理办法（修订）', docNo: '淄公管字〔2026〕9号' });
    const input = { id: old.id, validity: '已废止', replacedBy: replacement.id };
    expect(await call('owner', 'catalogue', 'setValidity', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('clerk', 'catalogue', 'setValidity', { id: old.id, validity: '已修改' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('clerk', 'catalogue', 'setValidity', { ...input, replacedBy: old.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('clerk', 'catalogue', 'setValidity', { ...input, replacedBy: 'doc-missing' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(expectOk(await call('clerk', 'catalogue', 'setValidity', input))).toMatchObject({ validity: '已废止', replacedBy: replacement.id, replacedByTitle: '开评标现场管理办法（修订）' });
    expect(expectOk(await call('anonymous', 'catalogue', 'getItem', { id: old.id }))).toMatchObject({ validity: '已废止', replacedBy: replacement.id });
    const back = expectOk(await call('clerk', 'catalogue', 'setValidity', { id: old.id, validity: '现行有效' }));
    expect(back.validity).toBe('现行有效');
    expect(back.replacedBy).toBeUndefined();
  });
});
