/**
 * The few Yjs internals the content doc relies on, in one place so a Yjs upgrade can be
 * checked against them. They are not public API; verified against yjs 13.6.33:
 *
 * - `Y.decodeUpdate` (utils/updates.js) yields `Item`s whose `parent` is the root type's NAME
 *   (a string) when the update names a root type, an `ID` when the parent is a nested type,
 *   and null when the item has an `origin` or `rightOrigin` (parent and `parentSub` are then
 *   copied from the origin during `integrate`, see `Item.getMissing`).
 * - A v1 update starts with a varuint: the number of client sections. `readClientsStructRefs`
 *   keeps only the LAST section per client, while `decodeUpdate` returns them all.
 * - `doc.store.clients` holds each client's structs sorted by clock; `findIndexSS` finds the
 *   one containing a clock. Deleted items keep `parent`/`parentSub` when `gc` is on: `Item.gc`
 *   only swaps their content for `ContentDeleted`; an item becomes a `GC` struct only when its
 *   parent type is deleted, and root maps never are.
 * - `AbstractType._map` maps each key to its newest item, deleted or not.
 * - `doc.store.pendingStructs` / `pendingDs` hold what Yjs parked for later.
 * - A non-local transaction that advances the doc's own clientID makes Yjs pick a new random
 *   `doc.clientID` (utils/Transaction.js, cleanup).
 * - The `update` event encodes only the transaction's own new structs and its own delete set.
 * - segments.ts writes updates as `writeStructs` (utils/encoding.js) does: `Item.write` and
 *   `GC.write` with an `UpdateEncoderV1`, its `restEncoder` and `writeClient`.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { isRootName, type RootName } from './schema.ts';

/** A decoded update: its structs, delete set and how many client sections it declared. */
export type DecodedUpdate = {
  sections: number;
  structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>;
  deletes: ReadonlyMap<number, ReadonlyArray<{ clock: number; len: number }>>;
};

/** Decodes a v1 update without touching any doc; null if Yjs cannot read it. */
export function decodeV1(update: Uint8Array): DecodedUpdate | null {
  try {
    const sections = decoding.readVarUint(decoding.createDecoder(update));
    const { structs, ds } = Y.decodeUpdate(update);
    return { sections, structs, deletes: ds.clients };
  } catch {
    return null;
  }
}

/** The struct (item or GC) that holds `id` in the live doc, or null if the doc has not got it. */
export function findStruct(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(id.client);
  if (structs === undefined || id.clock >= Y.getState(doc.store, id.client)) return null;
  try {
    return structs[Y.findIndexSS(structs, id.clock)] ?? null;
  } catch {
    return null;
  }
}

/** The name of the root map `type` is, or null for a nested or foreign type. */
export function rootNameOf(doc: Y.Doc, type: unknown): RootName | null {
  if (type === null || typeof type !== 'object') return null;
  for (const [name, root] of doc.share) {
    if (root === type) return isRootName(name) ? name : null;
  }
  return null;
}

/** The newest item under `key` in a root map (deleted or not), or undefined. */
export function currentEntry(doc: Y.Doc, root: RootName, key: string): Y.Item | undefined {
  return doc.share.get(root)?._map.get(key);
}

/** Every key a root map has ever held, including keys whose value was deleted. */
export function everyKey(doc: Y.Doc, root: RootName): IterableIterator<string> {
  const type = doc.share.get(root);
  return (type?._map ?? new Map<string, Y.Item>()).keys();
}

/** True when Yjs parked structs or deletes it could not integrate yet. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
