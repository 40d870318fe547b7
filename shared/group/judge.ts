import * as Y from 'yjs';
import { logError } from '../log.ts';
import { depsHash, noPrevious } from '../blob/format.ts';
import { REMOTE_APPLY } from '../content/apply.ts';
import { validateUpdate } from '../content/validate.ts';
import { equalBytes } from '../crypto/bytes.ts';
import type { StoredBlob } from '../storage/storage.ts';
import { placeAfter, type BlobMeta } from './chains.ts';
import { compareHlc } from './clock.ts';
import { pinsOf } from './epochs.ts';
import type { EngineCore, Waiting } from './engine-state.ts';
import { bytesOfHex, keyHex } from './hex.ts';
import type { Signed } from './opening.ts';
import { voidChains } from '../membership/state.ts';
import { touchedMessages } from './touched.ts';

/**
 * Blobs of a removed device after its pin that still join its chain (without effect); later
 * ones are refused, so a removed device cannot fill its peers' storage.
 */
export const BEYOND_PIN = 64;

/** What became of one blob. */
export type Outcome = 'accepted' | 'duplicate' | 'held' | 'refused' | 'dropped';

export type ReceiveReport = Record<Outcome, number> & { rebuild: boolean };

/** One round of phase two: everything judged inside one Yjs transaction. */
export type Batch = {
  report: ReceiveReport;
  added: Set<string>;
  changed: Set<string>;
  membersChanged: boolean;
  /** A membership op joined the log, taking effect or not (a refused rotation's keyring stays readable). */
  opsAdded: boolean;
  /** Verified blobs released by this batch, processed in the same transaction. */
  ready: Signed[];
  /** Raw blobs released by a new epoch key, opened in the next round. */
  reopen: Uint8Array[];
  /** Accepted blobs, to store and announce once the transaction is over. */
  stored: StoredBlob[];
};

export function hold(core: EngineCore, key: string, id: string, item: Waiting): Outcome {
  return core.state.held.hold(key, id, item) ? 'held' : 'dropped';
}

/** Phase two for one signed blob: chain, deps, causality, then its payload. */
export function judge(core: EngineCore, signed: Signed, batch: Batch): Outcome {
  const { state } = core;
  const deviceKey = signed.kind === 'faulty' ? signed.device : keyHex(signed.blob.device);
  const device = state.membership.state().devices.get(deviceKey);
  if (!device || (core.admitted && !core.admitted.has(deviceKey)))
    return hold(core, `device:${deviceKey}`, signed.id, { signed });
  const clientId = device.clientId;
  const seq = signed.kind === 'faulty' ? signed.seq : signed.blob.seq;
  if (state.book.idAt(clientId, seq) === signed.id) return 'duplicate';
  const refuse = (reason: string, detail: string): Outcome => {
    state.book.refuse(clientId, seq, signed.id);
    state.rejections.push({ id: signed.id, reason, detail });
    core.events.emit('rejected', { id: signed.id, reason, detail });
    wake(core, `pos:${clientId}:${seq}`, batch);
    return 'refused';
  };
  // A removed device's blobs after its pin take no effect; the first few still join its chain
  // (stored and relayed like any other), so every peer holds the same blobs and the
  // membership reduction, a pure function of them, decides which removal stands (a
  // removal's own author may be pinned by a concurrent one). Past that, they are refused.
  const pin = core.pins.get(clientId);
  const beyondPin = pin !== undefined && seq > pin;
  if (beyondPin && seq > pin + BEYOND_PIN)
    return refuse('removed', `written after its device left the group (after seq ${pin})`);
  const person = signed.kind === 'faulty' ? signed.person : keyHex(signed.blob.person);
  if (person !== device.person)
    return refuse('person-mismatch', 'the device belongs to another person');
  const forkedAt = state.book.forkedAt(clientId);
  if (forkedAt !== null && seq >= forkedAt)
    return refuse('equivocation', `device forked at ${forkedAt}`);
  if (seq <= state.book.head(clientId)) {
    // A different blob where one was accepted: proof of a fork.
    state.book.markFork(clientId, seq);
    core.events.emit('fork', { clientId, seq });
    batch.report.rebuild = true;
    // Blobs that waited for evidence of a fork can now be judged.
    for (const item of state.held.releaseAll('fork:')) {
      if ('signed' in item) batch.ready.push(item.signed);
    }
    return refuse('equivocation', `a second blob at ${clientId}:${seq}`);
  }
  const prev = seq > 1 ? state.book.accepted(clientId, seq - 1) : undefined;
  if (seq > 1 && !prev) {
    if (state.book.isDecided(clientId, seq - 1))
      return refuse('predecessor-refused', `${clientId}:${seq - 1}`);
    return hold(core, `pos:${clientId}:${seq - 1}`, signed.id, { signed });
  }
  if (signed.kind === 'faulty') return refuse(signed.reason, signed.detail);
  return judgeOpened(core, signed, { clientId, seq, prev, refuse, beyondPin }, batch);
}

