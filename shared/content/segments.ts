/**
 * A content doc as several Yjs updates instead of one, so that loading a large group's sealed
 * snapshot can yield between them (docs/architecture.md, "A snapshot in segments"). One
 * `Y.applyUpdate` of a 100k-message doc held the sync worker for 370–670 ms in Chromium, and
 * a search asked meanwhile waited for all of it.
 *
 * Each client's structs are cut at the same fractions of its own struct array: segment k holds,
 * for every client, the k-th slice. A slice starts where the client's previous one ended, so
 * Yjs integrates it at once; an item whose origin is in a later slice of another client would
 * wait in Yjs's pending store until that slice arrives, which is correct though slower, and the
 * content doc never writes one (a key is only ever rewritten by the client in its name,
 * schema.ts). The delete set comes last, as an update of its own.
 *
 * Uses Yjs internals (listed in yjs-internals.ts): `doc.store.clients`, `Item.write` /
 * `GC.write`, and `UpdateEncoderV1`'s `restEncoder` and `writeClient`, as Yjs's own
 * `writeStructs` (utils/encoding.js) does.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Structs a segment holds at most (about 20–30 ms of applying in Chromium). */
export const SEGMENT_STRUCTS = 5000;

/** The doc as updates that, applied in order to an empty doc, give the same doc. */
export function encodeSegments(doc: Y.Doc, perSegment = SEGMENT_STRUCTS): Uint8Array[] {
  // Higher client ids first, as Yjs writes them.
  const clients = [...doc.store.clients.entries()].sort((a, b) => b[0] - a[0]);
  const total = clients.reduce((sum, [, structs]) => sum + structs.length, 0);
  const count = Math.max(1, Math.ceil(total / Math.max(1, perSegment)));
  const segments: Uint8Array[] = [];
  for (let k = 0; k < count; k++) {
    const slices = clients
      .map(([client, structs]) => ({
        client,
        structs,
        from: Math.floor((structs.length * k) / count),
        to: Math.floor((structs.length * (k + 1)) / count),
      }))
      .filter((slice) => slice.to > slice.from);
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, slices.length);
    for (const { client, structs, from, to } of slices) {
      encoding.writeVarUint(encoder.restEncoder, to - from);
      encoder.writeClient(client);
      encoding.writeVarUint(encoder.restEncoder, (structs[from] as Y.Item | Y.GC).id.clock);
      for (let i = from; i < to; i++) (structs[i] as Y.Item | Y.GC).write(encoder, 0);
    }
    // No deletes here: they may name items of later segments.
    encoding.writeVarUint(encoder.restEncoder, 0);
    segments.push(encoder.toUint8Array());
  }
  // Every struct is in a segment already: this holds only the delete set.
  segments.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));
  return segments;
}

/**
 * Applies `segments` to `doc` in order, awaiting `pause` between them so the thread can answer
 * other work; `after` runs after each (to put the device's clientID back, see docs.ts).
 */
export async function applySegments(
  doc: Y.Doc,
  segments: readonly Uint8Array[],
  origin: unknown,
  pause: () => Promise<void>,
  after: () => void = () => undefined,
): Promise<void> {
  for (const [k, segment] of segments.entries()) {
    if (k > 0) await pause();
    try {
      Y.applyUpdate(doc, segment, origin);
    } finally {
      after();
    }
  }
}
