// Membership ops for reducer tests: people, a genesis, and ops as the engine would hand them.
import { toHex } from '../crypto/bytes.ts';
import { createGenesis, type Genesis } from '../group/genesis.ts';
import { makePerson, seeded, type TestPerson } from '../testing/people.ts';
import { inviteIdOf, type MembershipOp } from './ops.ts';
import type { CausalOrder, OpEvent } from './reduce.ts';
import type { OpRef } from './state.ts';

export type Cast = {
  ada: TestPerson;
  bo: TestPerson;
  cy: TestPerson;
  dee: TestPerson;
  genesis: Genesis;
};

/** Ada founds a co-op; Bo, Cy and Dee are people she may let in. */
export async function cast(): Promise<Cast> {
  const [ada, bo, cy, dee] = await Promise.all([
    makePerson(1, 'Ada'),
    makePerson(2, 'Bo'),
    makePerson(3, 'Cy'),
    makePerson(4, 'Dee'),
  ]);
  const { genesis } = await createGenesis({
    name: 'Co-op',
    person: ada.person,
    creator: ada.certificate,
    creatorName: ada.name,
    settings: { historyPolicy: 'all', adminsApproveJoins: false },
    createdAt: 1000,
    random: seeded(50),
  });
  return { ada, bo, cy, dee, genesis };
}

export const inviteSecret = new Uint8Array(16).fill(7);
export const inviteId = inviteIdOf(inviteSecret);
let nextId = 0;

/** An op by `by`'s device, written as its blob `seq` on chain `clientId`. */
export function event(
  by: TestPerson,
  clientId: number,
  seq: number,
  op: MembershipOp,
  time = 2000 + seq,
): OpEvent {
  nextId += 1;
  return {
    op,
    id: `op-${nextId}`,
    ref: { clientId, seq },
    person: toHex(by.person.publicKey),
    device: toHex(by.device.publicKey),
    time,
  };
}

export function admit(
  who: TestPerson,
  clientId: number,
  invite: Uint8Array | null = inviteId,
): Extract<MembershipOp, { type: 'admit' }> {
  return {
    type: 'admit',
    certificate: who.certificate,
    name: who.name,
    clientId,
    inviteId: invite,
    secrets: [],
  };
}

export const invite = (
  extra: Partial<Extract<MembershipOp, { type: 'invite' }>> = {},
): MembershipOp => ({
  type: 'invite',
  inviteSecret,
  expiresAt: null,
  singleUse: false,
  ...extra,
});

export const refKey = (ref: OpRef) => `${ref.clientId}:${ref.seq}`;

/**
 * Causality for a list of ops: each has seen every op listed before it, except those it is
 * named concurrent with (and that op's later ones on the same chain).
 */
export function causal(events: OpEvent[], concurrent: [OpEvent, OpEvent][] = []): CausalOrder {
  const frontiers = new Map<string, Map<number, number>>();
  events.forEach((later, i) => {
    const frontier = new Map<number, number>();
    const hidden = concurrent.flatMap(([x, y]) => (x === later ? [y] : y === later ? [x] : []));
    for (const earlier of events.slice(0, i + 1)) {
      const unseen = hidden.some(
        (h) => h.ref.clientId === earlier.ref.clientId && earlier.ref.seq >= h.ref.seq,
      );
      if (unseen) continue;
      const { clientId, seq } = earlier.ref;
      frontier.set(clientId, Math.max(frontier.get(clientId) ?? 0, seq));
    }
    frontiers.set(refKey(later.ref), frontier);
  });
  return (earlier, later) =>
    (frontiers.get(refKey(later))?.get(earlier.clientId) ?? 0) >= earlier.seq;
}
