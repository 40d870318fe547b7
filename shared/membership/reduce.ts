import { equalBytes, toHex } from '../crypto/bytes.ts';
import type { Genesis } from '../group/genesis.ts';
import { parseGroupName } from '../profile.ts';
import { inviteIdOf, type MembershipOp } from './ops.ts';
import {
  activePeople,
  initialState,
  isActivePerson,
  personDevices,
  type EpochRecord,
  type MemberDevice,
  type MembershipState,
  type OpRef,
} from './state.ts';

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
  | 'bad-settings'
  | 'removed-author'
  | 'removed-device'
  | 'not-member'
  | 'already-admin'
  | 'bad-pin'
  | 'invite-retired'
  | 'epoch-taken'
  | 'bad-generation'
  | 'bad-keyring'
  | 'crossed-rotation'
  | 'unknown-device'
  | 'last-device';

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
  // Pins cut what a removed device wrote after what its remover had seen, also ops that come
  // earlier in the order (a removed device cannot date its ops before its removal). Which
  // removals stand depends on those cuts, so reduce again with the pins the last pass ended
  // with, starting from none, until they hold: the same ops give the same result everywhere.
  let pins = new Map<string, number>();
  let result = reduceOnce(genesis, events, happenedBefore, pins);
  for (let round = 0; round < MAX_PIN_ROUNDS; round++) {
    const next = devicePins(result.state);
    if (samePins(next, pins)) break;
    pins = next;
    result = reduceOnce(genesis, events, happenedBefore, pins);
  }
  return result;
}

/** Passes of the reduction at most: a few removals at once settle in two or three. */
const MAX_PIN_ROUNDS = 6;

function devicePins(state: MembershipState): Map<string, number> {
  const pins = new Map<string, number>();
  for (const [key, device] of state.devices) if (device.removed) pins.set(key, device.removed.pin);
  return pins;
}

/** Whether two sets of pins (by device key or by clientID) are the same. */
export function samePins<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): boolean {
  return a.size === b.size && [...a].every(([key, pin]) => b.get(key) === pin);
}

function reduceOnce(
  genesis: Genesis,
  events: readonly OpEvent[],
  happenedBefore: CausalOrder,
  pins: ReadonlyMap<string, number>,
): { state: MembershipState; verdicts: Map<string, Verdict> } {
  const state = initialState(genesis);
  const verdicts = new Map<string, Verdict>();
  const cut = (event: OpEvent) => event.ref.seq > (pins.get(event.device) ?? Infinity);
  // Every rotation in the log, also those later in the order: an admission concurrent with
  // any of them is void (see judgeAdmit). Not those cut by a pin: they never counted.
  const rotations = events.filter((e) => e.op.type === 'rotate' && !cut(e)).map((e) => e.ref);
  for (const event of events) {
    const verdict = cut(event)
      ? reject('removed-author')
      : judge(state, event, happenedBefore, rotations);
    verdicts.set(event.id, verdict);
    if (!verdict.ok && event.op.type === 'rotate') keepRefusedKeyring(state, event, event.op);
    if (!verdict.ok && verdict.reason === 'crossed-rotation' && event.op.type === 'admit') {
      const device = toHex(event.op.certificate.device);
      if (!state.crossed.has(device)) state.crossed.set(device, event.op.clientId);
    }
    if (
      !verdict.ok &&
      verdict.reason === 'crossed-rotation' &&
      event.op.type === 'admit' &&
      handsHistory(state, event, event.op)
    ) {
      // The joiner was handed the admitter's epochs all the same: they hold them until a
      // new epoch leaves them out (epochHolders).
      const device = toHex(event.op.certificate.device);
      state.voided.set(device, [...(state.voided.get(device) ?? []), event.ref]);
    }
    if (verdict.ok) apply(state, event);
    else if (verdict.reason === 'not-member' || verdict.reason === 'unknown-device')
      lowerPins(state, event, happenedBefore);
  }
  return { state, verdicts };
}

/**
 * A removal (or unlink) that came second — its target had left, or was out already — still
 * pins what its author had seen, when its author had the right to write it: a device's pin is
 * the lowest any such op names. Else a member's leave and an admin's concurrent removal of
 * them would each be a consistent outcome (the leave pinning itself in, the removal pinning
 * it out), and peers would keep whichever reached them first. With the lowest pin, the leave
 * is refused everywhere and the removal stands (the property test found this).
 */
