import type { RepoStorage } from '../../../shared/repo/records.ts';

/** Repo storage whose first reads of some records were begun ahead (`prefetchRecords`). */
export type Prefetched = {
  storage: RepoStorage;
  /** Drops what was read ahead and not asked for (the engine has opened its groups). */
  release(): void;
};

/**
 * `storage`, with some of one group's sealed records read ahead: what the sync engine reads
 * first as it opens the last open group (its snapshot and search index: ~19 MB, 60–130 ms
 * for 100k messages), read while the profile unlocks instead of after. Each is answered once
 * from the read begun here; writing or deleting it first drops the copy, and a failed read
 * is simply read again.
 */
export function prefetchRecords(
  storage: RepoStorage,
  groupId: string,
  names: readonly string[],
): Prefetched {
  const ahead = new Map<string, Promise<Uint8Array | null>>();
  const source = storage.group(groupId);
  for (const name of names) {
    const read = source.getRecord(name);
    // Its failure is met (and the record read again) when it is asked for.
    read.catch(() => undefined);
    ahead.set(name, read);
  }
  return {
    storage: {
      ...storage,
      group(id) {
        const inner = storage.group(id);
        if (id !== groupId) return inner;
        return {
          ...inner,
          getRecord(name) {
            const read = ahead.get(name);
            if (!read) return inner.getRecord(name);
            ahead.delete(name);
            return read.catch(() => inner.getRecord(name));
          },
          putRecord(name, bytes) {
            ahead.delete(name);
            return inner.putRecord(name, bytes);
          },
        };
      },
      deleteGroup(id) {
        if (id === groupId) ahead.clear();
        return storage.deleteGroup(id);
      },
    },
    release() {
      ahead.clear();
    },
  };
}
