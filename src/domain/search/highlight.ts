// Highlight ranges (half-open [start, end) in UTF-16 code units of the original text) and the
// snippet shown under a search result. Pure: no Taro, no I/O.
import { foldText } from './query';

export interface HighlightRange {
  start: number;
  end: number;
}

/** About this many characters of body text are shown per result. */
export const SNIPPET_LENGTH = 80;
/** How much text is kept before the first hit. */
const LEAD = 20;

/** Every occurrence of every needle (folded), sorted, with overlapping or touching ranges merged. */
export function findRanges(text: string, needles: string[]): HighlightRange[] {
  const haystack = foldText(text);
  const ranges: HighlightRange[] = [];
  for (const needle of needles) {
    const folded = foldText(needle);
    if (!folded) continue;
    for (let at = haystack.indexOf(folded); at !== -1; at = haystack.indexOf(folded, at + folded.length)) {
      ranges.push({ start: at, end: at + folded.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Non-overlapping occurrences of a folded needle in a folded haystack. */
export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * About SNIPPET_LENGTH characters of `text` around the first hit (from the start when there is none),
 * with line breaks as spaces, `…` where text was cut, and the hits inside it as ranges of the snippet.
 */
export function makeSnippet(text: string, needles: string[], length = SNIPPET_LENGTH): { snippet: string; highlights: HighlightRange[] } {
  const flat = text.replace(/\s/g, ' ');
  const ranges = findRanges(flat, needles);
  let start = ranges.length > 0 ? Math.max(0, ranges[0]!.start - LEAD) : 0;
  // Use the whole window when the hit is near the end.
  start = Math.max(0, Math.min(start, flat.length - length));
  if (start > 0 && isLowSurrogate(flat.charCodeAt(start))) start -= 1;
  let end = Math.min(flat.length, start + length);
  if (end < flat.length && isHighSurrogate(flat.charCodeAt(end - 1))) end -= 1;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const snippet = `${prefix}${flat.slice(start, end)}${suffix}`;
  const highlights = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start + prefix.length, end: Math.min(r.end, end) - start + prefix.length }));
  return { snippet, highlights };
}

/** Splits text into plain and highlighted segments, for rendering. */
export function segments(text: string, ranges: HighlightRange[]): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(at, Math.min(range.start, text.length));
    const end = Math.max(start, Math.min(range.end, text.length));
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    if (end > start) out.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
