import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdates } from './apply.ts';
import {
  ALICE,
  BOB,
  MALLORY,
  allViews,
  catchUp,
  device,
  must,
  type Device,
} from './testing/peers.ts';
import { validateUpdate } from './validate.ts';
import { type MessageView } from './view.ts';
import {
  createContentDoc,
  deleteMessage,
  editMessage,
  sendMessage,
  setReaction,
} from './writer.ts';

/** Bob's doc holds Alice's messages and Mallory's first one; the seeds are what comes next. */
function setting(): { bob: Device; seeds: Uint8Array[] } {
  const alice = device(ALICE);
  const mallory = device(MALLORY);
  const bob = device(BOB);
  const a1 = must(alice, sendMessage(alice.doc, { text: 'Alice here', at: 1 })).id;
  must(alice, setReaction(alice.doc, a1, '👍', true, 2));
  catchUp(mallory, alice);
  const m1 = must(mallory, sendMessage(mallory.doc, { text: 'Mallory here', at: 3 })).id;
  catchUp(bob, alice);
  catchUp(bob, mallory);
  // Each seed is written on a copy of Mallory's doc, so each one is her honest NEXT update.
  const next = (write: (d: Device) => Uint8Array): Uint8Array => {
    const copy = device(MALLORY);
    catchUp(copy, mallory);
    catchUp(copy, alice);
    return write(copy);
  };
  const seeds = [
    next((d) => must(d, sendMessage(d.doc, { text: 'hi', at: 4, replyTo: a1 })).update),
    next((d) => must(d, editMessage(d.doc, m1, 'Mallory edited', 4)).update),
    next((d) => must(d, deleteMessage(d.doc, m1, 4)).update),
    next((d) => must(d, setReaction(d.doc, a1, '👍', true, 4)).update),
    next((d) => {
      must(d, setReaction(d.doc, m1, '🎉', true, 4));
      return must(d, setReaction(d.doc, m1, '🎉', false, 5)).update;
    }),
    next((d) => {
      // Forgeries: an overwrite of Alice's key and a delete of Alice's item.
      const captured: Uint8Array[] = [];
      d.doc.on('update', (u: Uint8Array) => captured.push(u));
      d.doc.getMap('messages').set(a1, { text: 'forged', at: 9 });
      d.doc.getMap('messages').delete(a1);
      return Y.mergeUpdates(captured);
    }),
    ...alice.sent,
  ];
  return { bob, seeds };
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'remove'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; at: number; other: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.nat({ max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('remove' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), other: fc.nat() }),
);

function mutate(bytes: Uint8Array, m: Mutation, seeds: readonly Uint8Array[]): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.at % bytes.length;
  const out = Array.from(bytes);
  if (m.kind === 'flip' && out.length > 0) out[at] = out[at]! ^ (1 << m.bit);
  if (m.kind === 'set' && out.length > 0) out[at] = m.value;
  if (m.kind === 'insert') out.splice(at, 0, ...m.bytes);
  if (m.kind === 'remove') out.splice(at, m.length);
  if (m.kind === 'truncate') out.length = at;
  if (m.kind === 'splice') {
    const other = seeds[m.other % seeds.length]!;
    return Uint8Array.from([...out.slice(0, at), ...other.slice(at)]);
  }
  return Uint8Array.from(out);
}

/** What other members must keep: their items, their deletes, their messages as shown. */
function othersOf(doc: Y.Doc, author: number) {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].filter(([c]) => c !== author);
  const ds = [...Y.createDeleteSetFromStructStore(doc.store).clients].filter(([c]) => c !== author);
  const views = allViews(doc)
    .filter((v) => v.author !== author)
    .map((v: MessageView) => ({
      ...v,
      reactions: v.reactions
        .map((r) => ({ ...r, authors: r.authors.filter((a) => a !== author) }))
        .filter((r) => r.authors.length > 0),
    }));
  return {
    sv: new Map(sv),
    ds: new Map(ds.map(([c, items]) => [c, JSON.stringify(items)])),
    views,
  };
}

describe('validateUpdate under fuzzing', () => {
  const { bob, seeds } = setting();
  const snapshot = Y.encodeStateAsUpdate(bob.doc);
  const others = { [MALLORY]: othersOf(bob.doc, MALLORY), [ALICE]: othersOf(bob.doc, ALICE) };
  let accepted = 0;

  function judge(update: Uint8Array, author: typeof MALLORY | typeof ALICE): void {
    const verdict = validateUpdate(bob.doc, update, author);
    expect(typeof verdict.ok).toBe('boolean');
    if (!verdict.ok) return;
    accepted += 1;
    const doc = createContentDoc(BOB);
    Y.applyUpdate(doc, snapshot);
    expect(applyUpdates(doc, [update], BOB)).toEqual({ ok: true });
    for (const struct of Y.decodeUpdate(update).structs) expect(struct.id.client).toBe(author);
    expect(othersOf(doc, author)).toEqual(others[author]);
    // The doc still encodes, and what it encodes loads to the same views: not poisoned.
    const reloaded = createContentDoc(BOB);
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
    expect(allViews(reloaded)).toEqual(allViews(doc));
  }

  it('never throws on mutated updates; what it accepts touches only the author’s items', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(MALLORY, ALICE),
        (seed, mutations, author) => {
          let update = seeds[seed % seeds.length]!;
          for (const m of mutations) update = mutate(update, m, seeds);
          judge(update, author);
        },
      ),
      { numRuns: 2500 },
    );
    expect(Y.encodeStateAsUpdate(bob.doc)).toEqual(snapshot);
    expect(accepted).toBeGreaterThan(0);
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        judge(bytes, MALLORY);
      }),
      { numRuns: 500 },
    );
    expect(Y.encodeStateAsUpdate(bob.doc)).toEqual(snapshot);
  });
});
