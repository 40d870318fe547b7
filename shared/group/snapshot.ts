import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { base64nopad } from '@scure/base';
import { REMOTE_APPLY } from '../content/apply.ts';
import { createContentDocs } from '../content/docs.ts';
import { applySegments, encodeSegments } from '../content/segments.ts';
import { listMessageIds } from '../content/view.ts';
import { equalBytes, fromUtf8, utf8 } from '../crypto/bytes.ts';
import { decodeOp } from '../membership/ops.ts';
import { createChainBook, type ChainColumns } from './chains.ts';
import {
  stateOf,
  type EngineCore,
  type EngineState,
  type MembershipEntry,
} from './engine-state.ts';
import { createMessageIndex, type MessageColumns } from './message-index.ts';
import type { OrderKey } from './order.ts';

// A sealed snapshot of one group's engine (DESIGN §7; the layout is in docs/protocol.md,
// "Local storage"): each epoch's content doc as a Yjs update, plus the derived state the engine would
// otherwise rebuild by replaying every blob — chain metas, the message index, membership ops.
// Large tables are raw little-endian columns (they load with a copy, not a parse); the few
// small ones are JSON.

/** Version 3 keeps each content doc in segments (segments.ts); version 2, as one update, still reads. */
export const SNAPSHOT_VERSION = 3 as const;
const READS = [2, 3];
export const SNAPSHOT_RECORD = 'snapshot';
export const SNAPSHOT_LABEL = 'snapshot';

/** A snapshot that opened (its seal held) but cannot be used: another version, group or bug. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

type Meta = {
  refused: [string, string[]][];
  future: string[];
  membership: {
    event: MembershipEntry['event'];
    payload: string;
    order: OrderKey;
    frontier: [number, number][];
  }[];
};

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function raw(column: Uint32Array | Float64Array): Uint8Array {
  return new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
}

/**
 * The plaintext of a snapshot of the engine's current state; `version` 2 (each content doc as
 * one update) only to test that older snapshots still load.
 */
export function encodeSnapshot(core: EngineCore, version: 2 | 3 = SNAPSHOT_VERSION): Uint8Array {
  if (!littleEndian) throw new SnapshotError('snapshots are written on little-endian hosts only');
  const { state } = core;
  const dump = state.book.dump();
  const meta: Meta = {
    refused: dump.refused,
    future: [...state.future],
    membership: state.membershipEntries.map((entry) => ({
      event: entry.event,
      payload: base64nopad.encode(entry.payload),
      order: entry.order,
      frontier: [...entry.frontier],
    })),
  };
  const e = encoding.createEncoder();
  encoding.writeUint8(e, version);
  encoding.writeUint8Array(e, core.groupId);
  encoding.writeVarUint(e, core.me.clientId);
  encoding.writeVarUint8Array(e, utf8(JSON.stringify(meta)));
  encoding.writeVarUint(e, dump.chains.length);
  for (const chain of dump.chains) {
    encoding.writeVarUint(e, chain.clientId);
    encoding.writeVarUint(e, chain.length);
    encoding.writeVarUint(e, chain.forkedAt === null ? 0 : chain.forkedAt + 1);
    encoding.writeVarUint(e, chain.frontier.length);
    for (const [clientId, seq] of chain.frontier) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, seq);
    }
    encoding.writeUint8Array(e, chain.ids);
    for (const column of [chain.wall, chain.counter, chain.effectiveWall, chain.effectiveCounter])
      encoding.writeUint8Array(e, raw(column));
    encoding.writeUint8Array(e, raw(chain.depth));
  }
  const messages = state.order.dump();
  encoding.writeVarUint(e, messages.client.length);
  encoding.writeUint8Array(e, raw(messages.client));
  encoding.writeUint8Array(e, raw(messages.n));
  encoding.writeUint8Array(e, raw(messages.seq));
  const docs = state.docs.entries();
  encoding.writeVarUint(e, docs.length);
  for (const [epoch, doc] of docs) {
    encoding.writeVarUint(e, epoch);
    const segments = version === 2 ? [Y.encodeStateAsUpdate(doc)] : encodeSegments(doc);
    if (version !== 2) encoding.writeVarUint(e, segments.length);
    for (const segment of segments) encoding.writeVarUint8Array(e, segment);
  }
  return encoding.toUint8Array(e);
}

/** Reads fixed-size columns: each a copy into its own, aligned buffer. */
function columns(d: decoding.Decoder) {
  const take = (bytes: number) => decoding.readUint8Array(d, bytes).slice();
  return {
    ids: (n: number) => take(n * 32),
    f64: (n: number) => new Float64Array(take(n * 8).buffer),
    u32: (n: number) => new Uint32Array(take(n * 4).buffer),
  };
}

