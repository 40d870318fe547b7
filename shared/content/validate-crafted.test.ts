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
import { validateUpdate, type ContentRejectReason } from './validate.ts';
import { sendMessage, setReaction } from './writer.ts';

/** Bob judges the update: it must be refused for `reason`, and Bob's doc must not change. */
function expectRefused(to: Device, update: Uint8Array, author: number, reason: string): void {
  expect(judge(to, update, author)).toEqual({ verdict: reason, unchanged: true });
}

const mallorysNext = { client: MALLORY, clock: 0 };

describe('validateUpdate on hand-built updates no Y.Doc would write', () => {
  let bob: Device;
  let mallory: Device;

  beforeEach(() => {
    bob = device(BOB);
    mallory = device(MALLORY);
  });

  const message = (n: number) => ({
    kind: 'item' as const,
    parent: 'messages',
    key: `${MALLORY}:${n}`,
    content: json({ text: `m${n}`, at: n }),
  });

  it('refuses an author whose structs come in two sections (Yjs would keep only the last)', () => {
    const update = forgeUpdate([
      { client: MALLORY, clock: 0, structs: [message(1)] },
      { client: MALLORY, clock: 1, structs: [message(2)] },
    ]);
    expectRefused(bob, update, MALLORY, 'malformed');
  });

  it('refuses GC structs, right origins and multi-value contents', () => {
    expectRefused(
      bob,
      forgeUpdate([{ ...mallorysNext, structs: [{ kind: 'gc', length: 1 }] }]),
      MALLORY,
      'bad-content',
    );
    const first = forgeUpdate([{ ...mallorysNext, structs: [message(1)] }]);
    expect(deliver(bob, first, MALLORY)).toEqual({ ok: true });
    const rightOrigin = forgeUpdate([
      {
        client: MALLORY,
        clock: 1,
        structs: [
          {
            kind: 'item',
            rightOrigin: Y.createID(MALLORY, 0),
            content: json({ text: 'x', at: 1 }),
          },
        ],
      },
    ]);
    expectRefused(bob, rightOrigin, MALLORY, 'bad-origin');
    const two = forgeUpdate([
      {
        client: MALLORY,
        clock: 1,
        structs: [
          {
            ...message(2),
            content: new Y.ContentAny([
              { text: 'a', at: 1 },
              { text: 'b', at: 1 },
            ]),
          },
        ],
      },
    ]);
    expectRefused(bob, two, MALLORY, 'bad-content');
  });

  it('keeps messages and tombstones write-once', () => {
    must(mallory, sendMessage(mallory.doc, { text: 'original', at: 1 }));
    catchUp(bob, mallory);
    const rewrite = forged(mallory, (d) =>
      d.getMap('messages').set(`${MALLORY}:1`, { text: 'rewritten', at: 1 }),
    );
    expectRefused(bob, rewrite, MALLORY, 'immutable');
    const sideways = forgeUpdate([{ client: MALLORY, clock: 1, structs: [message(1)] }]);
    expectRefused(bob, sideways, MALLORY, 'immutable');
    const vanish = forged(mallory, (d) => {
      d.getMap('messages').delete(`${MALLORY}:1`);
    });
    expectRefused(bob, vanish, MALLORY, 'bad-delete');
  });

  it('lets an author rewrite a reaction only after its current entry', () => {
    must(mallory, sendMessage(mallory.doc, { text: 'm', at: 1 }));
    must(mallory, setReaction(mallory.doc, `${MALLORY}:1`, '👍', true, 2));
    must(mallory, setReaction(mallory.doc, `${MALLORY}:1`, '👍', false, 3));
    catchUp(bob, mallory);
    const key = `${MALLORY}:${MALLORY}:1:👍`;
    const stale = forgeUpdate([
      {
        client: MALLORY,
        clock: 3,
        structs: [
          { kind: 'item', origin: Y.createID(MALLORY, 1), content: json({ on: true, at: 4 }) },
        ],
      },
    ]);
    expectRefused(bob, stale, MALLORY, 'bad-origin');
    const noOrigin = forgeUpdate([
      {
        client: MALLORY,
        clock: 3,
        structs: [{ kind: 'item', parent: 'reactions', key, content: json({ on: true, at: 4 }) }],
      },
    ]);
    expectRefused(bob, noOrigin, MALLORY, 'bad-origin');
    const missing = forgeUpdate([
      {
        client: MALLORY,
        clock: 3,
        structs: [
          { kind: 'item', origin: Y.createID(MALLORY, 7), content: json({ on: true, at: 4 }) },
        ],
      },
    ]);
    expectRefused(bob, missing, MALLORY, 'unknown-origin');
    const unknownPeer = forgeUpdate([
      {
        client: MALLORY,
        clock: 3,
        structs: [
          { kind: 'item', origin: Y.createID(ALICE, 0), content: json({ on: true, at: 4 }) },
        ],
      },
    ]);
    expectRefused(bob, unknownPeer, MALLORY, 'unknown-origin');
    const cleared = forgeUpdate(
      [
        {
          client: MALLORY,
          clock: 3,
          structs: [
            { kind: 'item', origin: Y.createID(MALLORY, 2), content: new Y.ContentDeleted(1) },
          ],
        },
      ],
      [{ client: MALLORY, ranges: [[2, 1]] }],
    );
    expect(validateUpdate(bob.doc, cleared, MALLORY)).toEqual({ ok: true });
  });

  it('refuses delete sets beyond the author’s clocks or naming live entries', () => {
    must(mallory, sendMessage(mallory.doc, { text: 'm', at: 1 }));
    catchUp(bob, mallory);
    expectRefused(
      bob,
      forgeUpdate([], [{ client: MALLORY, ranges: [[0, 5]] }]),
      MALLORY,
      'clock-gap',
    );
    expectRefused(
      bob,
      forgeUpdate([], [{ client: MALLORY, ranges: [[0, 0]] }]),
      MALLORY,
      'malformed',
    );
    expectRefused(
      bob,
      forgeUpdate([], [{ client: MALLORY, ranges: [[0, 1]] }]),
      MALLORY,
      'bad-delete',
    );
  });

  it('refuses malformed keys and values', () => {
    const cases: Array<[string, string, unknown, ContentRejectReason]> = [
      ['messages', `${MALLORY}:01`, { text: 'x', at: 1 }, 'bad-key'],
      ['messages', `${MALLORY}:x`, { text: 'x', at: 1 }, 'bad-key'],
      ['messages', `${MALLORY}1`, { text: 'x', at: 1 }, 'foreign-key'],
      ['reactions', `${MALLORY}:5:1:a b`, { on: true, at: 1 }, 'bad-key'],
      ['reactions', `${MALLORY}:5:1`, { on: true, at: 1 }, 'bad-key'],
      ['messages', `${MALLORY}:1`, { text: 'x', at: 1, extra: true }, 'bad-content'],
      ['messages', `${MALLORY}:1`, { text: '   ', at: 1 }, 'bad-content'],
      ['messages', `${MALLORY}:1`, { text: 'x'.repeat(8001), at: 1 }, 'bad-content'],
      ['messages', `${MALLORY}:1`, { text: 'x', at: -1 }, 'bad-content'],
      ['messages', `${MALLORY}:1`, { text: 'x', at: 1, replyTo: 'nope' }, 'bad-content'],
      ['messages', `${MALLORY}:1`, 'just a string', 'bad-content'],
      ['messages', `${MALLORY}:1`, new Uint8Array([1]), 'bad-content'],
      ['messages', `${MALLORY}:1`, new Y.Doc(), 'bad-content'],
      ['messages', `${MALLORY}:1`, JSON.parse('{"__proto__":{"text":"hi","at":1}}'), 'bad-content'],
      ['edits', `${MALLORY}:1`, { text: 'x', at: 1, on: true }, 'bad-content'],
      ['deletes', `${MALLORY}:1`, { at: 1.5 }, 'bad-content'],
    ];
    for (const [root, key, value, reason] of cases) {
      const update = forged(device(MALLORY), (d) => d.getMap(root).set(key, value));
      expectRefused(bob, update, MALLORY, reason);
    }
    const noKey = forgeUpdate([
      {
        ...mallorysNext,
        structs: [{ kind: 'item', parent: 'messages', content: json({ text: 'x', at: 1 }) }],
      },
    ]);
    expectRefused(bob, noKey, MALLORY, 'bad-key');
  });

  it('refuses an author that is not a clientID, and never throws on garbage', () => {
    expectRefused(bob, forgeUpdate([]), -1, 'foreign-client');
    expect(validateUpdate(bob.doc, forgeUpdate([]), MALLORY)).toEqual({ ok: true });
    expectRefused(
      bob,
      new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 1]),
      MALLORY,
      'malformed',
    );
  });
});
