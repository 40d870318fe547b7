import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import type { Genesis } from '../group/genesis.ts';
import type { TestPerson } from '../testing/people.ts';
import { decodeOp, encodeOp, verifyOpSignatures, type MembershipOp } from './ops.ts';
import { reduceMembership, type CausalOrder } from './reduce.ts';
import type { OpRef } from './state.ts';
import { testEd } from '../testing/people.ts';
import { admit, cast, event, invite, inviteId } from './testing.ts';

let ada: TestPerson;
let bo: TestPerson;
let cy: TestPerson;
let genesis: Genesis;
const ADA_CLIENT = () => genesis.clientId;

beforeAll(async () => {
  ({ ada, bo, cy, genesis } = await cast());
});

/** Everything is causally ordered in list order, unless a pair is named concurrent. */
function chain(concurrent: [OpRef, OpRef][] = []): CausalOrder {
  return (a, b) =>
    !concurrent.some(
      ([x, y]) =>
        (x.clientId === a.clientId &&
          x.seq === a.seq &&
          y.clientId === b.clientId &&
          y.seq === b.seq) ||
        (y.clientId === a.clientId &&
          y.seq === a.seq &&
          x.clientId === b.clientId &&
          x.seq === b.seq),
    );
}

describe('membership reduction', () => {
  it('starts with the creator as the only admin', () => {
    const { state } = reduceMembership(genesis, [], chain());
    expect([...state.people.values()].map((p) => [p.name.name, p.role])).toEqual([
      ['Ada', 'admin'],
    ]);
    expect(state.clientIds.get(genesis.clientId)).toBe(toHex(ada.device.publicKey));
  });

  it('admits a person who came with a live invite', () => {
    const ops = [event(ada, ADA_CLIENT(), 1, invite()), event(ada, ADA_CLIENT(), 2, admit(bo, 22))];
    const { state, verdicts } = reduceMembership(genesis, ops, chain());
    expect([...verdicts.values()].every((v) => v.ok)).toBe(true);
    const boRecord = state.people.get(toHex(bo.person.publicKey));
    expect(boRecord?.role).toBe('member');
    expect(state.clientIds.get(22)).toBe(toHex(bo.device.publicKey));
  });

  it('lets a newly admitted member admit others, but never an outsider', () => {
    const ops = [
      event(ada, ADA_CLIENT(), 1, invite()),
      event(ada, ADA_CLIENT(), 2, admit(bo, 22)),
      event(bo, 22, 1, admit(cy, 33)),
    ];
    expect(reduceMembership(genesis, ops, chain()).state.people.size).toBe(3);
    const outsider = [event(ada, ADA_CLIENT(), 1, invite()), event(cy, 33, 1, admit(bo, 22))];
    const { verdicts } = reduceMembership(genesis, outsider, chain());
    expect([...verdicts.values()][1]).toEqual({ ok: false, reason: 'unknown-author' });
  });

  it('refuses an admission whose invite the admitter had not seen, or that was revoked before', () => {
    const create = event(ada, ADA_CLIENT(), 1, invite());
    const revoke = event(ada, ADA_CLIENT(), 2, { type: 'revoke-invite', inviteId });
    const late = event(ada, ADA_CLIENT(), 3, admit(bo, 22));
    expect(
      reduceMembership(genesis, [create, revoke, late], chain()).verdicts.get(late.id),
    ).toEqual({
      ok: false,
      reason: 'invite-revoked',
    });
    const unseen = event(ada, ADA_CLIENT(), 4, admit(cy, 33));
    const order = chain([[create.ref, unseen.ref]]);
    expect(reduceMembership(genesis, [create, unseen], order).verdicts.get(unseen.id)).toEqual({
      ok: false,
      reason: 'invite-not-seen',
    });
  });

  it('honours an admission concurrent with the revocation (judged on its causal past)', () => {
    const create = event(ada, ADA_CLIENT(), 1, invite());
    const revoke = event(ada, ADA_CLIENT(), 2, { type: 'revoke-invite', inviteId });
    const concurrent = event(ada, ADA_CLIENT(), 3, admit(bo, 22));
    const { verdicts } = reduceMembership(
      genesis,
      [create, revoke, concurrent],
      chain([[revoke.ref, concurrent.ref]]),
    );
    expect(verdicts.get(concurrent.id)).toEqual({ ok: true });
  });

  it('refuses expired invites and a second use of a single-use invite', () => {
    const expiring = event(ada, ADA_CLIENT(), 1, invite({ expiresAt: 1500 }));
    const tooLate = event(ada, ADA_CLIENT(), 2, admit(bo, 22), 1600);
    expect(
      reduceMembership(genesis, [expiring, tooLate], chain()).verdicts.get(tooLate.id),
    ).toEqual({
      ok: false,
      reason: 'invite-expired',
    });
    const once = event(ada, ADA_CLIENT(), 1, invite({ singleUse: true }));
    const first = event(ada, ADA_CLIENT(), 2, admit(bo, 22));
    const second = event(ada, ADA_CLIENT(), 3, admit(cy, 33));
    const { verdicts } = reduceMembership(genesis, [once, first, second], chain());
    expect(verdicts.get(first.id)).toEqual({ ok: true });
    expect(verdicts.get(second.id)).toEqual({ ok: false, reason: 'invite-used' });
  });

  it('refuses a clientID already in use, and a device already admitted', () => {
    const ops = [
      event(ada, ADA_CLIENT(), 1, invite()),
      event(ada, ADA_CLIENT(), 2, admit(bo, ADA_CLIENT())),
      event(ada, ADA_CLIENT(), 3, admit(bo, 22)),
      event(ada, ADA_CLIENT(), 4, admit(bo, 23)),
    ];
    const verdicts = [...reduceMembership(genesis, ops, chain()).verdicts.values()];
    expect(verdicts.slice(1)).toEqual([
      { ok: false, reason: 'client-id-taken' },
      { ok: true },
      { ok: false, reason: 'already-member' },
    ]);
  });

  it('honours two members admitting the same device concurrently, whichever arrives first', () => {
    const create = event(ada, ADA_CLIENT(), 1, invite());
    const byAda = event(ada, ADA_CLIENT(), 2, admit(bo, 22));
    const byCy = event(cy, 33, 1, admit(bo, 22));
    const withCy = [create, event(ada, ADA_CLIENT(), 3, admit(cy, 33, null))];
    for (const order of [
      [...withCy, byAda, byCy],
      [...withCy, byCy, byAda],
    ]) {
      const { state, verdicts } = reduceMembership(genesis, order, chain());
      expect([...verdicts.values()].every((v) => v.ok)).toBe(true);
      expect(state.devices.get(toHex(bo.device.publicKey))?.admissions).toHaveLength(2);
    }
  });

  it('with “admins approve joins”, only admins admit; only admins change settings', () => {
    const ops = [
      event(ada, ADA_CLIENT(), 1, invite()),
      event(ada, ADA_CLIENT(), 2, admit(bo, 22)),
      event(bo, 22, 1, { type: 'settings', groupName: 'Mine now', adminsApproveJoins: null }),
      event(ada, ADA_CLIENT(), 3, { type: 'settings', groupName: null, adminsApproveJoins: true }),
      event(bo, 22, 2, admit(cy, 33)),
    ];
    const { state, verdicts } = reduceMembership(genesis, ops, chain());
    expect([...verdicts.values()].map((v) => (v.ok ? 'ok' : v.reason))).toEqual([
      'ok',
      'ok',
      'not-admin',
      'ok',
      'not-admin',
    ]);
    expect(state.groupName).toBe('Co-op');
    expect(state.settings.adminsApproveJoins).toBe(true);
  });

  it('takes only newer names signed by the person themself', async () => {
    const { signName } = await import('../identity/keys.ts');
    const newer = await signName(ada.person, 'Ada L.', ada.name.at + 1);
    const older = await signName(ada.person, 'Old', ada.name.at - 1);
    const forged = await signName(bo.person, 'Ada', ada.name.at + 2);
    const ops = [
      event(ada, ADA_CLIENT(), 1, { type: 'rename', name: newer }),
      event(ada, ADA_CLIENT(), 2, { type: 'rename', name: older }),
      event(ada, ADA_CLIENT(), 3, { type: 'rename', name: forged }),
    ];
    const { state, verdicts } = reduceMembership(genesis, ops, chain());
    expect([...verdicts.values()].map((v) => (v.ok ? 'ok' : v.reason))).toEqual([
      'ok',
      'stale-name',
      'name-mismatch',
    ]);
    expect(state.people.get(toHex(ada.person.publicKey))?.name.name).toBe('Ada L.');
  });
});

