import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { forgeUpdate, json } from './testing/forge.ts';
import {
  ALICE,
  BOB,
  MALLORY,
  catchUp,
  deliver,
  device,
  forged,
  judge,
  must,
  type Device,
} from './testing/peers.ts';
import { sendMessage, setReaction } from './writer.ts';

/** Bob judges the update: it must be refused for `reason`, and Bob's doc must not change. */
function expectRefused(to: Device, update: Uint8Array, author: number, reason: string): void {
  expect(judge(to, update, author)).toEqual({ verdict: reason, unchanged: true });
}

const mallorysNext = { client: MALLORY, clock: 0 };

describe('validateUpdate against a member forging updates', () => {
  let alice: Device;
  let bob: Device;
  let mallory: Device;
  let aliceMessage: string;

  beforeEach(() => {
    alice = device(ALICE);
    bob = device(BOB);
    mallory = device(MALLORY);
    aliceMessage = must(alice, sendMessage(alice.doc, { text: 'Rent is due Friday', at: 1 })).id;
    must(alice, setReaction(alice.doc, aliceMessage, '👍', true, 2));
    catchUp(bob, alice);
    catchUp(mallory, alice);
  });

  it('accepts Mallory’s honest writes', () => {
    must(mallory, sendMessage(mallory.doc, { text: 'ok', at: 3 }));
    must(mallory, setReaction(mallory.doc, aliceMessage, '👍', true, 4));
    must(mallory, setReaction(mallory.doc, aliceMessage, '👍', false, 5));
    for (const update of mallory.sent) expect(deliver(bob, update, MALLORY)).toEqual({ ok: true });
  });

  it('(a) refuses items created under Alice’s clientID', () => {
    const posing = device(ALICE);
    catchUp(posing, alice);
    const update = sendMessage(posing.doc, { text: 'Rent is cancelled', at: 3 });
    if (!update.ok) throw update.error;
    expectRefused(bob, update.value.update, MALLORY, 'foreign-client');
  });

  it('(b) refuses an overwrite of Alice’s message key (origin resolved in the live doc)', () => {
    const update = forged(mallory, (d) =>
      d.getMap('messages').set(aliceMessage, { text: 'Rent is cancelled', at: 1 }),
    );
    expect(Y.decodeUpdate(update).structs[0]).toMatchObject({ parent: null, parentSub: null });
    expectRefused(bob, update, MALLORY, 'foreign-key');
  });

  it('(c) refuses an edit of Alice’s message', () => {
    const update = forged(mallory, (d) =>
      d.getMap('edits').set(aliceMessage, { text: 'Rent is cancelled', at: 3 }),
    );
    expectRefused(bob, update, MALLORY, 'foreign-key');
    const tombstone = forged(mallory, (d) => d.getMap('deletes').set(aliceMessage, { at: 3 }));
    expectRefused(bob, tombstone, MALLORY, 'foreign-key');
  });

  it('(d) refuses a delete set naming Alice’s items', () => {
    const update = forged(mallory, (d) => {
      d.getMap('messages').delete(aliceMessage);
    });
    expect([...Y.decodeUpdate(update).ds.clients.keys()]).toEqual([ALICE]);
    expectRefused(bob, update, MALLORY, 'foreign-delete');
  });

  it('(e) refuses reacting as Alice, and toggling off Alice’s reaction', () => {
    const asAlice = forged(mallory, (d) =>
      d.getMap('reactions').set(`${ALICE}:${aliceMessage}:🎉`, { on: true, at: 3 }),
    );
    expectRefused(bob, asAlice, MALLORY, 'foreign-key');
    const offForAlice = forged(mallory, (d) =>
      d.getMap('reactions').set(`${ALICE}:${aliceMessage}:👍`, { on: false, at: 3 }),
    );
    expectRefused(bob, offForAlice, MALLORY, 'foreign-key');
  });

  it('(f) refuses unknown root maps and nested types', () => {
    const unknownMap = forged(mallory, (d) =>
      d.getMap('admins').set(`${MALLORY}:1`, { text: 'me', at: 3 }),
    );
    expectRefused(bob, unknownMap, MALLORY, 'bad-parent');
    const nested = forged(mallory, (d) =>
      d.getMap('messages').set(`${MALLORY}:1`, new Y.Text('hi')),
    );
    expectRefused(bob, nested, MALLORY, 'bad-content');
    const intoNested = forgeUpdate([
      {
        ...mallorysNext,
        structs: [{ kind: 'item', parent: Y.createID(ALICE, 0), content: json('x') }],
      },
    ]);
    expectRefused(bob, intoNested, MALLORY, 'bad-parent');
  });

  it('(g) refuses a gap in Mallory’s clocks, and accepts once the gap is filled', () => {
    must(mallory, sendMessage(mallory.doc, { text: 'one', at: 3 }));
    must(mallory, sendMessage(mallory.doc, { text: 'two', at: 4 }));
    expectRefused(bob, mallory.sent[1]!, MALLORY, 'clock-gap');
    expect(deliver(bob, mallory.sent[0]!, MALLORY)).toEqual({ ok: true });
    expect(deliver(bob, mallory.sent[1]!, MALLORY)).toEqual({ ok: true });
    const skip = forgeUpdate([
      {
        client: MALLORY,
        clock: 2,
        structs: [
          { kind: 'skip', length: 1 },
          {
            kind: 'item',
            parent: 'messages',
            key: `${MALLORY}:9`,
            content: json({ text: 'x', at: 1 }),
          },
        ],
      },
    ]);
    expectRefused(bob, skip, MALLORY, 'clock-gap');
  });

  it('(h) calls a replay a duplicate and leaves the doc alone', () => {
    expectRefused(bob, alice.sent[0]!, ALICE, 'duplicate');
    expectRefused(bob, alice.sent[1]!, ALICE, 'duplicate');
  });

  it('(i) refuses a 100 KB update before decoding it', () => {
    const huge = forged(mallory, (d) =>
      d.getMap('messages').set(`${MALLORY}:1`, { text: 'x'.repeat(100_000), at: 3 }),
    );
    expect(huge.length).toBeGreaterThan(100_000);
    expectRefused(bob, huge, MALLORY, 'too-large');
  });

  it('(j) refuses every truncation, and survives every single-bit flip', () => {
    const honest = must(mallory, sendMessage(mallory.doc, { text: 'hello all', at: 3 })).update;
    for (let length = 0; length < honest.length; length++) {
      expectRefused(bob, honest.subarray(0, length), MALLORY, 'malformed');
    }
    let refused = 0;
    for (let bit = 0; bit < honest.length * 8; bit++) {
      const flipped = honest.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const { verdict, unchanged } = judge(bob, flipped, MALLORY);
      expect(unchanged).toBe(true);
      if (verdict !== 'accepted') refused += 1;
    }
    // Flips inside the text or the time still make a valid message: the signature, not the
    // validator, guards integrity. Everything else must be refused.
    expect(refused).toBeGreaterThan(honest.length * 4);
  });
});
