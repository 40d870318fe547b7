import { describe, expect, it } from 'vitest';
import { createHoldback } from './holdback.ts';

describe('holdback', () => {
  it('releases what waited on a key, once', () => {
    const held = createHoldback<string>();
    held.hold('pos:1:1', 'a', 'A');
    held.hold('pos:1:1', 'b', 'B');
    held.hold('epoch:2', 'c', 'C');
    expect(held.has('a')).toBe(true);
    expect(held.release('pos:1:1').sort()).toEqual(['A', 'B']);
    expect(held.release('pos:1:1')).toEqual([]);
    expect(held.releaseAll('epoch:')).toEqual(['C']);
    expect(held.size()).toBe(0);
  });

  it('is bounded and ignores a blob it already holds', () => {
    const held = createHoldback<number>(2);
    expect(held.hold('k', 'a', 1)).toBe(true);
    expect(held.hold('k', 'a', 1)).toBe(true);
    expect(held.hold('k', 'b', 2)).toBe(true);
    expect(held.hold('k', 'c', 3)).toBe(false);
    expect(held.size()).toBe(2);
  });
});