type Place = {
  clientId: number;
  seq: number;
  prev: BlobMeta | undefined;
  refuse: (reason: string, detail: string) => Outcome;
  /** After its device's pin: in the chain, without effect (see `judge`). */
  beyondPin: boolean;
};

function judgeOpened(
  core: EngineCore,
  signed: Exclude<Signed, { kind: 'faulty' }>,
  place: Place,
  batch: Batch,
): Outcome {
  const { state } = core;
  const { blob } = signed;
  const { clientId, seq, prev, refuse, beyondPin } = place;
  const linked = prev
    ? state.book.hasIdAt(clientId, seq - 1, blob.prev)
    : equalBytes(blob.prev, noPrevious());
  if (!linked) {
    // Its author holds a different predecessor: a fork we have not seen yet. Wait for it.
    return hold(core, `fork:${clientId}:${seq - 1}`, signed.id, { signed });
  }
  if (prev && compareHlc(blob.time, prev.time) <= 0)
    return refuse('clock-regressed', 'time went backwards');
  const depMetas: BlobMeta[] = [];
  const depIds: Uint8Array[] = [];
  let ambiguous = false;
  for (const dep of blob.deps) {
    // A position past a removed device's pin is decided without its blob: whatever is there
    // takes no effect. Peers that cannot get or open it (it may be sealed in an epoch only
    // its keyring holds, or refused past the cap) must not wait for it; the deps hash then
    // cannot be checked, as for any ambiguous position. Nor does it place the blob
    // (`placeAfter`): some peers hold it and some never will, and the order must be the same
    // everywhere. So too any position on the chain of a device whose admission was void
    // (`voidChains`): a member may have taken its blobs before learning that, and written
    // after them; no peer takes them now.
    const pin = core.pins.get(dep.device);
    const withoutEffect = (pin !== undefined && dep.seq > pin) || core.voidChains.has(dep.device);
    if (withoutEffect && !state.book.isDecided(dep.device, dep.seq)) {
      ambiguous = true;
      continue;
    }
    if (!state.book.isDecided(dep.device, dep.seq)) {
      return hold(core, `pos:${dep.device}:${dep.seq}`, signed.id, { signed });
    }
    const meta = state.book.accepted(dep.device, dep.seq);
    const id = state.book.idBytesAt(dep.device, dep.seq);
    if (meta && id) {
      if (!withoutEffect) depMetas.push(meta);
      depIds.push(id);
    } else {
      const refused = state.book.refusedIds(dep.device, dep.seq);
      if (refused.length === 1 && refused[0] !== undefined) depIds.push(bytesOfHex(refused[0], 32));
      else ambiguous = true;
    }
  }
  if (!ambiguous && blob.depsHash && !equalBytes(blob.depsHash, depsHash(depIds))) {
    // The author saw other blobs at those positions than we hold: fork evidence is coming.
    return hold(core, `fork:deps`, signed.id, { signed });
  }
  const frontier = new Map(prev ? state.book.frontier(clientId) : []);
  for (const dep of blob.deps)
    frontier.set(dep.device, Math.max(frontier.get(dep.device) ?? 0, dep.seq));
  frontier.set(clientId, seq);
  const device = state.membership.state().devices.get(keyHex(blob.device));
  // Any of the device's admissions will do: two members may have let it in concurrently.
  const admissions = device?.admissions ?? [];
  const seen = admissions.some((ref) => (frontier.get(ref.clientId) ?? 0) >= ref.seq);
  if (device?.admittedBy && !seen) {
    return refuse('admission-not-seen', 'the device wrote before it had seen its own admission');
  }
  const placed = placeAfter(blob.time, prev ? [prev, ...depMetas] : depMetas);
  const meta: BlobMeta = { id: signed.id, time: blob.time, ...placed };
  if (core.clock.observe(blob.time).future) state.future.add(signed.id);

  let added: string[] = [];
  if (signed.kind === 'opened' && signed.op) {
    const order = { time: placed.effective, depth: placed.depth, blob: signed.id };
    const event = {
      id: signed.id,
      ref: { clientId, seq },
      person: keyHex(blob.person),
      device: keyHex(blob.device),
      time: placed.effective.wall,
    };
    state.membershipEntries.push({ event, payload: signed.blob.payload, order, frontier });
    const outcome = state.membership.add({ ...event, op: signed.op }, order, frontier);
    batch.opsAdded = true;
    if (outcome.flipped) batch.report.rebuild = true;
    // A removal may pin a device below blobs of it already applied (those must go), or stop
    // standing, so blobs kept without effect now count: either way, rebuild.
    const pins = core.replaying ? core.pins : pinsOf(state.membership.state());
    for (const key of new Set([...core.pins.keys(), ...pins.keys()])) {
      const before = core.pins.get(key) ?? Infinity;
      const after = pins.get(key) ?? Infinity;
      if (before !== after && state.book.head(key) > Math.min(before, after))
        batch.report.rebuild = true;
    }
    core.pins = pins;
    if (!core.replaying) noteVoidChains(core, batch);
    if (!outcome.verdict.ok) {
      // The blob stays in its chain (an honest device may lose a race); the op has no effect.
      state.rejections.push({
        id: signed.id,
        reason: outcome.verdict.reason,
        detail: 'membership op had no effect',
      });
    } else {
      batch.membersChanged = true;
    }
  } else if (signed.kind === 'opaque') {
    // An epoch this device may not read ("from join"): in the chain, its content unknown here.
  } else if (beyondPin) {
    // Kept in the chain, never applied: written after its device was out of the group.
    state.rejections.push({
      id: signed.id,
      reason: 'removed',
      detail: `written after its device left the group (after seq ${core.pins.get(clientId) ?? 0}); kept, not shown`,
    });
  } else {
    // Our own change is already in the doc; everything else is judged before it touches it.
    const local = state.local.has(signed.id);
    const doc = state.docs.of(blob.epoch);
    if (core.poisoned.has(signed.id)) {
      return refuse('apply-failed', 'this update made Yjs fail before; it is never applied again');
    }
    if (!local) {
      const verdict = validateUpdate(doc, signed.blob.payload, clientId);
      if (!verdict.ok) return refuse(verdict.reason, verdict.detail);
    }
    const touched = touchedMessages(signed.blob.payload);
    for (const { replyTo } of touched.replies) {
      // A reply must answer something its author had seen: hiding deps cannot date a reply
      // before the message it answers.
      const answered = state.order.position(replyTo);
      // A message from an epoch this device may not read ("from join") is not ours to judge.
      if (!answered && core.membershipKeys.size > 0) continue;
      if (!answered || (frontier.get(answered.clientId) ?? 0) < answered.seq) {
        return refuse(
          'reply-outside-causal-past',
          `replies to ${replyTo}, which its author had not seen`,
        );
      }
    }
    if (!local) {
      try {
        Y.applyUpdate(doc, signed.blob.payload, REMOTE_APPLY);
      } catch (error) {
        // A validated update that still makes Yjs throw may have left the doc half-changed
        // (a poisoned doc can stop encoding, DESIGN §5): refuse it for good and rebuild.
        logError(`fellows: Yjs failed to apply blob ${signed.id.slice(0, 12)}: rebuilding`, error);
        core.poisoned.add(signed.id);
        batch.report.rebuild = true;
        return refuse('apply-failed', 'Yjs could not apply this update');
      }
    }
    added = touched.added;
    for (const id of touched.changed) batch.changed.add(id);
  }
  state.book.accept(clientId, seq, meta, frontier, blob.id);
  // Ordered once the blob is in the book: a message's order key is its blob's.
  for (const id of added) if (state.order.add(id, clientId, seq)) batch.added.add(id);
  batch.stored.push({
    id: signed.id,
    clientId,
    seq,
    bytes: signed.bytes,
  });
  wake(core, `pos:${clientId}:${seq}`, batch);
  if (blob.kind === 'membership') {
    for (const key of state.membership.state().devices.keys()) wake(core, `device:${key}`, batch);
  }
  return 'accepted';
}

/**
 * Keeps `core.voidChains` as the membership changes: blobs waiting for a position on a chain
 * now void go on (it will never come); a chain no longer void (its clientID is a member's
 * now) had blobs taken past it, so rebuild.
 */
function noteVoidChains(core: EngineCore, batch: Batch): void {
  const before = core.voidChains;
  const after = voidChains(core.state.membership.state());
  core.voidChains = after;
  for (const clientId of before) if (!after.has(clientId)) batch.report.rebuild = true;
  for (const clientId of after) {
    if (before.has(clientId)) continue;
    requeue(core.state.held.releaseAll(`pos:${clientId}:`), batch);
  }
}

export function wake(core: EngineCore, key: string, batch: Batch): void {
  requeue(core.state.held.release(key), batch);
}

/** Blobs let out of the holdback go back into this batch: judged, or opened, again. */
function requeue(items: readonly Waiting[], batch: Batch): void {
  for (const item of items) {
    if ('signed' in item) batch.ready.push(item.signed);
    else batch.reopen.push(item.bytes);
  }
}