/**
 * An engine state from a snapshot's plaintext, for this group and device: its content docs
 * loaded segment by segment, awaiting `pause` between segments so the thread can answer
 * meanwhile (segments.ts). Throws `SnapshotError` for anything it cannot use; the caller then
 * replays the log instead.
 */
export async function decodeSnapshot(
  bytes: Uint8Array,
  core: EngineCore,
  pause: () => Promise<void>,
): Promise<EngineState> {
  if (!littleEndian) throw new SnapshotError('snapshots are read on little-endian hosts only');
  let parts: ReturnType<typeof readParts>;
  try {
    parts = readParts(bytes, core);
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`malformed snapshot: ${String(error)}`);
  }
  const book = createChainBook({ chains: parts.chains, refused: parts.meta.refused });
  const order = createMessageIndex(book, parts.messages);
  const docs = createContentDocs(core.me.clientId);
  for (const [epoch, segments] of parts.updates) {
    if (docs.get(epoch)) throw new SnapshotError(`the snapshot has epoch ${epoch} twice`);
    try {
      // Loading our own history makes Yjs pick another clientID (DESIGN §4): put it back.
      await applySegments(docs.of(epoch), segments, REMOTE_APPLY, pause, () => {
        docs.reassert();
      });
    } catch (error) {
      throw new SnapshotError(`the snapshot's content doc does not load: ${String(error)}`);
    }
  }
  if (docs.pending()) throw new SnapshotError("the snapshot's content doc is incomplete");
  // Counting entries is enough unless two docs share an id (a device that wrote one twice).
  const held = docs.entries().map(([, doc]) => doc);
  const entries = held.reduce((sum, doc) => sum + doc.getMap('messages').size, 0);
  if (entries !== order.size() && listMessageIds(held).length !== order.size())
    throw new SnapshotError("the snapshot's message index does not match its content docs");
  const state = stateOf(core.genesis, book, order, docs);
  for (const entry of parts.meta.membership) {
    const payload = base64nopad.decode(entry.payload);
    const restored: MembershipEntry = { ...entry, payload, frontier: new Map(entry.frontier) };
    state.membership.add({ ...entry.event, op: decodeOp(payload) }, entry.order, restored.frontier);
    state.membershipEntries.push(restored);
  }
  state.future = new Set(parts.meta.future);
  return state;
}

function readParts(bytes: Uint8Array, core: EngineCore) {
  const d = decoding.createDecoder(bytes);
  const version = decoding.readUint8(d);
  if (!READS.includes(version))
    throw new SnapshotError(`snapshot version ${version}, this app reads ${READS.join(' and ')}`);
  if (!equalBytes(decoding.readUint8Array(d, 32), core.groupId))
    throw new SnapshotError('the snapshot is of another group');
  if (decoding.readVarUint(d) !== core.me.clientId)
    throw new SnapshotError('the snapshot is of another device');
  const meta = JSON.parse(fromUtf8(decoding.readVarUint8Array(d))) as Meta;
  const read = columns(d);
  const chains: ChainColumns[] = [];
  for (let count = decoding.readVarUint(d); count > 0; count--) {
    const clientId = decoding.readVarUint(d);
    const length = decoding.readVarUint(d);
    const fork = decoding.readVarUint(d);
    const frontier: [number, number][] = [];
    for (let k = decoding.readVarUint(d); k > 0; k--)
      frontier.push([decoding.readVarUint(d), decoding.readVarUint(d)]);
    chains.push({
      clientId,
      length,
      forkedAt: fork === 0 ? null : fork - 1,
      frontier,
      ids: read.ids(length),
      wall: read.f64(length),
      counter: read.f64(length),
      effectiveWall: read.f64(length),
      effectiveCounter: read.f64(length),
      depth: read.u32(length),
    });
  }
  const n = decoding.readVarUint(d);
  const messages: MessageColumns = { client: read.u32(n), n: read.f64(n), seq: read.u32(n) };
  const updates: [number, Uint8Array[]][] = [];
  for (let count = decoding.readVarUint(d); count > 0; count--) {
    const epoch = decoding.readVarUint(d);
    const segments: Uint8Array[] = [];
    // Version 2: the doc as one update.
    for (let k = version === 2 ? 1 : decoding.readVarUint(d); k > 0; k--)
      segments.push(decoding.readVarUint8Array(d));
    updates.push([epoch, segments]);
  }
  if (decoding.hasContent(d)) throw new SnapshotError('trailing bytes after the snapshot');
  return { meta, chains, messages, updates };
}
