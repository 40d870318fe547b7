import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import type { TestPerson } from '../testing/people.ts';
import { decodeOp, encodeOp, inviteIdOf, type MembershipOp } from './ops.ts';
import { reduceMembership, type OpEvent } from './reduce.ts';
import { activePeople, epochHolders, voidChains, type MembershipState } from './state.ts';
import { admit, cast, causal, event, invite, type Cast } from './testing.ts';

let c: Cast;
let ada: TestPerson, bo: TestPerson, cy: TestPerson, dee: TestPerson;
const A = () => c.genesis.clientId;
const B = 22;
const C = 33;
const D = 44;

beforeAll(async () => {
  c = await cast();
  ({ ada, bo, cy, dee } = c);
});

function reduce(events: OpEvent[], concurrent: [OpEvent, OpEvent][] = []) {
  const { state, verdicts } = reduceMembership(c.genesis, events, causal(events, concurrent));
  return {
    state,
    outcome: events.map((e) => verdicts.get(e.id)).map((v) => (v?.ok ? 'ok' : v?.reason)),
  };
}

const person = (p: TestPerson) => p.person.publicKey;
const remove = (who: TestPerson, pins: [number, number][]): MembershipOp => ({
  type: 'remove',
  person: person(who),
  pins: pins.map(([clientId, seq]) => ({ clientId, seq })),
});
const promote = (who: TestPerson): MembershipOp => ({ type: 'promote', person: person(who) });
const rotate = (epoch: number, generation: number, devices: TestPerson[]): MembershipOp => ({
  type: 'rotate',
  epoch,
  generation,
  boxes: devices.map((d) => ({
    device: d.device.publicKey,
    nonce: new Uint8Array(24),
    box: new Uint8Array(48),
  })),
});
const names = (state: MembershipState) =>
  activePeople(state)
    .map((p) => `${p.name.name}:${p.role}`)
    .sort();

/** Ada invites and admits Bo and Cy; Bo writes once (seq 1). */
const founding = () => [
  event(ada, A(), 1, invite()),
  event(ada, A(), 2, admit(bo, B)),
  event(ada, A(), 3, admit(cy, C)),
  event(bo, B, 1, invite({ inviteSecret: new Uint8Array(16).fill(3) })),
];

