import { REMOTE_APPLY } from '../content/apply.ts';
import { logError } from '../log.ts';
import type { EngineCore } from './engine-state.ts';
import { hold, judge, type Batch, type Outcome, type ReceiveReport } from './judge.ts';
import {
  openForEngine,
  openOwnForEngine,
  type EngineOpenContext,
  type Opening,
} from './opening.ts';
import { openRangeForEngine } from './range-opening.ts';
import { epochKeys } from './epoch.ts';
import { openKeyrings } from './epochs.ts';

export type { Outcome, ReceiveReport } from './judge.ts';

const OPEN_CONCURRENCY = 256;

export function emptyReport(): ReceiveReport {
  return { accepted: 0, duplicate: 0, held: 0, refused: 0, dropped: 0, rebuild: false };
}

/**
 * Receives blobs from anywhere (a peer, the local log, our own writes). Phase one verifies
 * each blob's signature and MAC concurrently; phase two judges and applies them (`settle`).
 */
export async function receiveBlobs(
  core: EngineCore,
  blobs: readonly Uint8Array[],
): Promise<ReceiveReport> {
  return settle(core, await openEach(core, blobs), emptyReport());
}

/** Receives a blob this device has just sealed: the signature it made is not checked again. */
export async function receiveOwn(core: EngineCore, bytes: Uint8Array): Promise<ReceiveReport> {
  return settle(core, [await openOwnForEngine(bytes, contextOf(core))], emptyReport());
}

/**
 * Receives a catch-up range: one device's consecutive blobs, ascending, authenticated by one
 * signature and hash links (range-opening.ts), then judged exactly like `receiveBlobs`. If the
 * range does not verify, the blobs before the failure are received one by one and the rest
 * are dropped.
 */
export async function receiveRange(
  core: EngineCore,
  blobs: readonly Uint8Array[],
): Promise<ReceiveReport> {
  const report = emptyReport();
  if (blobs.length === 0) return report;
  const { openings, fallback, failure } = await openRangeForEngine(blobs, contextOf(core));
  if (failure) {
    const rejection = { id: failure.id, reason: failure.reason, detail: failure.detail };
    core.state.rejections.push(rejection);
    core.events.emit('rejected', rejection);
    report.dropped += failure.dropped;
  }
  return settle(core, [...openings, ...(await openEach(core, fallback))], report);
}

async function openEach(core: EngineCore, blobs: readonly Uint8Array[]): Promise<Opening[]> {
  const openings: Opening[] = [];
  const context = contextOf(core);
  for (let i = 0; i < blobs.length; i += OPEN_CONCURRENCY) {
    const chunk = blobs.slice(i, i + OPEN_CONCURRENCY);
    openings.push(...(await Promise.all(chunk.map((bytes) => openForEngine(bytes, context)))));
  }
  return openings;
}

/**
 * Phase two: judges and applies opened blobs in one Yjs transaction, holding back what is not
 * yet decidable and waking what a blob unblocks; then stores and announces what was
 * accepted. Blobs released by a new epoch key are opened and settled in a further round.
 */
async function settle(
  core: EngineCore,
  openings: Opening[],
  report: ReceiveReport,
): Promise<ReceiveReport> {
  let next = openings;
  while (next.length > 0) {
    const batch: Batch = {
      report,
      added: new Set(),
      changed: new Set(),
      membersChanged: false,
      opsAdded: false,
      ready: [],
      reopen: [],
      stored: [],
    };
    const { docs } = core.state;
    // Every epoch we can read gets its doc now, so a replay applies each doc in one transaction.
    for (const epoch of core.keys.keys()) docs.of(epoch);
    docs.transact(() => {
      for (const opening of next) count(batch, judgeOpening(core, opening, batch));
      // Judging can release more: the queue grows while it is walked.
      for (let i = 0; i < batch.ready.length; i++) {
        const signed = batch.ready[i];
        if (signed) count(batch, judge(core, signed, batch));
      }
    }, REMOTE_APPLY);
    docs.reassert();
    if (docs.pending()) {
      logError('content doc was left with parked updates: rebuilding from the log');
      report.rebuild = true;
    }
    // This device's own blob was stored and sent before it was judged (engine.ts, writeBlob).
    const fresh = batch.stored.filter((stored) => !core.state.local.has(stored.id));
    await core.storage.appendBlobs(fresh);
    for (const stored of fresh) core.events.emit('blob', stored);
    announce(core, batch);
    if (batch.opsAdded) takeKeyrings(core, batch);
    next = batch.reopen.length > 0 ? await openEach(core, batch.reopen) : [];
  }
  return report;
}

function contextOf(core: EngineCore): EngineOpenContext {
  return {
    ed: core.ed,
    groupId: core.groupId,
    contentKey: (epoch, kind) => {
      const keys = core.keys.get(epoch);
      if (kind === 'content') return keys?.contentKey;
      return keys?.membershipKey ?? core.membershipKeys.get(epoch);
    },
    unreadable: (epoch) => !core.keys.has(epoch) && core.membershipKeys.has(epoch),
    accepted: (device, seq, id) => {
      const known = core.state.membership.state().devices.get(device);
      return known !== undefined && core.state.book.idAt(known.clientId, seq) === id;
    },
  };
}

function count(batch: Batch, outcome: Outcome): void {
  batch.report[outcome] += 1;
}

function judgeOpening(core: EngineCore, opening: Opening, batch: Batch): Outcome {
  const { state } = core;
  switch (opening.kind) {
    case 'duplicate':
      return 'duplicate';
    case 'junk': {
      const rejection = { id: opening.id, reason: opening.reason, detail: opening.detail };
      state.rejections.push(rejection);
      core.events.emit('rejected', rejection);
      return 'dropped';
    }
    case 'no-key': {
      const device = state.membership.state().devices.get(opening.device);
      if (device && state.book.idAt(device.clientId, opening.seq) === opening.id) {
        return 'duplicate';
      }
      return hold(core, `epoch:${opening.epoch}`, opening.id, { bytes: opening.bytes });
    }
    case 'opened':
    case 'opaque':
    case 'faulty':
      return judge(core, opening, batch);
  }
}

function announce(core: EngineCore, batch: Batch): void {
  if (batch.added.size > 0 || batch.changed.size > 0) {
    core.events.emit('messages', { added: [...batch.added], changed: [...batch.changed] });
  }
  if (batch.membersChanged)
    core.events.emit('members', { count: core.state.membership.state().people.size });
}

/** Opens new epochs' keyrings boxed to this device; blobs that waited for them open next. */
function takeKeyrings(core: EngineCore, batch: Batch): void {
  for (const { epoch, secret } of openKeyrings(core)) {
    core.keys.set(epoch, epochKeys(core.groupId, epoch, secret));
    core.events.emit('epoch', { epoch, secret });
    for (const item of core.state.held.release(`epoch:${epoch}`))
      if ('bytes' in item) batch.reopen.push(item.bytes);
  }
}
