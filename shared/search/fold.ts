/**
 * How search compares text: case, compatibility forms (full-width letters, ligatures such as
 * "ĳ") and Latin, Greek and Cyrillic diacritics are folded away, so "cafe" finds "Café" and
 * "een" finds "één". Nothing else changes: CJK, kana voicing marks and other scripts' signs
 * stay as they are. Matching is a plain substring test on folded text (no word segmentation),
 * which is what lets "周末" find "我们这个周末去爬山".
 */

// Every code point in 0–0x7f: folding is just lower-casing, and keeps every offset.
// eslint-disable-next-line no-control-regex -- the whole ASCII range, on purpose
const ASCII = /^[\u0000-\u007f]*$/;
/** Combining diacritical marks (accents, umlauts, cedillas) after canonical decomposition. */
const DIACRITICS = /[\u0300-\u036f]/g;
/** A base character with the marks that follow it, or marks with no base. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const SPACE = /\s+/u;

/** Folds text for comparison (see the file comment). Queries and messages go through this. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .normalize('NFKC');
}

/**
 * Folded text with, for each of its code units, the range of `text` it came from: what turns
 * a match in folded text into a highlight in the original. Folded one cluster (a character
 * and its marks) at a time, which equals `fold(text)` except where normalisation composes
 * across clusters (text typed as loose Hangul jamo, say); a highlight there is simply missed.
 */
export function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  const whole = fold(text);
  // Most text folds to itself or changes only case in ASCII: every offset stays.
  if (whole === text || ASCII.test(text)) {
    const offsets = Array.from({ length: text.length }, (_, i) => i);
    return { folded: whole, from: offsets, to: offsets.map((i) => i + 1) };
  }
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const match of text.matchAll(CLUSTER)) {
    const part = foldCluster(match[0]);
    const end = match.index + match[0].length;
    for (let i = 0; i < part.length; i++) {
      from.push(match.index);
      to.push(end);
    }
    folded += part;
  }
  return { folded, from, to };
}

// Clusters repeat (a CJK text has a few hundred distinct characters): remember their folds.
const clusters = new Map<string, string>();
const CLUSTER_CACHE = 4096;

function foldCluster(cluster: string): string {
  let folded = clusters.get(cluster);
  if (folded === undefined) {
    if (clusters.size >= CLUSTER_CACHE) clusters.clear();
    folded = fold(cluster);
    clusters.set(cluster, folded);
  }
  return folded;
}

/** The words of a query, folded: each must occur in a message for it to match. */
export function queryTerms(query: string): string[] {
  const terms = fold(query)
    .split(SPACE)
    .filter((term) => term !== '');
  return [...new Set(terms)];
}
