import * as Y from 'yjs';
import { REMOTE_APPLY } from '../content/apply.ts';
import { validateUpdate } from '../content/validate.ts';
import { equalBytes, toHex } from '../crypto/bytes.ts';
import { depsHash, noPrevious } from '../blob/format.ts';
import type { OpenedBlob } from '../blob/open.ts';
import { logError } from '../log.ts';
import type { StoredBlob } from '../storage/storage.ts';
import type { BlobMeta } from './chains.ts';
import { placeAfter } from './chains.ts';
import { compareHlc } from './clock.ts';
import type { EngineCore, Waiting } from './engine-state.ts';
import { openForEngine, type Opening, type Signed } from './opening.ts';
import { touchedMessages } from './touched.ts';

/** What became of one blob. */
export type Outcome = 'accepted' | 'duplicate' | 'held' | 'refused' | 'dropped';

export type ReceiveReport = Record<Outcome, number> & { rebuild: boolean };

type Batch = {
  report: ReceiveReport;
  added: Set<string>;
  changed: Set<string>;
  membersChanged: boolean;
  /** Verified blobs released by this batch, processed in the same transaction. */
  ready: Signed[];
  /** Raw blobs released by a new epoch key, opened in the next round. */
  reopen: Uint8Array[];
  /** Accepted blobs, to store and announce once the transaction is over. */
  stored: StoredBlob[];
};

const OPEN_CONCURRENCY = 256;

/**
 * Receives blobs from anywhere (a peer, the local log, our own writes). Phase one verifies
 * signatures and MACs concurrently; phase two judges and applies each blob in one Yjs
 * transaction, holding back what is not yet decidable and waking what a blob unblocks.
 */
export async function receiveBlobs(
  core: EngineCore,
  blobs: readonly Uint8Array[],
): Promise<ReceiveReport> {
  const report: ReceiveReport = {
    accepted: 0,
    duplicate: 0,
    held: 0,
    refused: 0,
    dropped: 0,
    rebuild: false,
  };
  let work = [...blobs];
  while (work.length > 0) {
    const openings: Opening[] = [];
    for (let i = 0; i < work.length; i += OPEN_CONCURRENCY) {
      const chunk = work.slice(i, i + OPEN_CONCURRENCY);
      openings.push(
        ...(await Promise.all(chunk.map((bytes) => openForEngine(bytes, contextOf(core))))),
      );
    }
    const batch: Batch = {
      report,
      added: new Set(),
      changed: new Set(),
      membersChanged: false,
      ready: [],
      reopen: [],
      stored: [],
    };
    const { doc } = core.state;
    Y.transact(
      doc,
      () => {
        for (const opening of openings) judgeOpening(core, opening, batch);
        while (batch.ready.length > 0) {
          const next = batch.ready.shift();
          if (next) count(batch, judge(core, next, batch));
        }
      },
      REMOTE_APPLY,
      false,
    );
    doc.clientID = core.me.clientId;
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      logError('content doc was left with parked updates: rebuilding from the log');
      report.rebuild = true;
    }
    for (const stored of batch.stored) await core.storage.appendBlob(stored);
    for (const stored of batch.stored) core.events.emit('blob', stored);
    announce(core, batch);
    work = batch.reopen;
  }
  return report;
}

function contextOf(core: EngineCore) {
  return {
    ed: core.ed,
    groupId: core.groupId,
    contentKey: (epoch: number) => core.keys.get(epoch)?.contentKey,
  };
}

function count(batch: Batch, outcome: Outcome): void {
  batch.report[outcome] += 1;
}

function judgeOpening(core: EngineCore, opening: Opening, batch: Batch): void {
  const { state } = core;
  switch (opening.kind) {
    case 'junk':
      state.rejections.push({ id: opening.id, reason: opening.reason, detail: opening.detail });
      core.events.emit('rejected', {
        id: opening.id,
        reason: opening.reason,
        detail: opening.detail,
      });
      count(batch, 'dropped');
      return;
    case 'no-key':
      if (state.known.has(opening.id)) {
        count(batch, 'duplicate');
        return;
      }
      count(batch, hold(core, `epoch:${opening.epoch}`, opening.id, { bytes: opening.bytes }));
      return;
    case 'opened':
    case 'faulty':
      count(batch, judge(core, opening, batch));
  }
}

function hold(core: EngineCore, key: string, id: string, item: Waiting): Outcome {
  return core.state.held.hold(key, id, item) ? 'held' : 'dropped';
}

