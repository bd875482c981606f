// The `search` function through the real router over the seeded store: Chinese text, ranking and
// highlights, the bigram fallback, filters, paging and the candidate bound, bad input, and the
// publishing hook (a withdrawn document disappears, a newly published one appears).
import { PUBLICATION_COLLECTIONS, searchEntryFor, type PublishedItem } from '../../cloudfunctions/_lib/publication';
import { MAX_CANDIDATES } from '../../cloudfunctions/_lib/handlers/search';
import { caller, expectOk } from '../support/call';
import { testDeps } from '../support/seeded-store';
import { keepDocumentsAndNoticesOnly } from '../support/search-corpus';

interface Range {
  start: number;
  end: number;
}
interface Result {
  kind: string;
  kindLabel: string;
  column: string;
  columnLabel: string;
  type: string;
  title: string;
  titleHighlights: Range[];
  snippet: string;
  snippetHighlights: Range[];
  date: string;
  route: string;
  demo: boolean;
}
interface Answer {
  total: number;
  page: number;
  matchMode: 'exact' | 'bigram' | 'none';
  terms: string[];
  results: Result[];
  facets: Array<{ column: string; columnLabel: string; count: number }>;
  truncated: boolean;
}

async function setup() {
  const deps = await testDeps();
  deps.clock = { now: () => new Date('2026-03-02T02:00:00Z') };
  await keepDocumentsAndNoticesOnly(deps.store);
  const call = caller(deps);
  const search = async (input: Record<string, unknown>): Promise<Answer> => expectOk<Answer>(await call('anonymous', 'search', 'query', input));
  return { deps, call, search };
}

const marked = (text: string, ranges: Range[]) => ranges.map((r) => text.slice(r.start, r.end));

function item(id: string, title: string, text: string, date = '2025-06-01', extra: Partial<PublishedItem> = {}): PublishedItem {
  return { kind: 'guide', id, column: 'guides', type: 'construction', title, text, date, route: `/packages/guides/detail/index?id=${id}`, ...extra };
}

