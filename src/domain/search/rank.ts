// Ranking of search candidates. Exact mode: documents holding at least one term; all terms beat some,
// then terms found in the title, then occurrences (a title hit counts three times), then the newer
// date. Fallback mode (a Chinese query no document holds exactly): documents sharing enough of the
// query's bigrams, ranked by that overlap. Pure: no Taro, no I/O.
import { countOccurrences, findRanges, makeSnippet, type HighlightRange } from './highlight';
import { foldText, type ParsedQuery } from './query';

export interface SearchCandidate {
  id: string;
  title: string;
  text: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

export interface RankedResult<T extends SearchCandidate> {
  doc: T;
  mode: 'exact' | 'bigram';
  /** Terms (exact) or bigrams (fallback) the document holds. */
  matched: number;
  titleHighlights: HighlightRange[];
  snippet: string;
  snippetHighlights: HighlightRange[];
}

/** A title occurrence weighs this many body occurrences. */
export const TITLE_WEIGHT = 3;

interface Score {
  matched: number;
  inTitle: number;
  weight: number;
}

function score(title: string, text: string, needles: string[]): Score {
  let matched = 0;
  let inTitle = 0;
  let weight = 0;
  for (const needle of needles) {
    const t = countOccurrences(title, needle);
    const x = countOccurrences(text, needle);
    if (t + x > 0) matched += 1;
    if (t > 0) inTitle += 1;
    weight += t * TITLE_WEIGHT + x;
  }
  return { matched, inTitle, weight };
}

/** Fewest bigrams a document must share with the query in the fallback. */
export function bigramThreshold(count: number): number {
  return count <= 2 ? count : Math.ceil(count / 2);
}

function rankWith<T extends SearchCandidate>(docs: T[], needles: string[], mode: RankedResult<T>['mode'], minMatched: number): Array<RankedResult<T>> {
  const scored = docs
    .map((doc) => ({ doc, score: score(foldText(doc.title), foldText(doc.text), needles) }))
    .filter((entry) => entry.score.matched >= minMatched);
  scored.sort(
    (a, b) =>
      b.score.matched - a.score.matched ||
      b.score.inTitle - a.score.inTitle ||
      b.score.weight - a.score.weight ||
      b.doc.date.localeCompare(a.doc.date) ||
      (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0),
  );
  return scored.map(({ doc, score: s }) => {
    const { snippet, highlights } = makeSnippet(doc.text, needles);
    return { doc, mode, matched: s.matched, titleHighlights: findRanges(doc.title, needles), snippet, snippetHighlights: highlights };
  });
}

/** Exact ranking: every candidate holding at least one term, best first. */
export function rankExact<T extends SearchCandidate>(docs: T[], query: ParsedQuery): Array<RankedResult<T>> {
  return rankWith(docs, query.terms, 'exact', 1);
}

/** Bigram fallback: candidates sharing at least `bigramThreshold` of the query's bigrams, by overlap. */
export function rankBigrams<T extends SearchCandidate>(docs: T[], query: ParsedQuery): Array<RankedResult<T>> {
  if (query.bigrams.length === 0) return [];
  return rankWith(docs, query.bigrams, 'bigram', bigramThreshold(query.bigrams.length));
}
