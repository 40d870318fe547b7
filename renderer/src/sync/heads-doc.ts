import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { equalBytes } from '../../../shared/crypto/bytes.ts';
import type { LinkHost, SyncTarget } from '../../../shared/repo/network.ts';
import { MAX_HEADS_BYTES } from '../../../shared/sync/heads.ts';
import { warnFailed } from './warn.ts';

/**
 * The room's heads doc (DESIGN §6): one entry per device, its signed have-vector, synced by
 * y-webrtc among the room's members and kept on disk by y-indexeddb, so "held by 3 of 5"
 * survives restarts. Entries are opaque here; the engine verifies them.
 *
 * The doc writes with the device's stable clientID, so it grows with devices, not sessions.
 * It is set only after the stored state has loaded: Yjs gives a doc a fresh clientID when a
 * non-local update extends its own (it assumes two writers share it), which would both undo
 * the point and break y-webrtc's awareness (it looks up meta by the doc's current clientID).
 * Ours is derived from the device key and one tab writes, so our own entries coming back from
 * a peer (after the disk was wiped) are no clash either: the id is put back after them.
 */
export function createHeadsDoc(
  target: SyncTarget,
  host: Pick<LinkHost, 'roomHeads'>,
  options: { persist: boolean },
) {
  const doc = new Y.Doc();
  const heads = doc.getMap<Uint8Array>('heads');
  const persistence = options.persist
    ? new IndexeddbPersistence(`fellows-heads-${target.room}`, doc)
    : null;
  let mine: Uint8Array | null = null;
  let loaded = false;
  let destroyed = false;

  const writeMine = () => {
    const current = heads.get(target.device);
    if (
      loaded &&
      !destroyed &&
      mine &&
      !(current instanceof Uint8Array && equalBytes(current, mine))
    )
      heads.set(target.device, mine);
  };
  const forward = (keys: Iterable<string>) => {
    const records: Uint8Array[] = [];
    for (const key of keys) {
      const value = heads.get(key);
      if (key !== target.device && value instanceof Uint8Array && value.length <= MAX_HEADS_BYTES)
        records.push(value);
    }
    if (records.length > 0) host.roomHeads(records).catch(warnFailed('reading the heads doc'));
  };
  heads.observe((event) => {
    // Ours is restored if anyone else overwrote or deleted it.
    if (event.keysChanged.has(target.device)) queueMicrotask(writeMine);
    forward(event.keysChanged);
  });

  const ready = (persistence ? persistence.whenSynced : Promise.resolve()).then(() => {
    doc.clientID = target.clientId;
    doc.on('afterTransactionCleanup', () => {
      doc.clientID = target.clientId;
    });
    loaded = true;
    writeMine();
    forward(heads.keys());
  });

  return {
    doc,
    /** Resolves once the stored doc has loaded and the stable clientID is set. */
    ready,
    publish(record: Uint8Array) {
      mine = record;
      writeMine();
    },
    /** Stops; `forget` also deletes the stored doc (the group is deleted from this device). */
    destroy(forget = false) {
      destroyed = true;
      const stopped = forget ? persistence?.clearData() : persistence?.destroy();
      stopped?.catch(warnFailed('closing the heads doc'));
      doc.destroy();
    },
  };
}
