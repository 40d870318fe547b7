import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOrder, createMessageOrder, type OrderKey } from './order.ts';

const key = (ms: number, depth: number, blob: string): OrderKey => ({
  time: { wall: ms, counter: 0 },
  depth,
  blob,
});

describe('message order', () => {
  it('is the same whatever order messages arrive in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.nat(20),
            fc.nat(5),
            fc.string({
              unit: fc.constantFrom(...'0123456789abcdef'.split('')),
              minLength: 4,
              maxLength: 4,
            }),
          ),
          {
            selector: (t) => t[2],
            maxLength: 60,
          },
        ),
        fc.func(fc.integer()),
        (items, shuffleBy) => {
          const a = createMessageOrder();
          const b = createMessageOrder();
          items.forEach(([ms, depth, blob]) => {
            a.insert(`m-${blob}`, key(ms, depth, blob));
          });
          [...items]
            .sort((x, y) => shuffleBy(x) - shuffleBy(y))
            .forEach(([ms, depth, blob]) => {
              b.insert(`m-${blob}`, key(ms, depth, blob));
            });
          expect(b.slice(0, b.size())).toEqual(a.slice(0, a.size()));
          const sorted = a.slice(0, a.size()).map((id) => a.keyOf(id)!);
          for (let i = 1; i < sorted.length; i++)
            expect(compareOrder(sorted[i - 1]!, sorted[i]!)).toBeLessThan(0);
        },
      ),
    );
  });

  it('puts a reply after what it answers even at the same time, by causal depth', () => {
    const order = createMessageOrder();
    order.insert('reply', key(100, 2, '00'));
    order.insert('question', key(100, 1, 'ff'));
    expect(order.slice(0, 2)).toEqual(['question', 'reply']);
  });

  it('finds positions and counts what comes after a read marker', () => {
    const order = createMessageOrder();
    ['a', 'b', 'c', 'd'].forEach((id, i) => {
      order.insert(id, key(i, 0, id));
    });
    expect(order.indexOf('c')).toBe(2);
    expect(order.indexOf('zz')).toBe(-1);
    expect(order.countAfter(order.keyOf('b')!, () => true)).toBe(2);
    expect(order.countAfter(null, (id) => id !== 'a')).toBe(3);
    order.insert('a', key(99, 0, 'a'));
    expect(order.size()).toBe(4);
  });
});
