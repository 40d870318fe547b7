/** How many author colours there are (`.tone-0` … `.tone-7` in tone.css). */
export const TONES = 8;

/**
 * An author's colour, from their person key (not their name, which they may change): FNV-1a
 * folded onto a small palette chosen to read well on light and dark backgrounds.
 */
export function toneOf(person: string): number {
  return fnv1a(person) % TONES;
}

/** FNV-1a over a string's code points: stable across devices, and spread out. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
