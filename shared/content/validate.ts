/**
 * Decides, against the LIVE doc and before anything is applied, whether a content update from
 * `author` (the clientID bound to the blob's verified signature) obeys the rules (DESIGN §5,
 * "Who may write what"). The rules, in the order they are checked:
 *
 *  1. too-large       The update is at most 48 KiB: a message is at most 8,000 UTF-16 units
 *                     (≤ 24 KiB of UTF-8), and we refuse to decode more than we need.
 *  2. malformed       Yjs can decode it as a v1 update with at most one client section. Yjs
 *                     itself keeps only the last section per client, so two sections would
 *                     make us check structs Yjs never applies and apply ones we never checked.
 *  3. foreign-client  Every struct has `id.client === author`: nobody creates items in
 *                     someone else's name.
 *  4. duplicate       All structs lie below the author's current state: a replay. Nothing new;
 *                     the engine treats it as a no-op and does not apply it.
 *     clock-gap       Otherwise the structs start exactly at the author's state, with no Skip
 *                     in between. Anything else Yjs would park in `pendingStructs` and later
 *                     integrate without us having seen the doc it lands in.
 *  5. bad-content     Only Items: no GC structs (our writers never produce them; they only
 *                     arise when a nested type is deleted, and there are none).
 *  6. bad-parent      An item without origin names its parent: it must be one of the four root
 *                     maps, by name. An item WITH an origin carries no parent in the encoding
 *                     (Yjs copies it from the origin in `integrate`), so the origin is resolved
 *                     against the live doc or an earlier struct of this update and its
 *                     parent/key become the item's. rightOrigin is refused (bad-origin): map
 *                     writes never set one. unknown-origin: the origin cannot be found.
 *  7. foreign-key     The item's key (own or inherited) starts with `${author}:`, and
 *     bad-key         is well formed for its map (message id, or reaction key with an emoji).
 *  8. immutable       A key that already exists may be rewritten only in `edits`/`reactions`,
 *     bad-origin      and only by naming the key's current entry as origin: that is exactly
 *                     what Y.Map.set does, and it makes Yjs delete that entry (the author's
 *                     own, by rule 7) and nothing else. A new key has no origin.
 *  9. bad-content     The content is one JSON object valid for the map (schema.ts), or, in
 *                     the rewritable maps, ContentDeleted of length 1 (clears one's own value).
 * 10. foreign-delete  The delete set names only the author's items,
 *     clock-gap       only clocks the author has written (else Yjs parks them in pendingDs),
 *     bad-delete      and only entries this update overwrites or that are already deleted:
 *                     a message can't vanish without a tombstone and a tombstone can't be
 *                     lifted.
 *
 * Why this is enough: Yjs mutates existing state in exactly two places: an item's integration
 * (which links it into its parent and, for a map key, deletes the entry to its left) and the
 * delete set. Rules 3–8 pin every new item to a root map, to one of the author's own keys and to
 * the position right after that key's current entry, so integration can only delete the
 * author's own previous value there; rule 10 pins the delete set to the same. Rules 2 and 4
 * guarantee Yjs applies exactly the structs that were checked, at once, with nothing parked.
 */
import * as Y from 'yjs';
import { isClientId, isOwnKey } from './keys.ts';
import {
  isRootName,
  isValidValue,
  isWellFormedKey,
  WRITE_ONCE_ROOTS,
  type RootName,
} from './schema.ts';
import {
  currentEntry,
  decodeV1,
  findStruct,
  rootNameOf,
  type DecodedUpdate,
} from './yjs-internals.ts';

/** Largest content update accepted, in bytes. */
export const MAX_UPDATE_BYTES = 48 * 1024;

export type ContentRejectReason =
  | 'too-large'
  | 'malformed'
  | 'foreign-client'
  | 'duplicate'
  | 'clock-gap'
  | 'bad-parent'
  | 'foreign-key'
  | 'bad-key'
  | 'unknown-origin'
  | 'bad-origin'
  | 'immutable'
  | 'bad-content'
  | 'foreign-delete'
  | 'bad-delete';

