import { maxHlc, type Hlc } from './clock.ts';

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

type Chain = {
  metas: BlobMeta[];
  /** Vector clock of the latest accepted blob. */
  frontier: Map<number, number>;
  /** Seq at which this device was caught equivocating; it and everything after is refused. */
  forkedAt: number | null;
};

/**
 * Every device's chain of accepted blobs, plus what was refused at which position. A
 * position is "decided" once a blob there was accepted or refused: a dep on a refused blob
 * counts as decided, so one bad blob never stalls an honest chain (DESIGN §5).
 */
export type ChainBook = {
  accepted(clientId: number, seq: number): BlobMeta | undefined;
  head(clientId: number): number;
  frontier(clientId: number): Frontier;
  isDecided(clientId: number, seq: number): boolean;
  refusedIds(clientId: number, seq: number): readonly string[];
  forkedAt(clientId: number): number | null;
  accept(clientId: number, seq: number, meta: BlobMeta, frontier: Map<number, number>): void;
  refuse(clientId: number, seq: number, id: string): void;
  markFork(clientId: number, seq: number): void;
  /** Every device's head seq: what this device holds (its have-vector). */
  heads(): Map<number, number>;
};

export function createChainBook(): ChainBook {
  const chains = new Map<number, Chain>();
  const refused = new Map<string, string[]>();
  const chain = (clientId: number): Chain => {
    let c = chains.get(clientId);
    if (!c) {
      c = { metas: [], frontier: new Map(), forkedAt: null };
      chains.set(clientId, c);
    }
    return c;
  };
  const book: ChainBook = {
    accepted: (clientId, seq) => chains.get(clientId)?.metas[seq - 1],
    head: (clientId) => chains.get(clientId)?.metas.length ?? 0,
    frontier: (clientId) => chains.get(clientId)?.frontier ?? new Map<number, number>(),
    isDecided(clientId, seq) {
      const c = chains.get(clientId);
      if (c && (seq <= c.metas.length || (c.forkedAt !== null && seq >= c.forkedAt))) return true;
      return refused.has(`${clientId}:${seq}`);
    },
    refusedIds: (clientId, seq) => refused.get(`${clientId}:${seq}`) ?? [],
    forkedAt: (clientId) => chains.get(clientId)?.forkedAt ?? null,
    accept(clientId, seq, meta, frontier) {
      const c = chain(clientId);
      if (seq !== c.metas.length + 1)
        throw new Error(`chain ${clientId}: accept ${seq} after ${c.metas.length}`);
      c.metas.push(meta);
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
    heads: () => new Map([...chains].map(([clientId, c]) => [clientId, c.metas.length])),
  };
  return book;
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
