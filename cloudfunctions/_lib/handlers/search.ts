// Handlers of the `search` function. Candidates come from the search index with `$contains` (each
// term, longest first, in the title and then in the body text; the filters in the same where clause),
// at most MAX_CANDIDATES of them, newest first; ranking, highlights and snippets are domain rules
// (src/domain/search). A Chinese query no candidate holds exactly is retried on its bigrams.
import { SEARCH_COLUMNS, SEARCH_KIND_LABELS, SEARCH_PAGE_SIZE } from '../../../src/contracts/search';
import { canFallBack, parseQuery, type ParsedQuery } from '../../../src/domain/search/query';
import { rankBigrams, rankExact, type RankedResult } from '../../../src/domain/search/rank';
import { PUBLICATION_COLLECTIONS, type SearchEntryDoc } from '../publication';
import { MAX_PAGE_SIZE, type DocumentStore, type Filter, type StoredDoc } from '../ports/store';
import { AppError, defineHandlers } from '../router';

/** Candidates ranked per query at most; beyond that the answer says `truncated`. */
export const MAX_CANDIDATES = 500;
/** Bigrams looked up in the fallback at most (each is two bounded reads). */
const MAX_BIGRAM_LOOKUPS = 8;
const SEARCHED_FIELDS = ['title', 'text'] as const;

const COLUMN_LABELS: Record<string, string> = Object.fromEntries(SEARCH_COLUMNS.map((c) => [c.key, c.label]));

type Entry = StoredDoc<SearchEntryDoc>;
type Candidate = Entry & { id: string };

/** Every entry matching `where` and holding one of `needles` in its title or text, up to `max`. */
async function candidates(store: DocumentStore, where: Filter, needles: string[], max: number): Promise<{ docs: Candidate[]; truncated: boolean }> {
  const found = new Map<string, Candidate>();
  for (const needle of needles) {
    for (const field of SEARCHED_FIELDS) {
      for (let skip = 0; ; skip += MAX_PAGE_SIZE) {
        const page = await store.find<SearchEntryDoc>(PUBLICATION_COLLECTIONS.searchIndex, {
          where: { ...where, [field]: { $contains: needle } },
          orderBy: [['date', 'desc']],
          skip,
          limit: MAX_PAGE_SIZE,
        });
        for (const doc of page) {
          if (found.has(doc._id)) continue;
          if (found.size >= max) return { docs: [...found.values()], truncated: true };
          found.set(doc._id, { ...doc, id: doc._id });
        }
        if (page.length < MAX_PAGE_SIZE) break;
      }
    }
  }
  return { docs: [...found.values()], truncated: false };
}

function filterOf(input: { column?: string; type?: string; from?: string; to?: string }): Filter {
  const date = { ...(input.from ? { $gte: input.from } : {}), ...(input.to ? { $lte: input.to } : {}) };
  return {
    ...(input.column ? { column: input.column } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.from || input.to ? { date } : {}),
  };
}

async function search(store: DocumentStore, query: ParsedQuery, where: Filter) {
  const exact = await candidates(store, where, query.terms, MAX_CANDIDATES);
  const ranked = rankExact(exact.docs, query);
  if (ranked.length > 0 || !canFallBack(query)) return { ranked, mode: ranked.length > 0 ? ('exact' as const) : ('none' as const), truncated: exact.truncated };
  const fuzzy = await candidates(store, where, query.bigrams.slice(0, MAX_BIGRAM_LOOKUPS), MAX_CANDIDATES);
  const byOverlap = rankBigrams(fuzzy.docs, query);
  return { ranked: byOverlap, mode: byOverlap.length > 0 ? ('bigram' as const) : ('none' as const), truncated: fuzzy.truncated };
}

function result(r: RankedResult<Candidate>) {
  const doc = r.doc;
  return {
    kind: doc.kind,
    kindLabel: SEARCH_KIND_LABELS[doc.kind] ?? doc.kind,
    column: doc.column,
    columnLabel: COLUMN_LABELS[doc.column] ?? doc.column,
    type: doc.type,
    title: doc.title,
    titleHighlights: r.titleHighlights,
    snippet: r.snippet,
    snippetHighlights: r.snippetHighlights,
    date: doc.date,
    route: doc.route,
    demo: doc.demo,
  };
}

export const searchHandlers = defineHandlers('search', {
  async query(input, { deps }) {
    const query = parseQuery(input.q);
    if (query.terms.length === 0) {
      throw new AppError('VALIDATION_FAILED', '请输入有效的搜索关键词（标点符号不能单独搜索）', [{ path: 'q', message: '请输入有效的搜索关键词' }]);
    }
    const { ranked, mode, truncated } = await search(deps.store, query, filterOf(input));
    const page = input.page ?? 1;
    const counts = new Map<string, number>();
    for (const r of ranked) counts.set(r.doc.column, (counts.get(r.doc.column) ?? 0) + 1);
    return {
      total: ranked.length,
      page,
      pageSize: SEARCH_PAGE_SIZE,
      matchMode: mode,
      terms: mode === 'bigram' ? query.bigrams : query.terms,
      results: ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE).map(result),
      facets: [...counts].map(([column, count]) => ({ column, columnLabel: COLUMN_LABELS[column] ?? column, count })).sort((a, b) => b.count - a.count),
      truncated,
    };
  },
});
