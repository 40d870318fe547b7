import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateAndApply, type AuthoredUpdate } from './apply.ts';
import { ALICE, BOB, CAROL, allViews, catchUp, device, type Device } from './testing/peers.ts';
import { listMessageIds } from './view.ts';
import { deleteMessage, editMessage, sendMessage, setReaction } from './writer.ts';

const EMOJI = ['👍', '🎉', '❤️', '👨‍👩‍👧', '🇳🇿'] as const;

type Op =
  | { kind: 'send'; who: number; text: string; reply: number | null }
  | { kind: 'edit' | 'delete'; who: number; pick: number; text: string }
  | { kind: 'react'; who: number; pick: number; emoji: number; on: boolean }
  | { kind: 'sync'; who: number; from: number };

const who = fc.nat({ max: 2 });
const text = fc.string({ minLength: 1, maxLength: 20 }).map((t) => `${t}.`);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      who,
      text,
      reply: fc.option(fc.nat()),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('edit' as const, 'delete' as const),
      who,
      pick: fc.nat(),
      text,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('react' as const),
      who,
      pick: fc.nat(),
      emoji: fc.nat({ max: EMOJI.length - 1 }),
      on: fc.boolean(),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), who, from: who }), weight: 2 },
);

/** Runs one operation the way a person would: only on messages their device can see. */
function run(devices: readonly Device[], o: Op, at: number): void {
  const d = devices[o.who]!;
  if (o.kind === 'sync') {
    if (o.from !== o.who) catchUp(d, devices[o.from]!);
    return;
  }
  const ids = listMessageIds(d.doc).sort();
  const own = ids.filter((id) => id.startsWith(`${d.id}:`));
  const result =
    o.kind === 'send'
      ? sendMessage(d.doc, {
          text: o.text,
          at,
          ...(o.reply !== null && ids.length > 0 ? { replyTo: ids[o.reply % ids.length]! } : {}),
        })
      : o.kind === 'react'
        ? ids.length > 0
          ? setReaction(d.doc, ids[o.pick % ids.length]!, EMOJI[o.emoji]!, o.on, at)
          : null
        : own.length === 0
          ? null
          : o.kind === 'edit'
            ? editMessage(d.doc, own[o.pick % own.length]!, o.text, at)
            : deleteMessage(d.doc, own[o.pick % own.length]!, at);
  if (result === null) return;
  if (result.ok) d.sent.push(result.value.update);
  // The writer may refuse (a deleted message): that is a person being told no, not a bug.
  else expect(result.error.reason).toBe('deleted');
}

/** Merges the devices' logs in the order `choices` picks, keeping each device's own order. */
function interleave(devices: readonly Device[], choices: readonly number[]): AuthoredUpdate[] {
  const next = devices.map(() => 0);
  const out: AuthoredUpdate[] = [];
  let c = 0;
  for (;;) {
    const open = devices.filter((d, i) => next[i]! < d.sent.length);
    if (open.length === 0) return out;
    const d = open[(choices[c++ % Math.max(choices.length, 1)] ?? 0) % open.length]!;
    const i = devices.indexOf(d);
    out.push({ update: d.sent[next[i]!]!, author: d.id });
    next[i]! += 1;
  }
}

const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('three authors, any delivery order', () => {
  it('every legal update is accepted and all devices converge to the same views', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 5, maxLength: 60, size: 'max' }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50, size: 'max' }),
        fc.integer({ min: 1, max: 7 }),
        (ops, choices, batchSize) => {
          const devices = [device(ALICE), device(BOB), device(CAROL)];
          ops.forEach((o, i) => {
            run(devices, o, i);
          });
          const observer = device(4_444);
          const order = interleave(devices, choices);
          for (let start = 0; start < order.length; start += batchSize) {
            const result = validateAndApply(
              observer.doc,
              order.slice(start, start + batchSize),
              observer.id,
            );
            expect(result.ok).toBe(true);
            for (const verdict of result.verdicts) expect(verdict).toEqual({ ok: true });
          }
          for (const d of devices) for (const from of devices) if (d !== from) catchUp(d, from);
          const expected = allViews(observer.doc);
          for (const d of devices) {
            expect(allViews(d.doc)).toEqual(expected);
            expect(stateOf(d.doc)).toEqual(stateOf(observer.doc));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
