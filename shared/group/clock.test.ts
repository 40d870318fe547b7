import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, createClock } from './clock.ts';

describe('hybrid logical clock', () => {
  it('issues strictly increasing times even when the wall clock stalls or goes back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }),
        (walls) => {
          let i = 0;
          const clock = createClock(() => walls[i++ % walls.length] ?? 0);
          let previous = clock.tick();
          for (let n = 1; n < walls.length; n++) {
            const next = clock.tick();
            expect(compareHlc(next, previous)).toBeGreaterThan(0);
            previous = next;
          }
        },
      ),
    );
  });

  it('moves past a remote time it has seen, so replies sort after what they answer', () => {
    const clock = createClock(() => 1000);
    clock.observe({ wall: 1500, counter: 3 });
    expect(compareHlc(clock.tick(), { wall: 1500, counter: 3 })).toBeGreaterThan(0);
  });

  it('refuses to be dragged far into the future, and flags such times', () => {
    const clock = createClock(() => 1000, 60_000);
    expect(clock.observe({ wall: 1000 + 61_000, counter: 0 })).toEqual({ future: true });
    expect(clock.tick().wall).toBe(1000);
    expect(clock.observe({ wall: 1000 + 59_000, counter: 0 })).toEqual({ future: false });
  });
});