export type ContentVerdict =
  { ok: true } | { ok: false; reason: ContentRejectReason; detail: string };

type Placement = { root: RootName; key: string };

/** Thrown inside the checks and caught at the top: it never leaves validateUpdate. */
class Rejection extends Error {
  override readonly name = 'Rejection';
  constructor(
    readonly reason: ContentRejectReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * Whether `update`, written by the device with Yjs clientID `author`, may be applied to `doc`
 * as it is now. Never throws and never changes `doc`.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array, author: number): ContentVerdict {
  try {
    check(doc, update, author);
    return { ok: true };
  } catch (error) {
    if (error instanceof Rejection) {
      return { ok: false, reason: error.reason, detail: error.detail };
    }
    // Only reachable through a Yjs internal behaving unlike 13.6.33: refuse rather than guess.
    return { ok: false, reason: 'malformed', detail: `validator failed: ${String(error)}` };
  }
}

function reject(reason: ContentRejectReason, detail: string): never {
  throw new Rejection(reason, detail);
}

function check(doc: Y.Doc, update: Uint8Array, author: number): void {
  if (update.length > MAX_UPDATE_BYTES) reject('too-large', `${update.length} bytes`);
  if (!isClientId(author)) reject('foreign-client', `${author} is not a Yjs clientID`);
  const decoded = decodeV1(update);
  if (decoded === null) reject('malformed', 'Yjs cannot decode it');
  for (const struct of decoded.structs) {
    const client = struct.id.client;
    if (client !== author) reject('foreign-client', `struct of client ${client}`);
  }
  if (decoded.sections > 1) reject('malformed', `${decoded.sections} client sections`);
  const state = Y.getState(doc.store, author);
  const items = checkClocks(decoded, state);
  const overwritten = checkItems(doc, items, author, state);
  const end = items.length === 0 ? state : state + items.length;
  checkDeletes(doc, decoded, author, { state, end, overwritten });
}

/** Rules 4 and 5: the structs are exactly the author's next items. */
function checkClocks(decoded: DecodedUpdate, state: number): Y.Item[] {
  const { structs } = decoded;
  const first = structs[0];
  const last = structs[structs.length - 1];
  if (first === undefined || last === undefined) return [];
  if (last.id.clock + last.length <= state) reject('duplicate', `already have up to ${state}`);
  if (first.id.clock !== state) reject('clock-gap', `starts at ${first.id.clock}, have ${state}`);
  const items: Y.Item[] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Skip) reject('clock-gap', `skip at ${struct.id.clock}`);
    if (!(struct instanceof Y.Item)) reject('bad-content', `GC struct at ${struct.id.clock}`);
    // Rule 9 allows only length-1 contents; checking here keeps `state + items.length` exact.
    if (struct.length !== 1) reject('bad-content', `item of length ${struct.length}`);
    items.push(struct);
  }
  return items;
}

/** Rules 6–9 for each item; returns the clocks of the entries the items overwrite. */
function checkItems(doc: Y.Doc, items: readonly Y.Item[], author: number, state: number) {
  const placed = new Map<number, Placement>();
  const latest = new Map<string, Y.ID>();
  const overwritten = new Set<number>();
  for (const item of items) {
    const at = item.id.clock;
    const place = placementOf(doc, item, author, state, placed);
    if (!isOwnKey(place.key, author)) reject('foreign-key', `${place.root}[${place.key}]`);
    if (!isWellFormedKey(place.root, place.key)) reject('bad-key', `${place.root}[${place.key}]`);
    const slot = `${place.root}\u0000${place.key}`;
    const current = latest.get(slot) ?? currentEntry(doc, place.root, place.key)?.lastId ?? null;
    if (current !== null) {
      if (WRITE_ONCE_ROOTS.has(place.root)) reject('immutable', `${place.root}[${place.key}]`);
      if (item.origin === null || !Y.compareIDs(item.origin, current)) {
        reject('bad-origin', `item ${at} does not follow ${place.root}[${place.key}]`);
      }
      if (current.client !== author) reject('foreign-key', `entry of client ${current.client}`);
      overwritten.add(current.clock);
    }
    checkContent(place.root, item.content, at);
    placed.set(at, place);
    latest.set(slot, item.id);
  }
  return overwritten;
}