function lowerPins(state: MembershipState, event: OpEvent, before: CausalOrder): void {
  const { op } = event;
  const author = state.devices.get(event.device);
  if (!author || author.person !== event.person || author.removed) return;
  const isAdmin = adminAt(state, event, before);
  const lower = (device: MemberDevice | undefined, pin: number) => {
    if (!device?.removed || pin >= device.removed.pin) return;
    if (exactPin(device.clientId, pin, event.ref, before))
      device.removed = { ...device.removed, pin };
  };
  if (op.type === 'remove') {
    const person = toHex(op.person);
    if (person !== event.person && !isAdmin) return;
    for (const pin of op.pins) {
      const device = state.devices.get(state.clientIds.get(pin.clientId) ?? '');
      if (device?.person === person) lower(device, pin.seq);
    }
  } else if (op.type === 'unlink') {
    const device = state.devices.get(toHex(op.device));
    if (device && (device.person === event.person || isAdmin)) lower(device, op.pin);
  }
}

function reject(reason: MembershipRejectReason): Verdict {
  return { ok: false, reason };
}

const OK: Verdict = { ok: true };

function judge(
  state: MembershipState,
  event: OpEvent,
  before: CausalOrder,
  rotations: readonly OpRef[],
): Verdict {
  const author = state.devices.get(event.device);
  if (!author || author.person !== event.person) return reject('unknown-author');
  // Out of the group by what comes before in the total order: of two admins removing each
  // other concurrently, the first removal stands and the second has no effect.
  if (author.removed) return reject('removed-author');
  // Authority is judged on what the author had seen: an admin grant in its causal past.
  const isAdmin = adminAt(state, event, before);
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
      return judgeAdmit(state, event, op, isAdmin, before, rotations);
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
    case 'promote': {
      if (!isAdmin) return reject('not-admin');
      const target = state.people.get(toHex(op.person));
      if (!isActivePerson(target)) return reject('not-member');
      return target.role === 'admin' ? reject('already-admin') : OK;
    }
    case 'remove':
      return judgeRemove(state, event, op, isAdmin, before);
    case 'rotate':
      return judgeRotate(state, event, op, before);
    case 'unlink':
      return judgeUnlink(state, event, op, isAdmin, before);
  }
}

/**
 * One device out, its person staying: by that person (from any of their devices, also the
 * device itself) or by an admin. The pin is exactly what the author had seen of the device,
 * as for a removal; a person's last device cannot go this way (that is leaving).
 */
function judgeUnlink(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'unlink' }>,
  isAdmin: boolean,
  before: CausalOrder,
): Verdict {
  const key = toHex(op.device);
  const device = state.devices.get(key);
  if (!device || device.removed || !knownBefore(device, event.ref, before))
    return reject('unknown-device');
  if (device.person !== event.person && !isAdmin) return reject('not-admin');
  const person = state.people.get(device.person);
  if (!isActivePerson(person)) return reject('not-member');
  if (personDevices(state, person).every((d) => d === key)) return reject('last-device');
  return exactPin(device.clientId, op.pin, event.ref, before) ? OK : reject('bad-pin');
}

/** Whether the author had an admin grant (the genesis, or a promotion) in the op's causal past. */
function adminAt(state: MembershipState, event: OpEvent, before: CausalOrder): boolean {
  return (state.adminGrants.get(event.person) ?? []).some(
    (grant) => grant === null || before(grant, event.ref),
  );
}

/**
 * Whether `seq` is exactly the last blob of chain `clientId` in the causal past of `ref`
 * (0: none of it): what a removal or unlink must pin.
 */
function exactPin(clientId: number, seq: number, ref: OpRef, before: CausalOrder): boolean {
  const seen = seq === 0 || before({ clientId, seq }, ref);
  return seen && !before({ clientId, seq: seq + 1 }, ref);
}

/**
 * A removal (or a leave, when the author removes themself). Its pins must be exactly what
 * the author had seen of each of the person's devices it knew: no more (it cannot vouch for
 * blobs it never saw) and no less (an admin cannot erase what a member already wrote).
 */
