/** How many author colours there are (`.tone-0` … `.tone-7` in the renderer's tone.css). */
export const TONES = 8;

/** FNV-1a over a string's code points: stable across devices, and spread out. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A person's own colour, from their key (not their name, which they may change). */
export function toneOf(person: string): number {
  return fnv1a(person) % TONES;
}

/**
 * The colours of one group's authors: each person their own colour, or, when someone before
 * them has it, the next one free, while colours are left (the ninth person and later keep
 * their own). Eight colours drawn at random would give two of five people the same colour
 * four times in five.
 *
 * `people` is everyone the group ever admitted, in the order its membership log admitted
 * them, which every member's log agrees on: so everyone sees the same colours, and someone
 * joining or leaving changes nobody else's.
 */
export function groupTones(people: Iterable<string>): Map<string, number> {
  const tones = new Map<string, number>();
  const taken = new Set<number>();
  for (const person of people) {
    let tone = toneOf(person);
    if (taken.size < TONES) while (taken.has(tone)) tone = (tone + 1) % TONES;
    tones.set(person, tone);
    taken.add(tone);
  }
  return tones;
}
