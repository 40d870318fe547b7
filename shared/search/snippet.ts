import { foldWithMap } from './fold.ts';
import { plainExcerpt } from './plain-excerpt.ts';

/** A stretch of text and where in it the query matched: `[start, end)` code-unit ranges. */
export type Marked = { text: string; marks: [number, number][] };

/** How much of a message a result shows: what comes before the first match, and in all. */
const BEFORE = 40;
const WIDTH = 160;
/** A cut looks this far back for a space, so words are not split. */
const WORD = 12;

/** Where each folded term occurs in `text`, as merged, sorted ranges of the original. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { folded, from, to } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      ranges.push([from[at] ?? 0, to[at + term.length - 1] ?? text.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** True where a cut at `i` would split a surrogate pair. */
function insidePair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff;
}

/** Moves a cut at `i` back to a space within a word's length, and off a surrogate pair. */
function cutAt(text: string, i: number, side: 'start' | 'end'): number {
  const space = text.lastIndexOf(' ', i);
  let at = space >= 0 && space >= i - WORD ? space + (side === 'start' ? 1 : 0) : i;
  while (insidePair(text, at)) at--;
  return at;
}

/**
 * The part of a message a search result shows: as the message reads (without its markdown
 * marks, on one line), around the first match, "…" where it was cut, and every match in it
 * marked for highlighting.
 */
export function snippet(text: string, terms: readonly string[]): Marked {
  const flat = plainExcerpt(text);
  const ranges = matchRanges(flat, terms);
  const first = ranges[0]?.[0] ?? 0;
  const start = first <= BEFORE ? 0 : cutAt(flat, first - BEFORE, 'start');
  const end = start + WIDTH >= flat.length ? flat.length : cutAt(flat, start + WIDTH, 'end');
  const head = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const body = flat.slice(start, end).trimEnd();
  const marks: [number, number][] = [];
  for (const [from, to] of ranges) {
    const a = Math.max(from, start) - start;
    const b = Math.min(to, start + body.length) - start;
    if (b > a) marks.push([a + head.length, b + head.length]);
  }
  return { text: head + body + tail, marks };
}
