import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupTones, TONES, toneOf } from './tones.ts';

const person = fc.stringMatching(/^[0-9a-f]{64}$/);
const people = fc.uniqueArray(person, { minLength: 1, maxLength: 12 });

describe('toneOf', () => {
  it('is stable for a person key and spreads over the palette', () => {
    expect(toneOf('ab12')).toBe(toneOf('ab12'));
    const seen = new Set(Array.from({ length: 64 }, (_, i) => toneOf(`person-${i}`)));
    expect(seen.size).toBe(TONES);
  });
});

describe('groupTones', () => {
  it('gives up to eight people eight different colours', () => {
    fc.assert(
      fc.property(people, (all) => {
        const tones = groupTones(all);
        const firstEight = all.slice(0, TONES).map((p) => tones.get(p));
        expect(new Set(firstEight).size).toBe(firstEight.length);
        for (const tone of tones.values()) expect(tone >= 0 && tone < TONES).toBe(true);
      }),
    );
  });

  it('changes nobody’s colour when someone joins after them', () => {
    fc.assert(
      fc.property(people, person, (before, newcomer) => {
        fc.pre(!before.includes(newcomer));
        const then = groupTones(before);
        const now = groupTones([...before, newcomer]);
        for (const p of before) expect(now.get(p)).toBe(then.get(p));
      }),
    );
  });

  it('keeps the first person’s own colour, and later ones theirs when it is free', () => {
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    const tones = groupTones([a, b]);
    expect(tones.get(a)).toBe(toneOf(a));
    if (toneOf(b) !== toneOf(a)) expect(tones.get(b)).toBe(toneOf(b));
    else expect(tones.get(b)).toBe((toneOf(a) + 1) % TONES);
  });
});
