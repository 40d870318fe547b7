import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdates, rebuildDoc, validateAndApply } from './apply.ts';
import { forgeUpdate, json } from './testing/forge.ts';
import { ALICE, BOB, MALLORY, allViews, device, must } from './testing/peers.ts';
import { createContentDoc, sendMessage } from './writer.ts';

function aliceWrites(count: number) {
  const alice = device(ALICE);
  for (let i = 0; i < count; i++) must(alice, sendMessage(alice.doc, { text: `m${i}`, at: i }));
  return alice;
}

describe('applyUpdates', () => {
  it('applies a batch in one transaction and keeps the clientID', () => {
    const alice = aliceWrites(50);
    const bob = createContentDoc(BOB);
    let transactions = 0;
    bob.on('afterTransaction', () => (transactions += 1));
    expect(applyUpdates(bob, alice.sent, BOB)).toEqual({ ok: true });
    expect(transactions).toBe(1);
    expect(bob.clientID).toBe(BOB);
    expect(allViews(bob)).toEqual(allViews(alice.doc));
  });

  it('reports updates Yjs parks instead of integrating (a gap), so the engine rebuilds', () => {
    const alice = aliceWrites(2);
    const bob = createContentDoc(BOB);
    const result = applyUpdates(bob, [alice.sent[1]!], BOB);
    expect(result.ok ? 'ok' : result.error.problem).toBe('pending');
    // A doc with parked structs is not trusted with more either.
    const again = applyUpdates(bob, [alice.sent[0]!], BOB);
    expect(again.ok ? 'ok' : again.error.problem).toBe('pending');
  });

  it('reports a Yjs throw (an origin Yjs cannot find) instead of throwing', () => {
    const bob = createContentDoc(BOB);
    const poison = forgeUpdate([
      {
        client: MALLORY,
        clock: 0,
        structs: [{ kind: 'item', origin: Y.createID(MALLORY, 5), content: json(1) }],
      },
    ]);
    const result = applyUpdates(bob, [poison], BOB);
    expect(result.ok ? 'ok' : result.error.problem).toBe('threw');
    expect(bob.clientID).toBe(BOB);
  });
});

describe('validateAndApply', () => {
  it('judges each update against the doc as the batch left it', () => {
    const alice = aliceWrites(5);
    const bob = createContentDoc(BOB);
    const batch = alice.sent.map((update) => ({ update, author: ALICE }));
    const result = validateAndApply(bob, batch, BOB);
    expect(result).toEqual({ ok: true, verdicts: batch.map(() => ({ ok: true })) });
    expect(allViews(bob)).toEqual(allViews(alice.doc));
  });

  it('skips what it refuses and applies the rest', () => {
    const alice = aliceWrites(3);
    const bob = createContentDoc(BOB);
    const batch = [
      { update: alice.sent[0]!, author: ALICE },
      { update: alice.sent[1]!, author: MALLORY },
      { update: alice.sent[0]!, author: ALICE },
      { update: alice.sent[1]!, author: ALICE },
      { update: alice.sent[2]!, author: ALICE },
    ];
    const result = validateAndApply(bob, batch, BOB);
    expect(result.ok).toBe(true);
    expect(result.verdicts.map((v) => (v.ok ? 'ok' : v.reason))).toEqual([
      'ok',
      'foreign-client',
      'duplicate',
      'ok',
      'ok',
    ]);
    expect(allViews(bob)).toEqual(allViews(alice.doc));
  });
});

describe('rebuildDoc', () => {
  it('rebuilds the same views from the log, across batch boundaries', () => {
    const alice = aliceWrites(2_050);
    const rebuilt = rebuildDoc(BOB, alice.sent);
    if (!rebuilt.ok) throw rebuilt.error;
    expect(rebuilt.doc.clientID).toBe(BOB);
    expect(allViews(rebuilt.doc)).toEqual(allViews(alice.doc));
  });

  it('fails, rather than return a doc with parked updates', () => {
    const alice = aliceWrites(3);
    const rebuilt = rebuildDoc(BOB, [alice.sent[0]!, alice.sent[2]!]);
    expect(rebuilt.ok ? 'ok' : rebuilt.error.problem).toBe('pending');
  });
});