describe('membership ops', () => {
  it('round-trip through their encoding, and carry verifiable signatures', async () => {
    const ops: MembershipOp[] = [
      invite({ expiresAt: 99, singleUse: true }),
      { type: 'revoke-invite', inviteId },
      {
        ...admit(bo, 22),
        secrets: [{ epoch: 0, nonce: new Uint8Array(24).fill(1), box: new Uint8Array(48).fill(2) }],
      },
      { type: 'rename', name: bo.name },
      { type: 'settings', groupName: 'X', adminsApproveJoins: false },
      { type: 'settings', groupName: null, adminsApproveJoins: null },
    ];
    for (const op of ops) expect(decodeOp(encodeOp(op))).toEqual(op);
    expect(await verifyOpSignatures(testEd, admit(bo, 22))).toBe(true);
    expect(await verifyOpSignatures(testEd, { ...admit(bo, 22), name: cy.name })).toBe(true);
    expect(
      await verifyOpSignatures(testEd, {
        ...admit(bo, 22),
        certificate: { ...bo.certificate, device: cy.device.publicKey },
      }),
    ).toBe(false);
  });

  it('refuse unknown types, versions and trailing bytes with DecodeError', () => {
    expect(() => decodeOp(new Uint8Array([1, 99]))).toThrow(/unknown membership op/);
    expect(() => decodeOp(new Uint8Array([2, 1]))).toThrow(/version/);
    expect(() =>
      decodeOp(new Uint8Array([...encodeOp({ type: 'revoke-invite', inviteId }), 0])),
    ).toThrow(/trailing/);
  });
});
