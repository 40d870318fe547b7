import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import { anotherDevice, type TestPerson } from '../testing/people.ts';
import { decodeOp, encodeOp, type MembershipOp } from './ops.ts';
import { reduceMembership, type OpEvent } from './reduce.ts';
import { activeDevices, activePeople } from './state.ts';
import { admit, cast, causal, event, invite, type Cast } from './testing.ts';

let c: Cast;
let ada: TestPerson, bo: TestPerson, cy: TestPerson, bo2: TestPerson, bo3: TestPerson;
const A = () => c.genesis.clientId;
const B = 22;
const C = 33;
const B2 = 55;
const B3 = 66;

beforeAll(async () => {
  c = await cast();
  ({ ada, bo, cy } = c);
  bo2 = await anotherDevice(bo, 1);
  bo3 = await anotherDevice(bo, 2);
});

function reduce(events: OpEvent[]) {
  const { state, verdicts } = reduceMembership(c.genesis, events, causal(events));
  return {
    state,
    outcome: events.map((e) => verdicts.get(e.id)).map((v) => (v?.ok ? 'ok' : v?.reason)),
  };
}

const unlink = (device: TestPerson, pin = 0): MembershipOp => ({
  type: 'unlink',
  device: device.device.publicKey,
  pin,
});

/** Ada lets Bo and Cy in; Bo links a second laptop. */
const founding = () => [
  event(ada, A(), 1, invite()),
  event(ada, A(), 2, admit(bo, B)),
  event(ada, A(), 3, admit(cy, C)),
  event(bo, B, 1, admit(bo2, B2, null)),
];

describe('several devices per person', () => {
  it('a person links a device of their own with no invite; it writes as them', () => {
    const other = invite({ inviteSecret: new Uint8Array(16).fill(9) });
    const { state, outcome } = reduce([...founding(), event(bo2, B2, 1, other)]);
    expect(outcome).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(activePeople(state)).toHaveLength(3);
    const person = state.people.get(toHex(bo.person.publicKey));
    expect(person?.devices).toEqual([toHex(bo.device.publicKey), toHex(bo2.device.publicKey)]);
    expect(state.devices.get(toHex(bo2.device.publicKey))?.person).toBe(
      person && toHex(person.person),
    );
  });

  it('nobody but the person (or an admin) adds a device of theirs without an invite', () => {
    const { outcome } = reduce([...founding(), event(cy, C, 1, admit(bo3, B3, null))]);
    expect(outcome.at(-1)).toBe('unknown-invite');
  });

  it('linking needs no admin even where admins approve joins', () => {
    const strict = { type: 'settings', groupName: null, adminsApproveJoins: true } as const;
    const ops = [
      event(ada, A(), 1, invite()),
      event(ada, A(), 2, admit(bo, B)),
      event(ada, A(), 3, strict),
      event(bo, B, 1, admit(bo2, B2, null)),
      event(bo, B, 2, admit(cy, C)),
    ];
    expect(reduce(ops).outcome.slice(3)).toEqual(['ok', 'not-admin']);
  });

  it('a person unlinks one of their devices; its later blobs count for nothing', () => {
    const ops = [
      ...founding(),
      event(bo2, B2, 1, invite({ inviteSecret: new Uint8Array(16).fill(9) })),
    ];
    const unlinked = [...ops, event(bo, B, 2, unlink(bo2, 1)), event(bo2, B2, 2, invite())];
    const { state, outcome } = reduce(unlinked);
    expect(outcome.slice(-2)).toEqual(['ok', 'removed-author']);
    expect(state.devices.get(toHex(bo2.device.publicKey))?.removed?.pin).toBe(1);
    expect(activeDevices(state)).not.toContain(toHex(bo2.device.publicKey));
    // Bo stays a member with the first laptop.
    expect(
      activePeople(state)
        .map((p) => p.name.name)
        .sort(),
    ).toEqual(['Ada', 'Bo', 'Cy']);
  });

  it('a device may unlink itself; an admin may unlink anyone’s; a member only their own', () => {
    expect(reduce([...founding(), event(bo2, B2, 1, unlink(bo2, 1))]).outcome.at(-1)).toBe('ok');
    expect(reduce([...founding(), event(ada, A(), 4, unlink(bo2))]).outcome.at(-1)).toBe('ok');
    expect(reduce([...founding(), event(cy, C, 1, unlink(bo2))]).outcome.at(-1)).toBe('not-admin');
  });

  it('a person’s last device cannot be unlinked (that is leaving), nor one unknown or gone', () => {
    expect(reduce([...founding(), event(ada, A(), 4, unlink(cy))]).outcome.at(-1)).toBe(
      'last-device',
    );
    const twice = [...founding(), event(bo, B, 2, unlink(bo2)), event(ada, A(), 4, unlink(bo2))];
    expect(reduce(twice).outcome.at(-1)).toBe('unknown-device');
    expect(reduce([...founding(), event(bo, B, 2, unlink(bo3))]).outcome.at(-1)).toBe(
      'unknown-device',
    );
    // Unlinking the second device leaves Bo one: the first cannot follow.
    const both = [...founding(), event(bo, B, 2, unlink(bo2)), event(ada, A(), 4, unlink(bo))];
    expect(reduce(both).outcome.at(-1)).toBe('last-device');
  });

  it('pins exactly what the author had seen of the device', () => {
    const ops = [
      ...founding(),
      event(bo2, B2, 1, invite({ inviteSecret: new Uint8Array(16).fill(9) })),
    ];
    expect(reduce([...ops, event(bo, B, 2, unlink(bo2, 0))]).outcome.at(-1)).toBe('bad-pin');
    expect(reduce([...ops, event(bo, B, 2, unlink(bo2, 2))]).outcome.at(-1)).toBe('bad-pin');
  });

  it('round-trips through the wire format', () => {
    const op = unlink(bo2, 77);
    expect(decodeOp(encodeOp(op))).toEqual(op);
    const bytes = encodeOp(op);
    expect(() => decodeOp(bytes.subarray(0, bytes.length - 1))).toThrow();
  });
});
