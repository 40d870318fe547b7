import { logWarn } from '../log.ts';
import type { Sealer } from '../storage/sealer.ts';
import type { StoredBlob } from '../storage/storage.ts';
import type { EngineCore, EngineState } from './engine-state.ts';
import { yieldToHost } from '../timers.ts';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_LABEL, SNAPSHOT_RECORD } from './snapshot.ts';

/** How an engine started: from its snapshot plus newer blobs, or by replaying its whole log. */
export type SnapshotLoad =
  | {
      from: 'snapshot';
      newer: number;
      /** The snapshot's chain heads, before the newer blobs: what a sealed search index names. */
      heads: ReadonlyMap<number, number>;
    }
  | { from: 'log'; reason: string; error?: unknown };

/**
 * Saves what goes with a snapshot, given the chain heads it holds. Its synchronous part runs
 * as the snapshot is encoded, before anything else can change the state.
 */
export type SnapshotAlongside = (heads: ReadonlyMap<number, number>) => Promise<void>;

/** Seals the engine's snapshot into the group's records (the repo keeps the recent window). */
export async function saveSnapshot(
  core: EngineCore,
  sealer: Sealer,
  alongside?: SnapshotAlongside,
): Promise<void> {
  const encoded = encodeSnapshot(core);
  const saving = alongside?.(new Map(core.state.book.heads()));
  // Awaited below; not an unhandled rejection if sealing the snapshot fails first.
  saving?.catch(() => undefined);
  const snapshot = await sealer.seal(encoded, SNAPSHOT_LABEL);
  await core.storage.putRecord(SNAPSHOT_RECORD, snapshot);
  await saving;
}

/**
 * The state a stored snapshot holds, or why there is none to use (absent, sealed with
 * another key, another version or group, damaged): the caller then replays the log.
 * Its content docs load segment by segment, yielding to the thread between them.
 */
export async function openSnapshot(
  core: EngineCore,
  sealer: Sealer,
): Promise<{ ok: true; state: EngineState } | { ok: false; load: SnapshotLoad }> {
  const sealed = await core.storage.getRecord(SNAPSHOT_RECORD);
  if (!sealed) return { ok: false, load: { from: 'log', reason: 'no snapshot saved' } };
  try {
    const plain = await sealer.open(sealed, SNAPSHOT_LABEL);
    return { ok: true, state: await decodeSnapshot(plain, core, yieldToHost) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logWarn(`group snapshot not used (${reason}): replaying the blob log`);
    return { ok: false, load: { from: 'log', reason, error } };
  }
}

/** Stored blobs past `heads` (a state's, or a snapshot's) on their device's chain. */
export function newerThan(
  heads: ReadonlyMap<number, number>,
  stored: readonly StoredBlob[],
): Uint8Array[] {
  return stored.filter((b) => b.seq > (heads.get(b.clientId) ?? 0)).map((b) => b.bytes);
}
