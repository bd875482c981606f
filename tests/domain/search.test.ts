// Search rules: query parsing, ranking (exact and the Chinese bigram fallback), highlights, snippets.
import { findRanges, makeSnippet, segments, SNIPPET_LENGTH } from '../../src/domain/search/highlight';
import { canFallBack, chineseBigrams, foldText, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery } from '../../src/domain/search/query';
import { bigramThreshold, rankBigrams, rankExact, type SearchCandidate } from '../../src/domain/search/rank';

const doc = (id: string, title: string, text = '', date = '2024-01-01'): SearchCandidate => ({ id, title, text, date });

describe('parseQuery', () => {
  it('splits on whitespace and Chinese or ASCII punctuation, trims and drops duplicates', () => {
    expect(parseQuery('  开标时间，公告  开标时间 ').terms).toEqual(['开标时间', '公告']);
    expect(parseQuery('《政府信息公开条例》第二十条').terms).toEqual(['政府信息公开条例', '第二十条']);
    expect(parseQuery('招标、变更；结果!').terms).toEqual(['招标', '变更', '结果']);
    expect(parseQuery('a+b (c)').terms).toEqual(['a', 'b', 'c']);
  });

  it('folds ASCII case and full-width forms', () => {
    expect(parseQuery('ＺＢＧＧＺＹ　Open').terms).toEqual(['zbggzy', 'open']);
    expect(foldText('ＡＢｃ　D')).toBe('abc d');
    expect(foldText('ＡＢｃ　D')).toHaveLength('ＡＢｃ　D'.length);
  });

  it('orders terms longest first, keeps at most MAX_TERMS and cuts the query at MAX_QUERY_LENGTH', () => {
    expect(parseQuery('a bb ccc').terms).toEqual(['ccc', 'bb', 'a']);
    expect(parseQuery('一 二 三 四 五 六 七').terms).toHaveLength(MAX_TERMS);
    const long = '开'.repeat(MAX_QUERY_LENGTH + 10);
    expect(parseQuery(long).terms).toEqual(['开'.repeat(MAX_QUERY_LENGTH)]);
  });

  it('is empty when only punctuation is left', () => {
    expect(parseQuery(' ，。！ ... ').terms).toEqual([]);
  });

  it('makes bigrams of consecutive Chinese characters only', () => {
    expect(chineseBigrams(['开标时间'])).toEqual(['开标', '标时', '时间']);
    expect(chineseBigrams(['2024年度报告'])).toEqual(['年度', '度报', '报告']);
    expect(canFallBack(parseQuery('开标时间'))).toBe(true);
    expect(canFallBack(parseQuery('开标'))).toBe(false);
    expect(canFallBack(parseQuery('open day'))).toBe(false);
  });
});

describe('rankExact', () => {
  it('puts documents with every term before those with some', () => {
    const docs = [doc('some', '开标通知'), doc('all', '开标时间调整', '关于公告的说明')];
    expect(rankExact(docs, parseQuery('开标 公告')).map((r) => r.doc.id)).toEqual(['all', 'some']);
  });

  it('weighs title hits above body hits', () => {
    const docs = [doc('body', '通知', '开标 开标 开标'), doc('title', '开标通知', '无')];
    expect(rankExact(docs, parseQuery('开标')).map((r) => r.doc.id)).toEqual(['title', 'body']);
  });

  it('breaks ties by occurrences, then by the newer date', () => {
    const docs = [doc('old', '开标', '', '2023-01-01'), doc('more', '开标', '开标', '2022-01-01'), doc('new', '开标', '', '2024-06-01')];
    expect(rankExact(docs, parseQuery('开标')).map((r) => r.doc.id)).toEqual(['more', 'new', 'old']);
  });

  it('leaves out documents holding no term and is case-insensitive for ASCII', () => {
    const docs = [doc('a', 'Open Day 开放日'), doc('b', '其他')];
    const ranked = rankExact(docs, parseQuery('OPEN'));
    expect(ranked.map((r) => r.doc.id)).toEqual(['a']);
    expect(ranked[0]!.titleHighlights).toEqual([{ start: 0, end: 4 }]);
  });
});

describe('rankBigrams (Chinese fallback)', () => {
  it('finds 开标的时间 for 开标时间, ranked by overlap', () => {
    const query = parseQuery('开标时间');
    const docs = [doc('near', '开标的时间安排'), doc('weak', '开标须知'), doc('none', '合同公示'), doc('title-less', '通知', '关于开标的时间')];
    expect(rankExact(docs, query)).toEqual([]);
    const ranked = rankBigrams(docs, query);
    expect(ranked.map((r) => r.doc.id)).toEqual(['near', 'title-less']);
    expect(ranked[0]!.mode).toBe('bigram');
    expect(ranked[0]!.matched).toBe(2);
    expect(ranked[0]!.titleHighlights).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });

  it('needs half of the bigrams (all when there are one or two)', () => {
    expect([1, 2, 3, 4, 5].map(bigramThreshold)).toEqual([1, 2, 2, 2, 3]);
  });
});

describe('highlights and snippets', () => {
  it('merges overlapping and touching ranges', () => {
    expect(findRanges('开标时间开标', ['开标', '标时', '时间'])).toEqual([{ start: 0, end: 6 }]);
    expect(findRanges('aXa', ['x'])).toEqual([{ start: 1, end: 2 }]);
  });

  it('cuts about 80 characters around the first hit, marks the cuts and shifts the ranges', () => {
    const text = `${'甲'.repeat(100)}开标时间${'乙'.repeat(100)}`;
    const { snippet, highlights } = makeSnippet(text, ['开标时间']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBe(SNIPPET_LENGTH + 2);
    expect(highlights).toHaveLength(1);
    const [hit] = highlights;
    expect(snippet.slice(hit!.start, hit!.end)).toBe('开标时间');
    expect(hit!.start).toBe(21); // '…' + 20 characters of lead
  });

  it('starts at the beginning when there is no hit or it is early, and shows line breaks as spaces', () => {
    expect(makeSnippet('第一段\n开标时间', ['开标'])).toEqual({ snippet: '第一段 开标时间', highlights: [{ start: 4, end: 6 }] });
    expect(makeSnippet('短文', ['无'])).toEqual({ snippet: '短文', highlights: [] });
  });

  it('never cuts a surrogate pair', () => {
    const text = `${'𠀀'.repeat(60)}开标`;
    const { snippet } = makeSnippet(text, ['开标']);
    expect(snippet).not.toMatch(/^…[\udc00-\udfff]/);
    expect(snippet).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it('splits text into plain and highlighted segments', () => {
    expect(segments('关于开标时间', [{ start: 2, end: 4 }])).toEqual([
      { text: '关于', hit: false },
      { text: '开标', hit: true },
      { text: '时间', hit: false },
    ]);
  });
});