function judgeRemove(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'remove' }>,
  isAdmin: boolean,
  before: CausalOrder,
): Verdict {
  const person = toHex(op.person);
  if (!isActivePerson(state.people.get(person))) return reject('not-member');
  if (person !== event.person && !isAdmin) return reject('not-admin');
  const pinned = new Set<number>();
  for (const pin of op.pins) {
    const device = state.devices.get(state.clientIds.get(pin.clientId) ?? '');
    if (!device || device.person !== person || pinned.has(pin.clientId)) return reject('bad-pin');
    pinned.add(pin.clientId);
    if (!exactPin(pin.clientId, pin.seq, event.ref, before)) return reject('bad-pin');
  }
  for (const device of state.devices.values()) {
    if (device.person !== person || pinned.has(device.clientId)) continue;
    if (knownBefore(device, event.ref, before)) return reject('bad-pin');
  }
  return OK;
}

/** Whether the device's admission (or the genesis) is in the causal past of `ref`. */
function knownBefore(device: MemberDevice, ref: OpRef, before: CausalOrder): boolean {
  return device.admittedBy === null || device.admissions.some((a) => before(a, ref));
}

/**
 * A new epoch. Any member may start one (a removal, a leave, a repair after concurrent
 * rotations, DESIGN §8); it must box the secret to exactly the devices that were members in
 * its causal past, and be one generation past every epoch in that past.
 */
function judgeRotate(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'rotate' }>,
  before: CausalOrder,
): Verdict {
  if (op.epoch === 0 || state.epochs.has(op.epoch)) return reject('epoch-taken');
  let newest = 0;
  for (const epoch of state.epochs.values()) {
    if (epoch.valid && (epoch.by === null || before(epoch.by, event.ref)))
      newest = Math.max(newest, epoch.generation);
  }
  if (op.generation !== newest + 1) return reject('bad-generation');
  const keyring = new Set(op.boxes.map((b) => toHex(b.device)));
  if (keyring.size !== op.boxes.length) return reject('bad-keyring');
  for (const [key, device] of state.devices) {
    const known = knownBefore(device, event.ref, before);
    const goneBefore = device.removed !== null && before(device.removed.by, event.ref);
    if (keyring.has(key)) {
      // Only devices it knew, and never one it knew was out.
      if (!known || goneBefore) return reject('bad-keyring');
    } else if (known && device.removed === null) {
      // Every device it knew, unless it is out (its removal may have come to stand by
      // another op than the one the author saw: a leave crossing an admin's removal).
      return reject('bad-keyring');
    }
  }
  for (const key of keyring) if (!state.devices.has(key)) return reject('bad-keyring');
  return OK;
}

/** A person adding a device of their own (linking, DESIGN §2). */
function isLink(event: OpEvent, op: Extract<MembershipOp, { type: 'admit' }>): boolean {
  return op.inviteId === null && toHex(op.certificate.person) === event.person;
}

/**
 * Whether an admission hands the device the admitter's epochs. In a "from join" group only a
 * link does (the person already reads them); anyone else gets a new epoch (epochs.ts).
 */
function handsHistory(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'admit' }>,
): boolean {
  return state.settings.historyPolicy === 'all' || isLink(event, op);
}

