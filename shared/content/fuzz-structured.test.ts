import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdates } from './apply.ts';
import { forgeUpdate, json, type ForgedStruct } from './testing/forge.ts';
import { ALICE, BOB, MALLORY, allViews, catchUp, device, must } from './testing/peers.ts';
import { validateUpdate } from './validate.ts';
import { createContentDoc, sendMessage, setReaction } from './writer.ts';

// Byte-level mutation (fuzz.test.ts) mostly yields undecodable bytes. These updates are
// well-formed Yjs built from plausible parts, so they reach the deeper rules.

const alice = device(ALICE);
const mallory = device(MALLORY);
const bob = device(BOB);
const a1 = must(alice, sendMessage(alice.doc, { text: 'Alice here', at: 1 })).id;
must(alice, setReaction(alice.doc, a1, '👍', true, 2));
catchUp(mallory, alice);
const m1 = must(mallory, sendMessage(mallory.doc, { text: 'Mallory here', at: 3 })).id;
must(mallory, setReaction(mallory.doc, a1, '🎉', true, 4));
catchUp(bob, alice);
catchUp(bob, mallory);
const snapshot = Y.encodeStateAsUpdate(bob.doc);

const client = fc.constantFrom(MALLORY, MALLORY, MALLORY, ALICE);
const id = fc.constantFrom(
  Y.createID(ALICE, 0),
  Y.createID(ALICE, 1),
  Y.createID(MALLORY, 0),
  Y.createID(MALLORY, 1),
  Y.createID(MALLORY, 2),
  Y.createID(MALLORY, 3),
  Y.createID(MALLORY, 9),
);
const key = fc.oneof(
  fc.constantFrom(a1, m1, `${MALLORY}:2`, `${MALLORY}:02`, `${ALICE}:2`, `${MALLORY}`, ''),
  fc.constantFrom(
    `${MALLORY}:${a1}:👍`,
    `${MALLORY}:${m1}:🎉`,
    `${ALICE}:${a1}:👍`,
    `${MALLORY}:${a1}: `,
  ),
);
const value = fc.constantFrom<unknown>(
  { text: 'x', at: 5 },
  { text: 'x', at: 5, replyTo: a1 },
  { text: '', at: 5 },
  { at: 5 },
  { on: true, at: 5 },
  { on: false, at: 5 },
  { text: 'x', at: 5, extra: 1 },
  'text',
  null,
);
const content = fc.oneof(
  { arbitrary: value.map(json), weight: 6 },
  { arbitrary: fc.constant(new Y.ContentDeleted(1)), weight: 1 },
  { arbitrary: fc.constant(new Y.ContentString('hi')), weight: 1 },
);
const struct: fc.Arbitrary<ForgedStruct> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        kind: fc.constant('item' as const),
        origin: id,
        rightOrigin: id,
        parent: fc.constantFrom<string | Y.ID>(
          'messages',
          'edits',
          'deletes',
          'reactions',
          'x',
          Y.createID(ALICE, 0),
        ),
        key,
        content,
      },
      { requiredKeys: ['kind', 'parent', 'key', 'content'] },
    ),
    weight: 10,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('gc' as const, 'skip' as const),
      length: fc.integer({ min: 1, max: 2 }),
    }),
    weight: 1,
  },
);
const deletes = fc.array(
  fc.record({
    client,
    ranges: fc.array(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 2 })), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  { maxLength: 2 },
);

describe('validateUpdate on well-formed forgeries', () => {
  it('accepts only updates that touch nothing but the author’s own items', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        client,
        fc.integer({ min: 1, max: 3 }),
        fc.array(struct, { minLength: 0, maxLength: 3 }),
        deletes,
        (author, clock, structs, ds) => {
          const update = forgeUpdate(
            structs.length > 0 ? [{ client: author, clock, structs }] : [],
            ds,
          );
          const verdict = validateUpdate(bob.doc, update, MALLORY);
          if (!verdict.ok) return;
          accepted += 1;
          const doc = createContentDoc(BOB);
          Y.applyUpdate(doc, snapshot);
          const aliceBefore = allViews(doc).filter((v) => v.author === ALICE);
          expect(applyUpdates(doc, [update], BOB)).toEqual({ ok: true });
          const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
          expect(sv.get(ALICE)).toBe(2);
          const deleted = Y.createDeleteSetFromStructStore(doc.store).clients.get(ALICE);
          expect(deleted).toBeUndefined();
          const aliceAfter = allViews(doc).filter((v) => v.author === ALICE);
          expect(aliceAfter.map((v) => ({ ...v, reactions: [] }))).toEqual(
            aliceBefore.map((v) => ({ ...v, reactions: [] })),
          );
          for (const view of aliceAfter) {
            const alices = view.reactions.filter((r) => r.authors.includes(ALICE));
            const before = aliceBefore.find((v) => v.id === view.id)!.reactions;
            expect(alices.map((r) => r.emoji)).toEqual(
              before.filter((r) => r.authors.includes(ALICE)).map((r) => r.emoji),
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(10);
    expect(Y.encodeStateAsUpdate(bob.doc)).toEqual(snapshot);
  });
});
