// The index must say exactly what a naive scan over the same messages says, whatever order
// messages arrive in, however edits and deletes are batched, and whether it was built before
// or after them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageText } from '../repo/handle.ts';
import { fold, queryTerms } from './fold.ts';
import { createGroupIndex } from './group-index.ts';
import { fakeSource } from './testing.ts';

const PEOPLE = { p1: 'Ada', p2: 'Bö', p3: '周' };
// Few letters, so queries often match: Latin with and without accents, Chinese, spaces.
const letter = fc.constantFrom('a', 'b', 'A', 'á', 'e', 'é', 'E', 'ĳ', 'ij', '周', '末', '山', ' ');
const text = fc.array(letter, { minLength: 1, maxLength: 12 }).map((l) => l.join(''));
const query = fc.array(letter, { minLength: 0, maxLength: 5 }).map((l) => l.join(''));

type Op =
  | { kind: 'add'; position: number; person: keyof typeof PEOPLE; text: string }
  | { kind: 'edit' | 'delete'; pick: number; text: string }
  | { kind: 'flush' }
  | { kind: 'search'; query: string; limit: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      position: fc.integer({ min: 0, max: 50 }),
      person: fc.constantFrom('p1' as const, 'p2' as const, 'p3' as const),
      text,
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('edit' as const, 'delete' as const),
      pick: fc.nat(),
      text,
    }),
    weight: 2,
  },
  { arbitrary: fc.constant({ kind: 'flush' as const }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('search' as const),
      query,
      limit: fc.integer({ min: 1, max: 8 }),
    }),
    weight: 2,
  },
);

/** What the index must answer: every live message with all terms, newest first. */
function naive(messages: MessageText[], terms: string[], limit: number) {
  if (terms.length === 0) return { ids: [], more: false };
  const matching = messages
    .filter((m) => !m.deleted)
    .filter((m) => terms.every((t) => fold(m.text).includes(t) || fold(m.name).includes(t)))
    .reverse()
    .map((m) => m.id);
  return { ids: matching.slice(0, limit), more: matching.length > limit };
}

describe('the search index, against a naive scan', () => {
  it('agrees after any adds, edits, deletes and searches', () => {
    fc.assert(
      fc.property(
        fc.record({ blockSize: fc.integer({ min: 1, max: 6 }), rebuildAfter: fc.nat({ max: 8 }) }),
        fc.array(op, { maxLength: 80 }),
        fc.array(query, { minLength: 3, maxLength: 3 }),
        (sizes, ops, finalQueries) => {
          const source = fakeSource(PEOPLE);
          const index = createGroupIndex(source, sizes);
          const live: string[] = [];
          let n = 0;
          const check = (q: string, limit: number) => {
            const terms = queryTerms(q);
            const found = index.search(terms, limit);
            expect({ ids: found.hits.map((h) => h.messageId), more: found.more }).toEqual(
              naive(source.all(), terms, limit),
            );
          };
          for (const o of ops) {
            switch (o.kind) {
              case 'add': {
                const id = `${o.person}:${++n}`;
                source.add({ id, position: o.position, person: o.person, text: o.text });
                live.push(id);
                break;
              }
              case 'edit':
              case 'delete': {
                const id = live[o.pick % Math.max(1, live.length)];
                if (id === undefined) break;
                if (o.kind === 'edit') {
                  source.edit(id, o.text);
                  break;
                }
                source.remove(id);
                live.splice(live.indexOf(id), 1);
                break;
              }
              case 'flush':
                source.flush();
                break;
              case 'search':
                // A search sees what the events announced: flush first, as the engine has.
                source.flush();
                check(o.query, o.limit);
            }
          }
          source.flush();
          for (const q of finalQueries) check(q, 5);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees when started from a sealed copy, with what changed after it was sealed', () => {
    fc.assert(
      fc.property(
        fc.record({ blockSize: fc.integer({ min: 1, max: 6 }), rebuildAfter: fc.nat({ max: 8 }) }),
        fc.array(op, { maxLength: 50 }),
        fc.array(op, { maxLength: 50 }),
        fc.array(query, { minLength: 3, maxLength: 3 }),
        (sizes, before, after, finalQueries) => {
          const source = fakeSource(PEOPLE);
          const live: string[] = [];
          let n = 0;
          const apply = (o: Op, index: ReturnType<typeof createGroupIndex>) => {
            if (o.kind === 'add') {
              const id = `${o.person}:${++n}`;
              source.add({ id, position: o.position, person: o.person, text: o.text });
              live.push(id);
            } else if (o.kind === 'edit' || o.kind === 'delete') {
              const id = live[o.pick % Math.max(1, live.length)];
              if (id === undefined) return;
              if (o.kind === 'edit') source.edit(id, o.text);
              else {
                source.remove(id);
                live.splice(live.indexOf(id), 1);
              }
            } else {
              source.flush();
              if (o.kind === 'search') {
                const terms = queryTerms(o.query);
                const found = index.search(terms, o.limit);
                expect({ ids: found.hits.map((h) => h.messageId), more: found.more }).toEqual(
                  naive(source.all(), terms, o.limit),
                );
              }
            }
          };
          const first = createGroupIndex(source, sizes);
          for (const o of before) apply(o, first);
          source.flush();
          first.build();
          // Sealed (a copy, as JSON), then the group goes on before and after it is built.
          const sealed = JSON.parse(JSON.stringify(first.dump())) as NonNullable<
            ReturnType<typeof first.dump>
          >;
          first.close();
          const seeded = createGroupIndex(source, {
            ...sizes,
            seed: { ...sealed, since: { added: [], changed: [] } },
          });
          for (const o of after) apply(o, seeded);
          source.flush();
          for (const q of finalQueries) {
            const terms = queryTerms(q);
            const found = seeded.search(terms, 5);
            expect({ ids: found.hits.map((h) => h.messageId), more: found.more }).toEqual(
              naive(source.all(), terms, 5),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
