import {
  BLOCK,
  ID,
  blockOf,
  compareIds,
  dumpChain,
  grown,
  newBlock,
  restoreChain,
  type Block,
  type Chain,
} from './chain-columns.ts';
import { hexOf } from '../crypto/bytes.ts';
import { bytesOfHex } from './hex.ts';
import { compareHlc, maxHlc, type Hlc } from './clock.ts';
import type { OrderKey } from './order.ts';

/** What the engine keeps about each accepted blob, to order and judge the blobs after it. */
export type BlobMeta = {
  /** Hex blob id. */
  id: string;
  time: Hlc;
  /** Effective time: max(own time, effective times of prev and deps) (DESIGN §4). */
  effective: Hlc;
  /** 1 + the largest depth among prev and deps: a linear extension of causality. */
  depth: number;
};

/** A vector clock: clientID → the highest seq in a blob's causal past. */
export type Frontier = ReadonlyMap<number, number>;

/**
 * One device's accepted chain in columns, for a snapshot: entry i is seq i + 1. Ids are
 * 32 bytes each, back to back.
 */
export type ChainColumns = {
  clientId: number;
  length: number;
  ids: Uint8Array;
  wall: Float64Array;
  counter: Float64Array;
  effectiveWall: Float64Array;
  effectiveCounter: Float64Array;
  depth: Uint32Array;
  frontier: [number, number][];
  forkedAt: number | null;
};

export type ChainBookDump = { chains: ChainColumns[]; refused: [string, string[]][] };

/**
 * Every device's chain of accepted blobs, plus what was refused at which position. A
 * position is "decided" once a blob there was accepted or refused: a dep on a refused blob
 * counts as decided, so one bad blob never stalls an honest chain (DESIGN §5).
 */
export type ChainBook = {
  accepted(clientId: number, seq: number): BlobMeta | undefined;
  /** Hex id of the blob accepted at a position, without building its meta. */
  idAt(clientId: number, seq: number): string | undefined;
  /** The id's bytes (a copy), for hashing deps. */
  idBytesAt(clientId: number, seq: number): Uint8Array | undefined;
  /** Whether the blob accepted at a position has this id (as bytes). */
  hasIdAt(clientId: number, seq: number, id: Uint8Array): boolean;
  head(clientId: number): number;
  frontier(clientId: number): Frontier;
  isDecided(clientId: number, seq: number): boolean;
  refusedIds(clientId: number, seq: number): readonly string[];
  forkedAt(clientId: number): number | null;
  /** Records an accepted blob; `idBytes`, if given, saves decoding `meta.id`. */
  accept(
    clientId: number,
    seq: number,
    meta: BlobMeta,
    frontier: Map<number, number>,
    idBytes?: Uint8Array,
  ): void;
  refuse(clientId: number, seq: number, id: string): void;
  markFork(clientId: number, seq: number): void;
  /** Every device's head seq: what this device holds (its have-vector). */
  heads(): Map<number, number>;
  /** Order (DESIGN §4) of the blobs at two accepted positions, without allocating. */
  compareAt(a: number, aSeq: number, b: number, bSeq: number): number;
  /** Order of the blob at an accepted position against an order key. */
  compareWith(clientId: number, seq: number, key: OrderKey): number;
  dump(): ChainBookDump;
};