describe('roles and removal', () => {
  it('an admin promotes and removes; a member can do neither', () => {
    const ops = [
      ...founding(),
      event(bo, B, 2, promote(cy)),
      event(bo, B, 3, remove(cy, [[C, 0]])),
      event(ada, A(), 4, promote(bo)),
      event(bo, B, 4, remove(cy, [[C, 0]])),
    ];
    const { state, outcome } = reduce(ops);
    expect(outcome.slice(4)).toEqual(['not-admin', 'not-admin', 'ok', 'ok']);
    expect(names(state)).toEqual(['Ada:admin', 'Bo:admin']);
    const cyState = state.people.get(toHex(person(cy)));
    expect(cyState?.removed?.reason).toBe('removed');
    expect(state.devices.get(toHex(cy.device.publicKey))?.removed?.pin).toBe(0);
  });

  it('pins exactly what the remover had seen of each device: no more, no less', () => {
    const base = founding();
    // Bo wrote seq 1 and Ada has seen it: the pin must be 1.
    const right = event(ada, A(), 4, remove(bo, [[B, 1]]));
    expect(reduce([...base, right]).outcome.at(-1)).toBe('ok');
    for (const pins of [
      [[B, 0]],
      [[B, 2]],
      [],
      [[C, 0]],
      [
        [B, 1],
        [B, 1],
      ],
    ] as [number, number][][]) {
      const wrong = event(ada, A(), 4, remove(bo, pins));
      expect(reduce([...base, wrong]).outcome.at(-1)).toBe('bad-pin');
    }
  });

  it('anyone may leave; when the last admin leaves, the longest-standing member becomes admin', () => {
    const ops = [...founding(), event(ada, A(), 4, remove(ada, [[A(), 4]]))];
    const { state, outcome } = reduce(ops);
    expect(outcome.at(-1)).toBe('ok');
    expect(state.people.get(toHex(person(ada)))?.removed?.reason).toBe('left');
    expect(names(state)).toEqual(['Bo:admin', 'Cy:member']);
    // A departed device's later blobs count for nothing: it is no author any more.
    const after = [...ops, event(ada, A(), 5, invite())];
    expect(reduce(after).outcome.at(-1)).toBe('removed-author');
  });

  it('two admins removing each other at once: the first in the order stands, everywhere', () => {
    const base = [...founding(), event(ada, A(), 4, promote(bo))];
    const byAda = event(ada, A(), 5, remove(bo, [[B, 1]]));
    const byBo = event(bo, B, 2, remove(ada, [[A(), 4]]));
    const { state, outcome } = reduce([...base, byAda, byBo], [[byAda, byBo]]);
    expect(outcome.slice(-2)).toEqual(['ok', 'removed-author']);
    expect(names(state)).toEqual(['Ada:admin', 'Cy:member']);
  });

  it('a leave crossing an admin’s removal of the same person: the lower pin holds', () => {
    // Bo leaves (his leave is his seq 2); Ada, not having seen it, removes him at seq 1. The
    // leave comes first in the order, but Ada's pin still counts: the leave itself is cut,
    // on every peer, and Ada's removal stands.
    const leave = event(bo, B, 2, remove(bo, [[B, 2]]));
    const byAda = event(ada, A(), 4, remove(bo, [[B, 1]]));
    const { state, outcome } = reduce([...founding(), leave, byAda], [[leave, byAda]]);
    expect(outcome.slice(-2)).toEqual(['removed-author', 'ok']);
    expect(state.devices.get(toHex(bo.device.publicKey))?.removed?.pin).toBe(1);
    // Once the leave is refused, the removal stands on its own with the same pin.
    const settled = reduce([...founding(), event(ada, A(), 4, remove(bo, [[B, 1]]))]);
    expect(settled.outcome.at(-1)).toBe('ok');
    expect(settled.state.devices.get(toHex(bo.device.publicKey))?.removed?.pin).toBe(1);
    // A member who could not have removed Bo pins nothing.
    const overreach = event(cy, C, 1, remove(bo, [[B, 0]]));
    const kept = reduce([...founding(), leave, overreach], [[leave, overreach]]);
    expect(kept.state.devices.get(toHex(bo.device.publicKey))?.removed?.pin).toBe(2);
  });

  it('a removal retires the invites made before it; a new invite lets people in again', () => {
    const base = [...founding(), event(ada, A(), 4, remove(cy, [[C, 0]]))];
    const stale = event(bo, B, 2, admit(dee, D));
    expect(reduce([...base, stale]).outcome.at(-1)).toBe('invite-retired');
    const secret = new Uint8Array(16).fill(8);
    const fresh = [
      ...base,
      event(ada, A(), 5, invite({ inviteSecret: secret })),
      event(bo, B, 2, admit(dee, D, inviteIdOf(secret))),
    ];
    const { state, outcome } = reduce(fresh);
    expect(outcome.slice(-2)).toEqual(['ok', 'ok']);
    expect(names(state)).toEqual(['Ada:admin', 'Bo:member', 'Dee:member']);
  });

  it('a removed device cannot come back; the person can, with a new device and invite', () => {
    const base = [...founding(), event(ada, A(), 4, remove(cy, [[C, 0]]))];
    const again = event(ada, A(), 5, admit(cy, C, null));
    expect(reduce([...base, again]).outcome.at(-1)).toBe('removed-device');
  });
});