describe('search.query', () => {
  it('finds Chinese text in titles and bodies, title hits first, with highlights (public: no sign-in)', async () => {
    const { search } = await setup();
    const answer = await search({ q: '现场管理' });
    expect(answer.matchMode).toBe('exact');
    expect(answer.total).toBeGreaterThan(0);
    const [first] = answer.results;
    expect(first).toMatchObject({ kind: 'document', kindLabel: '公开文件', column: 'catalogue', columnLabel: '公开目录', demo: true });
    expect(first!.route).toMatch(/^\/packages\/catalogue\/detail\/index\?id=demo-gzzd-/);
    expect(marked(first!.title, first!.titleHighlights)).toEqual(['现场管理']);
    for (const result of answer.results) expect(`${result.title}${result.snippet}`).toContain('现场管理');
    expect(answer.facets).toEqual([{ column: 'catalogue', columnLabel: '公开目录', count: answer.total }]);
  });

  it('searches 交易公告 bodies and shows the hit in the snippet', async () => {
    const { search } = await setup();
    const answer = await search({ q: '开标地点', column: 'announcements' });
    expect(answer.total).toBeGreaterThan(0);
    for (const result of answer.results) {
      expect(result).toMatchObject({ kind: 'notice', kindLabel: '交易公告', column: 'announcements' });
      expect(result.route).toMatch(/^\/packages\/trading\/chain\/index\?id=/);
      expect(marked(result.snippet, result.snippetHighlights)).toContain('开标地点');
      expect(result.snippet.length).toBeLessThanOrEqual(82);
    }
  });

  it('ranks documents with every term first and splits on punctuation', async () => {
    const { deps, search } = await setup();
    await deps.store.insert(PUBLICATION_COLLECTIONS.searchIndex, searchEntryFor(item('g1', '投标保证金退还指南', '办理投标保证金退还的流程')));
    await deps.store.insert(PUBLICATION_COLLECTIONS.searchIndex, searchEntryFor(item('g2', '保证金缴纳说明', '关于保证金')));
    const answer = await search({ q: '投标，保证金' });
    expect(answer.terms).toEqual(['保证金', '投标']);
    expect(answer.results.slice(0, 2).map((r) => r.title)).toEqual(['投标保证金退还指南', '保证金缴纳说明']);
    expect(marked(answer.results[0]!.title, answer.results[0]!.titleHighlights)).toEqual(['投标保证金']);
  });

  it('falls back to shared bigrams for a Chinese query no document holds exactly', async () => {
    const { deps, search } = await setup();
    await deps.store.insert(PUBLICATION_COLLECTIONS.searchIndex, searchEntryFor(item('g3', '夜间的开标服务窗口', '夜间开放')));
    const answer = await search({ q: '夜间开标窗口' });
    expect(answer.matchMode).toBe('bigram');
    expect(answer.results[0]).toMatchObject({ title: '夜间的开标服务窗口', kind: 'guide', kindLabel: '办事指南', columnLabel: '办事指南' });
    expect(marked(answer.results[0]!.title, answer.results[0]!.titleHighlights)).toEqual(['夜间', '开标', '窗口']);
    expect(await search({ q: '完全无关的词语' })).toMatchObject({ total: 0, matchMode: 'none', results: [] });
  });

  it('takes regex and LIKE metacharacters literally and ignores ASCII case', async () => {
    const { deps, search } = await setup();
    await deps.store.insert(PUBLICATION_COLLECTIONS.searchIndex, searchEntryFor(item('g4', 'CA数字证书办理指南', '证书编号 100%_ok')));
    expect((await search({ q: 'ca证书' })).total).toBe(0); // 'ca证书' is not a substring
    expect((await search({ q: 'ca数字证书' })).results[0]?.title).toBe('CA数字证书办理指南');
    // Punctuation separates terms; the document holding both comes first.
    const split = await search({ q: '100%_ok' });
    expect(split.terms).toEqual(['100', 'ok']);
    expect(split.results[0]?.title).toBe('CA数字证书办理指南');
    expect((await search({ q: '(CA)' })).results.map((r) => r.title)).toEqual(['CA数字证书办理指南']);
  });

  it('filters by column, type and date range', async () => {
    const { search } = await setup();
    const all = await search({ q: '公告' });
    expect(all.facets.map((f) => f.column).sort()).toEqual(['announcements', 'catalogue']);
    const procurement = await search({ q: '公告', column: 'announcements', type: 'procurement' });
    expect(procurement.total).toBeGreaterThan(0);
    expect(procurement.results.every((r) => r.column === 'announcements' && r.type === 'procurement')).toBe(true);
    const ranged = await search({ q: '公开', from: '2024-01-01', to: '2024-06-30' });
    expect(ranged.total).toBeGreaterThan(0);
    expect(ranged.results.every((r) => r.date >= '2024-01-01' && r.date <= '2024-06-30')).toBe(true);
    const everything = await search({ q: '公开' });
    expect(everything.total).toBeGreaterThan(ranged.total);
  });

  it('pages ten at a time without repeats', async () => {
    const { search } = await setup();
    const first = await search({ q: '演示' });
    const second = await search({ q: '演示', page: 2 });
    expect(first.results).toHaveLength(10);
    expect(second.page).toBe(2);
    expect(second.total).toBe(first.total);
    const ids = new Set([...first.results, ...second.results].map((r) => r.route + r.title + r.date));
    expect(ids.size).toBe(first.results.length + second.results.length);
  });

  it(`ranks at most ${MAX_CANDIDATES} candidates and says so`, async () => {
    const { deps, search } = await setup();
    await deps.store.transaction(async (tx) => {
      for (let i = 0; i < MAX_CANDIDATES + 20; i++) await tx.insert(PUBLICATION_COLLECTIONS.searchIndex, searchEntryFor(item(`bulk${i}`, `批量测试条目${i}`, '正文')));
    });
    const answer = await search({ q: '批量测试' });
    expect(answer.total).toBe(MAX_CANDIDATES);
    expect(answer.truncated).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty query', { q: '' }, '请输入搜索关键词'],
    ['a blank query', { q: '   ' }, '请输入搜索关键词'],
    ['a query over 40 characters', { q: '开'.repeat(41) }, '搜索关键词不能超过 40 个字'],
    ['punctuation only', { q: '，。！' }, '请输入有效的搜索关键词'],
    ['a start date after the end date', { q: '公告', from: '2025-02-01', to: '2025-01-01' }, '开始日期不能晚于结束日期'],
    ['a malformed date', { q: '公告', from: '2025/01/01' }, '日期格式应为 YYYY-MM-DD'],
    ['a bad column', { q: '公告', column: 'a b' }, '栏目不正确'],
    ['page 0', { q: '公告', page: 0 }, '页码至少为 1'],
  ])('refuses %s with a Chinese message', async (_label, input, message) => {
    const { call } = await setup();
    const answer = await call('anonymous', 'search', 'query', input);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(answer.error)).toContain(message);
  });

  it('finds a document as soon as it is published and not after it is withdrawn', async () => {
    const { call, search } = await setup();
    const draft = {
      categoryId: 'gzzd',
      title: '淄博市公共资源交易中心远程异地评标管理办法',
      docNo: '淄公管字〔2026〕5号',
      subject: '公共资源交易',
      attribute: '主动公开',
      timeLimit: 'general',
      formedOn: '2026-02-10',
      paragraphs: ['第一条 为规范远程异地评标活动，制定本办法。'],
    };
    let doc = expectOk(await call('clerk', 'catalogue', 'saveDocument', draft));
    expect((await search({ q: '远程异地评标' })).total).toBe(0);
    doc = expectOk(await call('clerk', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'submit' } }));
    expect((await search({ q: '远程异地评标' })).total).toBe(0); // not while in review
    doc = expectOk(await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'approve', confirmNoSecrets: true } }));
    const found = await search({ q: '远程异地评标' });
    expect(found.results).toHaveLength(1);
    expect(found.results[0]).toMatchObject({ kind: 'document', title: draft.title, date: '2026-03-02', demo: false, route: `/packages/catalogue/detail/index?id=${doc.id}` });
    expect(marked(found.results[0]!.title, found.results[0]!.titleHighlights)).toEqual(['远程异地评标']);
    expect(marked(found.results[0]!.snippet, found.results[0]!.snippetHighlights)).toEqual(['远程异地评标']);
    expect((await search({ q: '淄公管字〔2026〕5号' })).results[0]?.title).toBe(draft.title);
    await call('reviewer', 'catalogue', 'publishing', { id: doc.id, expectedVersion: doc.version, command: { type: 'withdraw', reason: '内容需更新' } });
    expect((await search({ q: '远程异地评标' })).total).toBe(0);
  });
});

describe('search across every column', () => {
  it('finds the seeded guides, parcels, interpretations, meetings, open days and articles too', async () => {
    const deps = await testDeps();
    const call = caller(deps);
    const kindsFor = async (q: string, column: string) => {
      const answer = expectOk<Answer>(await call('anonymous', 'search', 'query', { q, column }));
      return new Set(answer.results.map((r) => r.kind));
    };
    expect(await kindsFor('明白纸', 'guides')).toEqual(new Set(['guide']));
    expect(await kindsFor('解读', 'interpretation')).toEqual(new Set(['interpretation']));
    expect(await kindsFor('办公会', 'meetings')).toEqual(new Set(['meeting']));
    expect(await kindsFor('开放日', 'openDays')).toEqual(new Set(['openDay']));
    expect((await kindsFor('用地', 'land')).has('parcel')).toBe(true);
    expect((await kindsFor('交易', 'articles')).has('article')).toBe(true);
  });
});
