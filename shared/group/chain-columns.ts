import type { ChainColumns } from './chains.ts';

// Accepted blobs are kept in columns of typed arrays, in blocks of up to BLOCK entries (the
// last block grows by doubling): ~62 bytes a blob measured, where an object per blob with a
// hex id took ~270 — the difference between fitting and not fitting a 100k-message group in
// the worker's heap budget (docs/benchmarks.md).
export const BLOCK = 1024;
export const ID = 32;

export type Block = {
  ids: Uint8Array;
  wall: Float64Array;
  counter: Float64Array;
  effectiveWall: Float64Array;
  effectiveCounter: Float64Array;
  depth: Uint32Array;
};

export type Chain = {
  blocks: Block[];
  length: number;
  /** Vector clock of the latest accepted blob. */
  frontier: Map<number, number>;
  /** Seq at which this device was caught equivocating; it and everything after is refused. */
  forkedAt: number | null;
};

export function newBlock(capacity: number): Block {
  return {
    ids: new Uint8Array(capacity * ID),
    wall: new Float64Array(capacity),
    counter: new Float64Array(capacity),
    effectiveWall: new Float64Array(capacity),
    effectiveCounter: new Float64Array(capacity),
    depth: new Uint32Array(capacity),
  };
}

export function grown(block: Block, capacity: number): Block {
  const next = newBlock(capacity);
  next.ids.set(block.ids);
  next.wall.set(block.wall);
  next.counter.set(block.counter);
  next.effectiveWall.set(block.effectiveWall);
  next.effectiveCounter.set(block.effectiveCounter);
  next.depth.set(block.depth);
  return next;
}

export function blockOf(c: Chain, seq: number): Block {
  return c.blocks[Math.floor((seq - 1) / BLOCK)] as Block;
}

export function compareIds(a: Block, ai: number, b: Block, bi: number): number {
  for (let k = 0; k < ID; k++) {
    const d = (a.ids[ai * ID + k] ?? 0) - (b.ids[bi * ID + k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function dumpChain(clientId: number, c: Chain): ChainColumns {
  const n = c.length;
  const columns: ChainColumns = {
    clientId,
    length: n,
    ids: new Uint8Array(n * ID),
    wall: new Float64Array(n),
    counter: new Float64Array(n),
    effectiveWall: new Float64Array(n),
    effectiveCounter: new Float64Array(n),
    depth: new Uint32Array(n),
    frontier: [...c.frontier],
    forkedAt: c.forkedAt,
  };
  c.blocks.forEach((b, k) => {
    const start = k * BLOCK;
    const count = Math.min(BLOCK, n - start);
    if (count <= 0) return;
    columns.ids.set(b.ids.subarray(0, count * ID), start * ID);
    columns.wall.set(b.wall.subarray(0, count), start);
    columns.counter.set(b.counter.subarray(0, count), start);
    columns.effectiveWall.set(b.effectiveWall.subarray(0, count), start);
    columns.effectiveCounter.set(b.effectiveCounter.subarray(0, count), start);
    columns.depth.set(b.depth.subarray(0, count), start);
  });
  return columns;
}

export function restoreChain(c: Chain, columns: ChainColumns): void {
  const n = columns.length;
  for (let start = 0; start < n; start += BLOCK) {
    const count = Math.min(BLOCK, n - start);
    // Full blocks, but the last one only as large as it needs to be (it grows on accept).
    const b = newBlock(count === BLOCK ? BLOCK : Math.max(8, count));
    b.ids.set(columns.ids.subarray(start * ID, (start + count) * ID));
    b.wall.set(columns.wall.subarray(start, start + count));
    b.counter.set(columns.counter.subarray(start, start + count));
    b.effectiveWall.set(columns.effectiveWall.subarray(start, start + count));
    b.effectiveCounter.set(columns.effectiveCounter.subarray(start, start + count));
    b.depth.set(columns.depth.subarray(start, start + count));
    c.blocks.push(b);
  }
  c.length = n;
  c.frontier = new Map(columns.frontier);
  c.forkedAt = columns.forkedAt;
}
