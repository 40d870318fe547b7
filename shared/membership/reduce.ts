import { equalBytes, toHex } from '../crypto/bytes.ts';
import type { Genesis } from '../group/genesis.ts';
import { parseGroupName } from '../profile.ts';
import { inviteIdOf, type MembershipOp } from './ops.ts';
import { initialState, type MembershipState, type OpRef } from './state.ts';

/** One accepted-so-far membership blob, as the reducer sees it. */
export type OpEvent = {
  op: MembershipOp;
  /** Hex blob id. */
  id: string;
  ref: OpRef;
  /** Hex person and device keys of the blob's (verified) author. */
  person: string;
  device: string;
  /** Effective time (DESIGN §4): never earlier than anything the author had seen. */
  time: number;
};

export type MembershipRejectReason =
  | 'unknown-author'
  | 'not-admin'
  | 'unknown-invite'
  | 'invite-not-seen'
  | 'invite-revoked'
  | 'invite-expired'
  | 'invite-used'
  | 'duplicate-invite'
  | 'not-invite-owner'
  | 'already-member'
  | 'client-id-taken'
  | 'name-mismatch'
  | 'stale-name'
  | 'bad-settings';

export type Verdict = { ok: true } | { ok: false; reason: MembershipRejectReason };

/**
 * Whether `earlier` is in the causal past of `later`: the engine answers from the blobs'
 * vector clocks. Authorisation is judged on an op's causal past, so every peer reaches the
 * same verdict whatever order the ops arrived in (DESIGN §4, §8).
 */
export type CausalOrder = (earlier: OpRef, later: OpRef) => boolean;

/**
 * Reduces membership ops, given in the deterministic total order the engine keeps (a linear
 * extension of causality), to the group's membership, with a verdict per op. Pure: the same
 * genesis and ops give the same state on every peer.
 */
export function reduceMembership(
  genesis: Genesis,
  events: readonly OpEvent[],
  happenedBefore: CausalOrder,
): { state: MembershipState; verdicts: Map<string, Verdict> } {
  const state = initialState(genesis);
  const verdicts = new Map<string, Verdict>();
  for (const event of events) {
    const verdict = judge(state, event, happenedBefore);
    verdicts.set(event.id, verdict);
    if (verdict.ok) apply(state, event);
  }
  return { state, verdicts };
}

function reject(reason: MembershipRejectReason): Verdict {
  return { ok: false, reason };
}

const OK: Verdict = { ok: true };

function judge(state: MembershipState, event: OpEvent, before: CausalOrder): Verdict {
  const author = state.devices.get(event.device);
  if (!author || author.person !== event.person) return reject('unknown-author');
  const isAdmin = state.people.get(event.person)?.role === 'admin';
  const { op } = event;
  switch (op.type) {
    case 'invite':
      return state.invites.has(toHex(inviteIdOf(op.inviteSecret)))
        ? reject('duplicate-invite')
        : OK;
    case 'revoke-invite': {
      const invite = state.invites.get(toHex(op.inviteId));
      if (!invite || !before(invite.createdAt, event.ref)) return reject('unknown-invite');
      return invite.createdBy === event.person || isAdmin ? OK : reject('not-invite-owner');
    }
    case 'admit':
      return judgeAdmit(state, event, op, isAdmin, before);
    case 'rename': {
      if (toHex(op.name.person) !== event.person) return reject('name-mismatch');
      const current = state.people.get(event.person);
      return current && op.name.at > current.name.at ? OK : reject('stale-name');
    }
    case 'settings':
      if (!isAdmin) return reject('not-admin');
      if (op.groupName !== null) {
        try {
          if (parseGroupName(op.groupName) !== op.groupName) return reject('bad-settings');
        } catch {
          return reject('bad-settings');
        }
      }
      return OK;
  }
}

function judgeAdmit(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'admit' }>,
  isAdmin: boolean,
  before: CausalOrder,
): Verdict {
  if (state.settings.adminsApproveJoins && !isAdmin) return reject('not-admin');
  if (!equalBytes(op.certificate.person, op.name.person)) return reject('name-mismatch');
  const known = state.devices.get(toHex(op.certificate.device));
  if (known) {
    // Two members answered the same request concurrently: the same device, person and
    // clientID. Honour it as a no-op, so neither verdict depends on which arrived first.
    const same = known.clientId === op.clientId && known.person === toHex(op.certificate.person);
    return same ? OK : reject('already-member');
  }
  if (state.clientIds.has(op.clientId)) return reject('client-id-taken');
  if (op.inviteId === null) return isAdmin ? OK : reject('unknown-invite');

  const invite = state.invites.get(toHex(op.inviteId));
  if (!invite) return reject('unknown-invite');
  // The admitter must have seen the invite, and judges revocation and use on what it had
  // seen: concurrent admissions through one single-use invite are both honoured.
  if (!before(invite.createdAt, event.ref)) return reject('invite-not-seen');
  if (invite.revokedAt && before(invite.revokedAt, event.ref)) return reject('invite-revoked');
  if (invite.expiresAt !== null && event.time > invite.expiresAt) return reject('invite-expired');
  if (invite.singleUse && invite.usedAt.some((used) => before(used, event.ref))) {
    return reject('invite-used');
  }
  return OK;
}

function apply(state: MembershipState, event: OpEvent): void {
  const { op } = event;
  switch (op.type) {
    case 'invite':
      state.invites.set(toHex(inviteIdOf(op.inviteSecret)), {
        inviteId: inviteIdOf(op.inviteSecret),
        inviteSecret: op.inviteSecret,
        expiresAt: op.expiresAt,
        singleUse: op.singleUse,
        createdBy: event.person,
        createdAt: event.ref,
        revokedAt: null,
        usedAt: [],
      });
      return;
    case 'revoke-invite': {
      const invite = state.invites.get(toHex(op.inviteId));
      if (invite) invite.revokedAt ??= event.ref;
      return;
    }
    case 'admit': {
      const person = toHex(op.certificate.person);
      const device = toHex(op.certificate.device);
      const readmitted = state.devices.get(device);
      if (readmitted) {
        readmitted.admissions.push(event.ref);
        if (op.inviteId) state.invites.get(toHex(op.inviteId))?.usedAt.push(event.ref);
        return;
      }
      const existing = state.people.get(person);
      if (existing) existing.devices.push(device);
      else {
        state.people.set(person, {
          person: op.certificate.person,
          name: op.name,
          role: 'member',
          devices: [device],
          joinedAt: event.time,
        });
      }
      state.devices.set(device, {
        certificate: op.certificate,
        clientId: op.clientId,
        person,
        admittedBy: event.ref,
        admissions: [event.ref],
      });
      state.clientIds.set(op.clientId, device);
      if (op.inviteId) state.invites.get(toHex(op.inviteId))?.usedAt.push(event.ref);
      return;
    }
    case 'rename': {
      const person = state.people.get(event.person);
      if (person) person.name = op.name;
      return;
    }
    case 'settings':
      if (op.groupName !== null) state.groupName = op.groupName;
      if (op.adminsApproveJoins !== null) state.settings.adminsApproveJoins = op.adminsApproveJoins;
      return;
  }
}