/** Rule 6: the root map and key an item lands in, from its parent or its origin. */
function placementOf(
  doc: Y.Doc,
  item: Y.Item,
  author: number,
  state: number,
  placed: ReadonlyMap<number, Placement>,
): Placement {
  const at = item.id.clock;
  if (item.rightOrigin !== null) reject('bad-origin', `item ${at} has a right origin`);
  const origin = item.origin;
  if (origin === null) {
    // Decoded items name a root type by string, a nested parent by ID (yjs-internals.ts).
    const parent: unknown = item.parent;
    if (typeof parent !== 'string') reject('bad-parent', `item ${at} has a nested parent`);
    if (!isRootName(parent)) reject('bad-parent', `item ${at} in unknown map "${parent}"`);
    if (item.parentSub === null) reject('bad-key', `item ${at} in ${parent} has no key`);
    return { root: parent, key: item.parentSub };
  }
  if (origin.client === author && origin.clock >= state) {
    // An earlier struct of this same update; a later or equal clock would never resolve.
    const earlier = origin.clock < at ? placed.get(origin.clock) : undefined;
    if (earlier === undefined) reject('unknown-origin', `item ${at} origin ${origin.clock}`);
    return earlier;
  }
  const found = findStruct(doc, origin);
  if (!(found instanceof Y.Item)) {
    reject('unknown-origin', `item ${at} origin ${origin.client}:${origin.clock}`);
  }
  const root = rootNameOf(doc, found.parent);
  if (root === null) reject('bad-parent', `item ${at} follows an item outside the root maps`);
  if (found.parentSub === null) reject('bad-key', `item ${at} follows an item without a key`);
  return { root, key: found.parentSub };
}

/** Rule 9: one JSON value of the map's schema, or a cleared value where rewrites are allowed. */
function checkContent(root: RootName, content: Y.Item['content'], at: number): void {
  if (content instanceof Y.ContentAny) {
    const values: readonly unknown[] = content.arr;
    if (values.length !== 1 || !isValidValue(root, values[0])) {
      reject('bad-content', `item ${at} is not a valid ${root} value`);
    }
    return;
  }
  if (content instanceof Y.ContentDeleted && !WRITE_ONCE_ROOTS.has(root)) return;
  reject('bad-content', `item ${at} holds ${content.constructor.name} in ${root}`);
}

type DeleteBounds = { state: number; end: number; overwritten: ReadonlySet<number> };

/** Rule 10: the delete set removes only what this update overwrites, or nothing new. */
function checkDeletes(doc: Y.Doc, decoded: DecodedUpdate, author: number, b: DeleteBounds): void {
  for (const [client, ranges] of decoded.deletes) {
    if (client !== author) reject('foreign-delete', `deletes items of client ${client}`);
    for (const { clock, len } of ranges) {
      if (len < 1) reject('malformed', `empty delete range at ${clock}`);
      if (clock + len > b.end) reject('clock-gap', `deletes ${clock}+${len}, have ${b.end}`);
      let c = clock;
      while (c < clock + len) {
        const struct = c < b.state ? findStruct(doc, Y.createID(author, c)) : null;
        if (struct?.deleted === true) {
          c = struct.id.clock + struct.length;
          continue;
        }
        if (!b.overwritten.has(c)) reject('bad-delete', `deletes live entry ${author}:${c}`);
        c += 1;
      }
    }
  }
}