function judgeAdmit(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'admit' }>,
  isAdmin: boolean,
  before: CausalOrder,
  rotations: readonly OpRef[],
): Verdict {
  // A person adding a device of their own (linking, DESIGN §2) needs no invite and no admin.
  const linking = isLink(event, op);
  if (state.settings.adminsApproveJoins && !isAdmin && !linking) return reject('not-admin');
  // An admission concurrent with a new epoch is void, as concurrent commits are in MLS: the
  // joiner holds neither that epoch's key (its keyring did not know them) nor any way to
  // read the blobs sealed with it, which would block every chain behind them. They ask again.
  const crossed = rotations.some(
    (rotation) => !before(rotation, event.ref) && !before(event.ref, rotation),
  );
  if (crossed) return reject('crossed-rotation');
  if (!equalBytes(op.certificate.person, op.name.person)) return reject('name-mismatch');
  const known = state.devices.get(toHex(op.certificate.device));
  if (known?.removed) return reject('removed-device');
  if (known) {
    // Two members answered the same request concurrently: the same device, person and
    // clientID. Honour it as a no-op, so neither verdict depends on which arrived first.
    const same = known.clientId === op.clientId && known.person === toHex(op.certificate.person);
    return same ? OK : reject('already-member');
  }
  if (state.clientIds.has(op.clientId)) return reject('client-id-taken');
  if (op.inviteId === null) return isAdmin || linking ? OK : reject('unknown-invite');

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
  // A removed person knew every invite made before their removal: those let nobody in after it.
  const retired = state.removals.some(
    (removal) => before(invite.createdAt, removal) && before(removal, event.ref),
  );
  return retired ? reject('invite-retired') : OK;
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
      const handed = handsHistory(state, event, op);
      if (readmitted) {
        readmitted.admissions.push(event.ref);
        if (handed) readmitted.handed.push(event.ref);
        if (op.inviteId) state.invites.get(toHex(op.inviteId))?.usedAt.push(event.ref);
        return;
      }
      const existing = state.people.get(person);
      if (existing) {
        existing.devices.push(device);
        if (existing.removed) {
          // Back with a new device, through a new invite.
          existing.removed = null;
          existing.name = op.name;
          existing.joinedAt = event.time;
        }
      } else {
        state.people.set(person, {
          person: op.certificate.person,
          name: op.name,
          role: 'member',
          devices: [device],
          joinedAt: event.time,
          removed: null,
        });
      }
      state.devices.set(device, {
        certificate: op.certificate,
        clientId: op.clientId,
        person,
        admittedBy: event.ref,
        admissions: [event.ref],
        handed: handed ? [event.ref] : [],
        removed: null,
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
    case 'promote': {
      const person = state.people.get(toHex(op.person));
      if (person) person.role = 'admin';
      grant(state, toHex(op.person), event.ref);
      return;
    }
    case 'remove':
      applyRemove(state, event, op);
      return;
    case 'unlink': {
      const device = state.devices.get(toHex(op.device));
      if (device) device.removed = { by: event.ref, pin: op.pin };
      return;
    }
    case 'rotate': {
      state.epochs.set(op.epoch, epochRecord(event, op, true));
      // Of concurrent rotations the first in the total order stays current.
      if (op.generation > (state.epochs.get(state.current)?.generation ?? 0))
        state.current = op.epoch;
      return;
    }
  }
}

/**
 * A refused rotation never becomes current, but its author may have written in it before
 * learning so: its keyring stays readable, or the blobs sealed with it would block the
 * author's chain for everyone. Only from a device of the group; never over a valid epoch.
 */
function keepRefusedKeyring(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'rotate' }>,
): void {
  if (op.epoch === 0 || state.epochs.has(op.epoch) || !state.devices.has(event.device)) return;
  state.epochs.set(op.epoch, epochRecord(event, op, false));
}

function epochRecord(
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'rotate' }>,
  valid: boolean,
): EpochRecord {
  return {
    epoch: op.epoch,
    generation: op.generation,
    by: event.ref,
    keyring: op.boxes.map((b) => toHex(b.device)),
    boxes: op.boxes,
    author: event.device,
    valid,
  };
}

function applyRemove(
  state: MembershipState,
  event: OpEvent,
  op: Extract<MembershipOp, { type: 'remove' }>,
): void {
  const key = toHex(op.person);
  const person = state.people.get(key);
  if (!person) return;
  const left = key === event.person;
  person.removed = { by: event.ref, reason: left ? 'left' : 'removed' };
  person.role = 'member';
  state.adminGrants.delete(key);
  const pins = new Map(op.pins.map((pin) => [pin.clientId, pin.seq]));
  for (const device of state.devices.values()) {
    // A device the author did not know of was admitted concurrently: none of its blobs count.
    if (device.person === key)
      device.removed ??= { by: event.ref, pin: pins.get(device.clientId) ?? 0 };
  }
  if (!left) state.removals.push(event.ref);
  // A group always has an admin: if the last one went, the longest-standing member is one.
  const people = activePeople(state);
  if (people.length > 0 && !people.some((p) => p.role === 'admin')) {
    const [first] = people.sort(
      (a, b) => a.joinedAt - b.joinedAt || toHex(a.person).localeCompare(toHex(b.person)),
    );
    if (first) {
      first.role = 'admin';
      grant(state, toHex(first.person), event.ref);
    }
  }
}

function grant(state: MembershipState, person: string, by: OpRef): void {
  state.adminGrants.set(person, [...(state.adminGrants.get(person) ?? []), by]);
}