export function createChainBook(from?: ChainBookDump): ChainBook {
  const chains = new Map<number, Chain>();
  const refused = new Map<string, string[]>(from?.refused ?? []);
  const chain = (clientId: number): Chain => {
    let c = chains.get(clientId);
    if (!c) {
      c = { blocks: [], length: 0, frontier: new Map(), forkedAt: null };
      chains.set(clientId, c);
    }
    return c;
  };
  for (const columns of from?.chains ?? []) restoreChain(chain(columns.clientId), columns);
  /** The chain and in-block index of an accepted position, or undefined. */
  const at = (clientId: number, seq: number): [Block, number] | undefined => {
    const c = chains.get(clientId);
    if (!c || !Number.isInteger(seq) || seq < 1 || seq > c.length) return undefined;
    return [blockOf(c, seq), (seq - 1) % BLOCK];
  };
  const must = (clientId: number, seq: number): [Block, number] => {
    const found = at(clientId, seq);
    if (!found) throw new Error(`no accepted blob at ${clientId}:${seq}`);
    return found;
  };

  return {
    accepted(clientId, seq) {
      const found = at(clientId, seq);
      if (!found) return undefined;
      const [b, i] = found;
      return {
        id: hexOf(b.ids, i * ID, ID),
        time: { wall: b.wall[i] ?? 0, counter: b.counter[i] ?? 0 },
        effective: { wall: b.effectiveWall[i] ?? 0, counter: b.effectiveCounter[i] ?? 0 },
        depth: b.depth[i] ?? 0,
      };
    },
    idAt(clientId, seq) {
      const found = at(clientId, seq);
      return found ? hexOf(found[0].ids, found[1] * ID, ID) : undefined;
    },
    idBytesAt(clientId, seq) {
      const found = at(clientId, seq);
      return found ? found[0].ids.slice(found[1] * ID, (found[1] + 1) * ID) : undefined;
    },
    hasIdAt(clientId, seq, id) {
      const found = at(clientId, seq);
      if (!found || id.length !== ID) return false;
      const [b, i] = found;
      for (let k = 0; k < ID; k++) if (b.ids[i * ID + k] !== id[k]) return false;
      return true;
    },
    head: (clientId) => chains.get(clientId)?.length ?? 0,
    frontier: (clientId) => chains.get(clientId)?.frontier ?? new Map<number, number>(),
    isDecided(clientId, seq) {
      const c = chains.get(clientId);
      if (c && (seq <= c.length || (c.forkedAt !== null && seq >= c.forkedAt))) return true;
      return refused.has(`${clientId}:${seq}`);
    },
    refusedIds: (clientId, seq) => refused.get(`${clientId}:${seq}`) ?? [],
    forkedAt: (clientId) => chains.get(clientId)?.forkedAt ?? null,
    accept(clientId, seq, meta, frontier, idBytes) {
      const c = chain(clientId);
      if (seq !== c.length + 1)
        throw new Error(`chain ${clientId}: accept ${seq} after ${c.length}`);
      const i = c.length % BLOCK;
      let b = c.blocks[c.blocks.length - 1];
      if (!b || i === 0) {
        b = newBlock(8);
        c.blocks.push(b);
      } else if (i === b.depth.length) {
        b = grown(b, Math.min(BLOCK, i * 2));
        c.blocks[c.blocks.length - 1] = b;
      }
      b.ids.set(idBytes ?? bytesOfHex(meta.id, ID), i * ID);
      b.wall[i] = meta.time.wall;
      b.counter[i] = meta.time.counter;
      b.effectiveWall[i] = meta.effective.wall;
      b.effectiveCounter[i] = meta.effective.counter;
      b.depth[i] = meta.depth;
      c.length = seq;
      c.frontier = frontier;
    },
    refuse(clientId, seq, id) {
      const key = `${clientId}:${seq}`;
      const ids = refused.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      refused.set(key, ids);
    },
    markFork(clientId, seq) {
      const c = chain(clientId);
      c.forkedAt = c.forkedAt === null ? seq : Math.min(c.forkedAt, seq);
    },
    heads: () => new Map([...chains].map(([clientId, c]) => [clientId, c.length])),
    compareAt(a, aSeq, b, bSeq) {
      const [x, xi] = must(a, aSeq);
      const [y, yi] = must(b, bSeq);
      return (
        (x.effectiveWall[xi] ?? 0) - (y.effectiveWall[yi] ?? 0) ||
        (x.effectiveCounter[xi] ?? 0) - (y.effectiveCounter[yi] ?? 0) ||
        (x.depth[xi] ?? 0) - (y.depth[yi] ?? 0) ||
        compareIds(x, xi, y, yi)
      );
    },
    compareWith(clientId, seq, key) {
      const [x, xi] = must(clientId, seq);
      const byTime = compareHlc(
        { wall: x.effectiveWall[xi] ?? 0, counter: x.effectiveCounter[xi] ?? 0 },
        key.time,
      );
      if (byTime !== 0 || (x.depth[xi] ?? 0) !== key.depth)
        return byTime || (x.depth[xi] ?? 0) - key.depth;
      const id = hexOf(x.ids, xi * ID, ID);
      return id < key.blob ? -1 : id > key.blob ? 1 : 0;
    },
    dump: () => ({
      chains: [...chains].map(([clientId, c]) => dumpChain(clientId, c)),
      refused: [...refused].map(([key, ids]) => [key, [...ids]]),
    }),
  };
}

/** The effective time and depth of a new blob, from its own time and its predecessors'. */
export function placeAfter(
  time: Hlc,
  before: readonly BlobMeta[],
): { effective: Hlc; depth: number } {
  let effective = time;
  let depth = 0;
  for (const meta of before) {
    effective = maxHlc(effective, meta.effective);
    depth = Math.max(depth, meta.depth);
  }
  return { effective, depth: depth + 1 };
}
