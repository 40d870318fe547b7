/** How many author colours there are (`.tone-0` … `.tone-7` in conversation.css). */
export const TONES = 8;

/**
 * An author's colour, from their person key (not their name, which they may change): FNV-1a
 * folded onto a small palette chosen to read well on light and dark backgrounds.
 */
export function toneOf(person: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < person.length; i++) {
    hash ^= person.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % TONES;
}