/** Phase two for one signed blob: chain, deps, causality, then its payload. */
function judge(core: EngineCore, signed: Signed, batch: Batch): Outcome {
  const { state } = core;
  if (state.known.has(signed.id)) return 'duplicate';
  const deviceKey = signed.kind === 'opened' ? toHex(signed.blob.device) : signed.device;
  const device = state.membership.state().devices.get(deviceKey);
  if (!device) return hold(core, `device:${deviceKey}`, signed.id, { signed });
  const clientId = device.clientId;
  const seq = signed.kind === 'opened' ? signed.blob.seq : signed.seq;
  const refuse = (reason: string, detail: string): Outcome => {
    state.book.refuse(clientId, seq, signed.id);
    state.rejections.push({ id: signed.id, reason, detail });
    core.events.emit('rejected', { id: signed.id, reason, detail });
    wake(core, `pos:${clientId}:${seq}`, batch);
    return 'refused';
  };
  const person = signed.kind === 'opened' ? toHex(signed.blob.person) : signed.person;
  if (person !== device.person)
    return refuse('person-mismatch', 'the device belongs to another person');
  const forkedAt = state.book.forkedAt(clientId);
  if (forkedAt !== null && seq >= forkedAt)
    return refuse('equivocation', `device forked at ${forkedAt}`);
  const existing = state.book.accepted(clientId, seq);
  if (existing) {
    if (existing.id === signed.id) return 'duplicate';
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
  return judgeOpened(core, signed.blob, signed, { clientId, seq, prev, refuse }, batch);
}

type Place = {
  clientId: number;
  seq: number;
  prev: BlobMeta | undefined;
  refuse: (reason: string, detail: string) => Outcome;
};

function judgeOpened(
  core: EngineCore,
  blob: OpenedBlob,
  signed: Signed,
  place: Place,
  batch: Batch,
): Outcome {
  const { state } = core;
  const { clientId, seq, prev, refuse } = place;
  const expectedPrev = prev ? prev.id : toHex(noPrevious());
  if (toHex(blob.prev) !== expectedPrev) {
    // Its author holds a different predecessor: a fork we have not seen yet. Wait for it.
    return hold(core, `fork:${clientId}:${seq - 1}`, signed.id, { signed });
  }
  if (prev && compareHlc(blob.time, prev.time) <= 0)
    return refuse('clock-regressed', 'time went backwards');
  const depMetas: BlobMeta[] = [];
  const depIds: Uint8Array[] = [];
  let ambiguous = false;
  for (const dep of blob.deps) {
    if (!state.book.isDecided(dep.device, dep.seq)) {
      return hold(core, `pos:${dep.device}:${dep.seq}`, signed.id, { signed });
    }
    const meta = state.book.accepted(dep.device, dep.seq);
    if (meta) {
      depMetas.push(meta);
      depIds.push(hexToBytes(meta.id));
    } else {
      const refused = state.book.refusedIds(dep.device, dep.seq);
      if (refused.length === 1 && refused[0] !== undefined) depIds.push(hexToBytes(refused[0]));
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
  const device = state.membership.state().devices.get(toHex(blob.device));
  const admitted = device?.admittedBy;
  if (admitted && (frontier.get(admitted.clientId) ?? 0) < admitted.seq) {
    return refuse('admission-not-seen', 'the device wrote before it had seen its own admission');
  }
  const placed = placeAfter(blob.time, prev ? [prev, ...depMetas] : depMetas);
  const meta: BlobMeta = { id: signed.id, time: blob.time, ...placed };
  if (core.clock.observe(blob.time).future) state.future.add(signed.id);

  if (signed.kind === 'opened' && signed.op) {
    const outcome = state.membership.add(
      {
        op: signed.op,
        id: signed.id,
        ref: { clientId, seq },
        person: toHex(blob.person),
        device: toHex(blob.device),
        time: placed.effective.wall,
      },
      { time: placed.effective, depth: placed.depth, blob: signed.id },
      frontier,
    );
    if (outcome.flipped) batch.report.rebuild = true;
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
  } else {
    // Our own change is already in the doc; everything else is judged before it touches it.
    const local = state.local.has(signed.id);
    if (!local) {
      const verdict = validateUpdate(state.doc, blob.payload, clientId);
      if (!verdict.ok) return refuse(verdict.reason, verdict.detail);
    }
    const touched = touchedMessages(blob.payload);
    for (const { replyTo } of touched.replies) {
      // A reply must answer something its author had seen: hiding deps cannot date a reply
      // before the message it answers.
      const answered = state.messagePos.get(replyTo);
      if (!answered || (frontier.get(answered.clientId) ?? 0) < answered.seq) {
        return refuse(
          'reply-outside-causal-past',
          `replies to ${replyTo}, which its author had not seen`,
        );
      }
    }
    if (!local) Y.applyUpdate(state.doc, blob.payload, REMOTE_APPLY);
    for (const id of touched.added) {
      state.order.insert(id, { time: placed.effective, depth: placed.depth, blob: signed.id });
      state.messageBlob.set(id, signed.id);
      state.messagePos.set(id, { clientId, seq });
      batch.added.add(id);
    }
    for (const id of touched.changed) batch.changed.add(id);
  }
  accept(
    core,
    { blob, bytes: signed.kind === 'opened' ? signed.bytes : new Uint8Array() },
    signed.id,
    { clientId, seq, meta, frontier },
    batch,
  );
  return 'accepted';
}

function accept(
  core: EngineCore,
  { blob, bytes }: { blob: OpenedBlob; bytes: Uint8Array },
  id: string,
  {
    clientId,
    seq,
    meta,
    frontier,
  }: { clientId: number; seq: number; meta: BlobMeta; frontier: Map<number, number> },
  batch: Batch,
): void {
  const { state } = core;
  state.book.accept(clientId, seq, meta, frontier);
  state.known.add(id);
  batch.stored.push({ id, clientId, seq, bytes });
  wake(core, `pos:${clientId}:${seq}`, batch);
  if (blob.kind === 'membership') {
    for (const device of state.membership.state().devices.keys())
      wake(core, `device:${device}`, batch);
  }
}

function wake(core: EngineCore, key: string, batch: Batch): void {
  for (const item of core.state.held.release(key)) {
    if ('signed' in item) batch.ready.push(item.signed);
    else batch.reopen.push(item.bytes);
  }
}

function announce(core: EngineCore, batch: Batch): void {
  if (batch.added.size > 0 || batch.changed.size > 0) {
    core.events.emit('messages', { added: [...batch.added], changed: [...batch.changed] });
  }
  if (batch.membersChanged)
    core.events.emit('members', { count: core.state.membership.state().people.size });
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
