import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBucket', () => {
  it('starts full, allows its burst, then refuses', () => {
    const c = clock();
    const bucket = new TokenBucket(3, 1, c.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('refills at its rate, never beyond capacity', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 2, c.now);
    expect(bucket.take(10)).toBe(true);
    c.advance(500);
    expect(bucket.available).toBeCloseTo(1);
    expect(bucket.msUntil(3)).toBeCloseTo(1000);
    c.advance(60_000);
    expect(bucket.available).toBe(10);
  });

  it('takes nothing when it cannot take all', () => {
    const c = clock();
    const bucket = new TokenBucket(100, 1, c.now);
    expect(bucket.take(101)).toBe(false);
    expect(bucket.available).toBe(100);
    expect(bucket.take(60)).toBe(true);
    expect(bucket.take(60)).toBe(false);
    expect(bucket.available).toBe(40);
  });

  it('ignores a clock that goes backwards', () => {
    const c = clock();
    const bucket = new TokenBucket(5, 1, c.now);
    bucket.take(5);
    c.advance(-10_000);
    expect(bucket.available).toBe(0);
  });
});
