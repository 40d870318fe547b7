/** One blob in a group's append-only log, as stored: ciphertext only (DESIGN §7). */
export type StoredBlob = {
  /** Hex blob id. */
  id: string;
  clientId: number;
  seq: number;
  bytes: Uint8Array;
};

/**
 * Where one group's data lives on this device. The blob log holds ciphertext as it arrived;
 * records hold what the device sealed for itself (snapshot, recent window, epoch secrets,
 * read position). IndexedDB implements it in the app; tests use `memoryGroupStorage`.
 */
export type GroupStorage = {
  appendBlob(blob: StoredBlob): Promise<void>;
  /**
   * Appends several blobs in order, as `appendBlob` would one by one, but at once: in one
   * transaction where the storage has them (a catch-up stores a range of hundreds; IndexedDB
   * takes ~2 ms to commit each transaction, docs/benchmarks.md).
   */
  appendBlobs(blobs: readonly StoredBlob[]): Promise<void>;
  /** Every stored blob, in the order it was appended. */
  loadBlobs(): Promise<StoredBlob[]>;
  /**
   * One device's stored chain past `seq`: its blobs with a greater seq, ascending (blobs at
   * one seq, an equivocation, in append order). A peer's catch-up range, read without the
   * rest of the log. With `limit`, at most that many, except that the blobs at the last seq
   * returned all come together: a cut never hides half of a fork.
   */
  loadChainAfter(clientId: number, seq: number, limit?: number): Promise<StoredBlob[]>;
  /**
   * The blobs past a have-vector: of each device, those with a greater seq than `heads`
   * gives it (all of a device it lacks), in append order. Opening from a snapshot reads only
   * these, not the whole log.
   */
  loadBlobsAfter(heads: ReadonlyMap<number, number>): Promise<StoredBlob[]>;
  putRecord(name: string, bytes: Uint8Array): Promise<void>;
  getRecord(name: string): Promise<Uint8Array | null>;
};

const copy = (blob: StoredBlob): StoredBlob => ({ ...blob, bytes: blob.bytes.slice() });

/** A chain read's limit is a positive whole number, or absent: anything else is a bug. */
export function assertLimit(limit: number | undefined): void {
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
    throw new RangeError(`a chain read's limit must be a positive integer, not ${limit}`);
  }
}

/**
 * The first `limit` of an ascending chain, plus any further blobs at the last seq kept, so
 * both blobs of an equivocation always travel together.
 */
function keepWholeSeqs<T extends { seq: number }>(chain: T[], limit?: number): T[] {
  if (limit === undefined || chain.length <= limit) return chain;
  const last = chain[limit - 1]?.seq;
  let end = limit;
  while (end < chain.length && chain[end]?.seq === last) end++;
  return chain.slice(0, end);
}

export function memoryGroupStorage(): GroupStorage & { readonly blobs: StoredBlob[] } {
  const blobs: StoredBlob[] = [];
  const ids = new Set<string>();
  const records = new Map<string, Uint8Array>();
  const appendBlobs = (many: readonly StoredBlob[]) => {
    for (const blob of many) {
      if (ids.has(blob.id)) continue;
      ids.add(blob.id);
      blobs.push({ ...blob, bytes: blob.bytes.slice() });
    }
    return Promise.resolve();
  };
  return {
    blobs,
    appendBlob: (blob) => appendBlobs([blob]),
    appendBlobs,
    loadBlobs: () => Promise.resolve(blobs.map(copy)),
    loadBlobsAfter: (heads) =>
      Promise.resolve(blobs.filter((b) => b.seq > (heads.get(b.clientId) ?? 0)).map(copy)),
    loadChainAfter: (clientId, seq, limit) =>
      Promise.resolve().then(() => {
        assertLimit(limit);
        // Array.prototype.sort is stable: blobs at one seq keep their append order.
        const chain = blobs
          .filter((b) => b.clientId === clientId && b.seq > seq)
          .sort((a, b) => a.seq - b.seq);
        return keepWholeSeqs(chain, limit).map(copy);
      }),
    putRecord(name, bytes) {
      records.set(name, bytes.slice());
      return Promise.resolve();
    },
    getRecord: (name) => Promise.resolve(records.get(name)?.slice() ?? null),
  };
}

/** An in-memory repo storage: one memory group storage per group, plus records. */
export function memoryRepoStorage() {
  const groups = new Map<string, ReturnType<typeof memoryGroupStorage>>();
  const records = new Map<string, Uint8Array>();
  return {
    group(id: string) {
      let storage = groups.get(id);
      if (!storage) {
        storage = memoryGroupStorage();
        groups.set(id, storage);
      }
      return storage;
    },
    putRecord(name: string, bytes: Uint8Array) {
      records.set(name, bytes.slice());
      return Promise.resolve();
    },
    getRecord: (name: string) => Promise.resolve(records.get(name)?.slice() ?? null),
    listRecords: (prefix: string) =>
      Promise.resolve([...records.keys()].filter((k) => k.startsWith(prefix)).sort()),
    deleteGroup(id: string) {
      groups.delete(id);
      records.delete(`group:${id}`);
      return Promise.resolve();
    },
    /** Every stored byte, for tests that look for plaintext at rest. */
    dump(): Uint8Array[] {
      return [
        ...records.values(),
        ...[...groups.values()].flatMap((g) => g.blobs.map((b) => b.bytes)),
      ];
    },
  };
}
