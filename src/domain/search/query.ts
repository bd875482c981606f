// Search queries: folding (case, full-width forms) and splitting into terms, plus the Chinese bigrams
// used when no document holds a term exactly. Pure: no Taro, no I/O.

/** Longest query the search accepts (characters); longer input is cut. */
export const MAX_QUERY_LENGTH = 40;
/** At most this many distinct terms are used, longest first. */
export const MAX_TERMS = 5;

// Whitespace and punctuation of ASCII, General Punctuation, CJK Symbols and Punctuation (、。《》「」…),
// vertical and small forms, and the full-width block (，！：（）…).
const SEPARATORS = /[\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u23ff\u2500-\u27bf\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Folds text for matching without changing its length (so positions found in the folded text are
 * positions in the original): full-width ASCII to half-width, ideographic space to space, A–Z to a–z.
 */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    else if (code === 0x3000) code = 0x20;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    out += String.fromCharCode(code);
  }
  return out;
}

export function isCjk(char: string): boolean {
  return CJK.test(char);
}

export interface ParsedQuery {
  /** Distinct folded terms, longest first (ties: in the order typed). */
  terms: string[];
  /** The Chinese bigrams of the terms (runs of two or more Chinese characters), for the fallback. */
  bigrams: string[];
}

/** Splits a query on whitespace and punctuation; empty when nothing searchable is left. */
export function parseQuery(raw: string): ParsedQuery {
  const folded = foldText(raw.trim().slice(0, MAX_QUERY_LENGTH));
  const seen = new Set<string>();
  const typed: string[] = [];
  for (const part of folded.split(SEPARATORS)) {
    const term = part.trim();
    if (term && !seen.has(term)) {
      seen.add(term);
      typed.push(term);
    }
  }
  const terms = typed
    .map((term, order) => ({ term, order }))
    .sort((a, b) => b.term.length - a.term.length || a.order - b.order)
    .slice(0, MAX_TERMS)
    .map((t) => t.term);
  return { terms, bigrams: chineseBigrams(terms) };
}

/** Distinct bigrams of consecutive Chinese characters, in order of first appearance. */
export function chineseBigrams(terms: string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) {
    for (let i = 0; i + 1 < term.length; i++) {
      const pair = term.slice(i, i + 2);
      if (isCjk(pair[0]!) && isCjk(pair[1]!)) out.add(pair);
    }
  }
  return [...out];
}

/**
 * Whether the bigram fallback can find anything the exact terms did not: some term has three or more
 * Chinese characters in a row (a two-character term's only bigram is the term itself).
 */
export function canFallBack(query: ParsedQuery): boolean {
  return query.terms.some((term) => chineseBigrams([term]).length >= 2);
}
