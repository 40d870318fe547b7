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
  /** Every stored blob, in the order it was appended. */
  loadBlobs(): Promise<StoredBlob[]>;
  putRecord(name: string, bytes: Uint8Array): Promise<void>;
  getRecord(name: string): Promise<Uint8Array | null>;
};

export function memoryGroupStorage(): GroupStorage & { readonly blobs: StoredBlob[] } {
  const blobs: StoredBlob[] = [];
  const ids = new Set<string>();
  const records = new Map<string, Uint8Array>();
  return {
    blobs,
    appendBlob(blob) {
      if (!ids.has(blob.id)) {
        ids.add(blob.id);
        blobs.push({ ...blob, bytes: blob.bytes.slice() });
      }
      return Promise.resolve();
    },
    loadBlobs: () => Promise.resolve(blobs.map((b) => ({ ...b, bytes: b.bytes.slice() }))),
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
    /** Every stored byte, for tests that look for plaintext at rest. */
    dump(): Uint8Array[] {
      return [
        ...records.values(),
        ...[...groups.values()].flatMap((g) => g.blobs.map((b) => b.bytes)),
      ];
    },
  };
}
