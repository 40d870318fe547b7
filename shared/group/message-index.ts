import { parseMessageId } from '../content/keys.ts';
import type { ChainBook } from './chains.ts';
import type { MessageOrder, OrderKey } from './order.ts';

/** The index in columns, conversation order, for a snapshot. */
export type MessageColumns = { client: Uint32Array; n: Float64Array; seq: Uint32Array };

/**
 * The conversation: every message in order (DESIGN §4), and where each was created. A
 * message's order key is that of the blob that created it, so the index keeps only the
 * message's id parts and its blob's seq (16 bytes a message, in typed arrays) and reads
 * effective time, depth and blob id from the chain book. Reads match `MessageOrder`.
 */
export type MessageIndex = Omit<MessageOrder, 'insert'> & {
  /** Adds message `id`, created by the blob at `clientId`:`seq`; false if not its author's. */
  add(id: string, clientId: number, seq: number): boolean;
  /** Where a message was created: its blob's device and seq, for causal checks. */
  position(id: string): { clientId: number; seq: number } | undefined;
  /** Hex id of the blob that created a message. */
  blobOf(id: string): string | undefined;
  dump(): MessageColumns;
};

/** Message counters of one author: n → seq, dense while honest (n counts up from 1). */
type Seqs = { dense: number[]; sparse: Map<number, number> };

const SPARSE_GAP = 1024;

export function createMessageIndex(book: ChainBook, from?: MessageColumns): MessageIndex {
  let size = 0;
  let client = new Uint32Array(0);
  let ns = new Float64Array(0);
  let seqs = new Uint32Array(0);
  const authors = new Map<number, Seqs>();

  const seqOf = (c: number, n: number): number | undefined => {
    const s = authors.get(c);
    if (!s) return undefined;
    const seq = n < s.dense.length ? s.dense[n] : s.sparse.get(n);
    return seq === 0 ? undefined : seq;
  };
  const remember = (c: number, n: number, seq: number) => {
    let s = authors.get(c);
    if (!s) {
      s = { dense: [0], sparse: new Map() };
      authors.set(c, s);
    }
    if (n < s.dense.length) s.dense[n] = seq;
    else if (n - s.dense.length < SPARSE_GAP) {
      while (s.dense.length < n) s.dense.push(0);
      s.dense.push(seq);
    } else s.sparse.set(n, seq);
  };
  const reserve = (capacity: number) => {
    if (capacity <= client.length) return;
    const next = Math.max(capacity, 16, Math.ceil(client.length * 1.5));
    const grow = <T extends Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const fresh = make(next);
      fresh.set(old.subarray(0, size));
      return fresh;
    };
    client = grow(client, (n) => new Uint32Array(n));
    ns = grow(ns, (n) => new Float64Array(n));
    seqs = grow(seqs, (n) => new Uint32Array(n));
  };
  /** First index whose message sorts after the blob at c:seq (or after `key`). */
  const upperBound = (after: (i: number) => boolean) => {
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (after(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const cAt = (i: number) => client[i] ?? 0;
  const sAt = (i: number) => seqs[i] ?? 0;
  const idAt = (i: number) => `${cAt(i)}:${ns[i] ?? 0}`;
  const afterKey = (key: OrderKey) => (i: number) => book.compareWith(cAt(i), sAt(i), key) > 0;
  const locate = (id: string) => {
    const parts = parseMessageId(id);
    const seq = parts ? seqOf(parts.client, parts.n) : undefined;
    return parts && seq !== undefined ? { clientId: parts.client, n: parts.n, seq } : undefined;
  };

  if (from) {
    reserve(from.client.length);
    client.set(from.client);
    ns.set(from.n);
    seqs.set(from.seq);
    size = from.client.length;
    for (let i = 0; i < size; i++) remember(cAt(i), ns[i] ?? 0, sAt(i));
  }

  const index: MessageIndex = {
    add(id, clientId, seq) {
      const parts = parseMessageId(id);
      if (!parts || parts.client !== clientId || seqOf(clientId, parts.n) !== undefined) {
        return false;
      }
      reserve(size + 1);
      // Messages nearly always arrive in order: check the end before searching.
      const last = size - 1;
      const at =
        size === 0 || book.compareAt(cAt(last), sAt(last), clientId, seq) <= 0
          ? size
          : upperBound((i) => book.compareAt(cAt(i), sAt(i), clientId, seq) > 0);
      client.copyWithin(at + 1, at, size);
      ns.copyWithin(at + 1, at, size);
      seqs.copyWithin(at + 1, at, size);
      client[at] = clientId;
      ns[at] = parts.n;
      seqs[at] = seq;
      size++;
      remember(clientId, parts.n, seq);
      return true;
    },
    position(id) {
      const found = locate(id);
      return found && { clientId: found.clientId, seq: found.seq };
    },
    blobOf(id) {
      const found = locate(id);
      return found && book.idAt(found.clientId, found.seq);
    },
    has: (id) => locate(id) !== undefined,
    keyOf(id) {
      const found = locate(id);
      const meta = found && book.accepted(found.clientId, found.seq);
      return meta && { time: meta.effective, depth: meta.depth, blob: meta.id };
    },
    size: () => size,
    indexOf(id) {
      const found = locate(id);
      if (!found) return -1;
      const { clientId, seq, n } = found;
      // The first message at or after this blob, then among those of the same blob.
      let i = upperBound((k) => book.compareAt(cAt(k), sAt(k), clientId, seq) >= 0);
      for (; i < size && cAt(i) === clientId && sAt(i) === seq; i++) if (ns[i] === n) return i;
      return -1;
    },
    slice(start, end) {
      const ids: string[] = [];
      for (let i = Math.max(0, start); i < Math.min(size, end); i++) ids.push(idAt(i));
      return ids;
    },
    countAfter(key, count) {
      let n = 0;
      for (let i = key ? upperBound(afterKey(key)) : 0; i < size; i++) if (count(idAt(i))) n++;
      return n;
    },
    dump: () => ({
      client: client.slice(0, size),
      n: ns.slice(0, size),
      seq: seqs.slice(0, size),
    }),
  };
  return index;
}