describe('epochs', () => {
  it('a rotation boxes to exactly the members it knew of, one generation on', () => {
    const base = [...founding(), event(ada, A(), 4, remove(cy, [[C, 0]]))];
    const good = event(ada, A(), 5, rotate(7, 1, [ada, bo]));
    const { state, outcome } = reduce([...base, good]);
    expect(outcome.at(-1)).toBe('ok');
    expect(state.current).toBe(7);
    for (const [op, reason] of [
      [rotate(7, 2, [ada, bo]), 'bad-generation'],
      [rotate(8, 1, [ada, bo, cy]), 'bad-keyring'],
      [rotate(8, 1, [ada]), 'bad-keyring'],
      [rotate(0, 1, [ada, bo]), 'epoch-taken'],
    ] as const) {
      expect(reduce([...base, event(ada, A(), 5, op)]).outcome.at(-1)).toBe(reason);
    }
    // A second rotation must build on the first.
    const next = event(bo, B, 2, rotate(9, 2, [ada, bo]));
    expect(reduce([...base, good, next]).state.current).toBe(9);
    expect(reduce([...base, good, event(bo, B, 2, rotate(7, 2, [ada, bo]))]).outcome.at(-1)).toBe(
      'epoch-taken',
    );
  });

  it('of concurrent rotations the first in the order is current; stale holders show', () => {
    const base = [...founding(), event(ada, A(), 4, promote(bo))];
    const removeCy = event(ada, A(), 5, remove(cy, [[C, 0]]));
    const byAda = event(ada, A(), 6, rotate(70, 1, [ada, bo]));
    // Bo, not having seen Ada's removal, rotates for his own reason (he boxes Cy too).
    const byBo = event(bo, B, 2, rotate(80, 1, [ada, bo, cy]));
    const events = [...base, removeCy, byAda, byBo];
    const order = causal(events, [
      [removeCy, byBo],
      [byAda, byBo],
    ]);
    const { state, verdicts } = reduceMembership(c.genesis, events, order);
    expect([...verdicts.values()].map((v) => (v.ok ? 'ok' : v.reason))).toEqual(
      events.map(() => 'ok'),
    );
    expect(state.current).toBe(70);
    expect([...epochHolders(state, 70, order)].sort()).toEqual(
      [ada, bo].map((p) => toHex(p.device.publicKey)).sort(),
    );
    // Bo's epoch went to Cy, who is out: writing there would reach him.
    expect(epochHolders(state, 80, order).has(toHex(cy.device.publicKey))).toBe(true);
  });

  it('a joiner admitted after a rotation holds its epoch; one admitted concurrently does not', () => {
    const base = founding();
    const rot = event(ada, A(), 4, rotate(5, 1, [ada, bo, cy]));
    const events = [...base, rot, event(bo, B, 2, admit(dee, D))];
    const order = causal(events);
    const { state } = reduceMembership(c.genesis, events, order);
    expect(epochHolders(state, 5, order).has(toHex(dee.device.publicKey))).toBe(true);
    const concurrentEvents = [...base, rot, event(bo, B, 2, admit(dee, D))];
    const concurrentOrder = causal(concurrentEvents, [[rot, concurrentEvents.at(-1)!]]);
    const reduced = reduceMembership(c.genesis, concurrentEvents, concurrentOrder);
    expect(epochHolders(reduced.state, 5, concurrentOrder).has(toHex(dee.device.publicKey))).toBe(
      false,
    );
  });

  it('the chain of a device whose admission crossed a rotation is void, until a member has its clientID', () => {
    const base = founding();
    const rot = event(ada, A(), 4, rotate(5, 1, [ada, bo, cy]));
    const crossing = event(bo, B, 2, admit(dee, D));
    const events = [...base, rot, crossing];
    const order = causal(events, [[rot, crossing]]);
    const { state, verdicts } = reduceMembership(c.genesis, events, order);
    expect(verdicts.get(crossing.id)).toEqual({ ok: false, reason: 'crossed-rotation' });
    expect(state.crossed.get(toHex(dee.device.publicKey))).toBe(D);
    expect([...voidChains(state)]).toEqual([D]);
    // Admitted after the rotation (she asked again): her chain is a member's, not void.
    const again = event(ada, A(), 5, admit(dee, D));
    const later = [...events, again];
    const rejoined = reduceMembership(c.genesis, later, causal(later, [[rot, crossing]])).state;
    expect(rejoined.devices.has(toHex(dee.device.publicKey))).toBe(true);
    expect(voidChains(rejoined).size).toBe(0);
    // Without the rotation, nothing is void.
    const plain = [...base, event(bo, B, 2, admit(dee, D))];
    expect(voidChains(reduceMembership(c.genesis, plain, causal(plain)).state).size).toBe(0);
  });
});

describe('membership ops for removal and epochs', () => {
  it('round-trip through their encoding; junk is refused', () => {
    const ops: MembershipOp[] = [
      promote(bo),
      remove(cy, [
        [C, 3],
        [99, 0],
      ]),
      rotate(0xffff_fffe, 3, [ada, bo]),
    ];
    for (const op of ops) expect(decodeOp(encodeOp(op))).toEqual(op);
    const bytes = encodeOp(rotate(5, 1, [ada]));
    expect(() => decodeOp(bytes.subarray(0, bytes.length - 3))).toThrow();
  });
});
