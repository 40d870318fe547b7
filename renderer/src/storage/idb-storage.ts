import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { RepoStorage } from '../../../shared/repo/records.ts';
import {
  assertLimit,
  type GroupStorage,
  type StoredBlob,
} from '../../../shared/storage/storage.ts';
import { takeOpened } from './opened-early.ts';

type BlobRow = StoredBlob & { group: string; order?: number };

type DataDb = DBSchema & {
  blobs: {
    key: number;
    value: BlobRow;
    indexes: {
      'by-group': [string, number];
      'by-id': [string, string];
      /** (group, device, seq), not unique: a device's chain as key ranges (DESIGN §7). */
      'by-chain': [string, number, number];
    };
  };
  records: { key: string; value: Uint8Array };
};

export const DATA_DB = 'fellows-data';

/** Opens (creating or upgrading) the database the app's groups live in. */
export function openDataDb(name = DATA_DB): Promise<IDBPDatabase<DataDb>> {
  return openDB<DataDb>(name, 2, {
    // Each step upgrades from the version before and keeps every stored blob and record.
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const blobs = database.createObjectStore('blobs', {
          keyPath: 'order',
          autoIncrement: true,
        });
        blobs.createIndex('by-group', ['group', 'order']);
        blobs.createIndex('by-id', ['group', 'id'], { unique: true });
        database.createObjectStore('records');
      }
      // v2: per-device chain reads. IndexedDB fills a new index from the existing rows.
      if (oldVersion < 2) {
        transaction.objectStore('blobs').createIndex('by-chain', ['group', 'clientId', 'seq']);
      }
    },
    blocked() {
      console.warn('fellows: storage upgrade waits for another Fellows tab to close');
    },
  });
}

/**
 * Sealed records by key (a group's are `g:<id>:<name>`, `groupRecordKey`), read in one
 * transaction without opening anything else, and the database closed again: what the page
 * reads for itself while the sync engine loads (sync/early-window.ts).
 */
export async function readRecords(
  keys: readonly string[],
  dbName = DATA_DB,
): Promise<(Uint8Array | null)[]> {
  const db = await (takeOpened<IDBPDatabase<DataDb>>(dbName) ?? openDataDb(dbName));
  try {
    const tx = db.transaction('records');
    const found = await Promise.all(keys.map((key) => tx.store.get(key)));
    await tx.done;
    return found.map((bytes) => bytes ?? null);
  } finally {
    db.close();
  }
}

/** The key of group `id`'s record `name`. */
export const groupRecordKey = (id: string, name: string) => `g:${id}:${name}`;

/**
 * The app's storage on IndexedDB (DESIGN §7): an append-only log of ciphertext blobs per
 * group, and sealed records. Nothing in it is readable without the device storage key.
 */
export async function indexedDbRepoStorage(name = DATA_DB): Promise<RepoStorage> {
  const db = await openDataDb(name);
  const row = ({ id: blobId, clientId, seq, bytes }: BlobRow): StoredBlob => ({
    id: blobId,
    clientId,
    seq,
    bytes,
  });

  const group = (id: string): GroupStorage => ({
    appendBlob: (blob) => appendBlobs(db, id, [blob]),
    appendBlobs: (blobs) => appendBlobs(db, id, blobs),
    async loadBlobs() {
      const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
      return (await db.getAllFromIndex('blobs', 'by-group', range)).map(row);
    },
    async loadBlobsAfter(heads) {
      // One pass over the group's chains that jumps over what `heads` covers, device by device.
      const chains = db.transaction('blobs').store.index('by-chain');
      const rows: BlobRow[] = [];
      const all = IDBKeyRange.bound([id, -Infinity, -Infinity], [id, Infinity, Infinity]);
      let cursor = await chains.openCursor(all);
      while (cursor) {
        const [, clientId, seq] = cursor.key;
        const head = heads.get(clientId) ?? 0;
        if (seq <= head) {
          // Seqs are whole numbers: head + 0.5 lands just past the head.
          cursor = await cursor.continue([id, clientId, head + 0.5]);
          continue;
        }
        rows.push(cursor.value);
        cursor = await cursor.continue();
      }
      return rows.sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map(row);
    },
    async loadChainAfter(clientId, seq, limit) {
      assertLimit(limit);
      const chain = db.transaction('blobs').store.index('by-chain');
      const after = IDBKeyRange.bound([id, clientId, seq], [id, clientId, Infinity], true);
      let rows = await chain.getAll(after, limit);
      const last = rows.at(-1);
      if (limit !== undefined && rows.length === limit && last) {
        // Rows at one key come in primary-key (append) order, so this seq's rows we have are
        // a prefix of all of them: take them all, so a cut never splits an equivocation.
        const atLast = await chain.getAll(IDBKeyRange.only([id, clientId, last.seq]));
        rows = [...rows.filter((r) => r.seq < last.seq), ...atLast];
      }
      return rows.map(row);
    },
    putRecord: async (name, bytes) => {
      await db.put('records', bytes.slice(), groupRecordKey(id, name));
    },
    getRecord: async (name) => (await db.get('records', groupRecordKey(id, name))) ?? null,
  });

  return {
    group,
    putRecord: async (key, bytes) => {
      await db.put('records', bytes.slice(), key);
    },
    getRecord: async (key) => (await db.get('records', key)) ?? null,
    listRecords: async (prefix) => {
      const keys = await db.getAllKeys('records', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
      return keys.sort();
    },
    async deleteGroup(id) {
      // One transaction: the group is gone whole, or not at all.
      const tx = db.transaction(['blobs', 'records'], 'readwrite');
      const blobs = tx.objectStore('blobs').index('by-group');
      let cursor = await blobs.openCursor(
        IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]),
      );
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      const records = tx.objectStore('records');
      await records.delete(IDBKeyRange.bound(`g:${id}:`, `g:${id}:\uffff`));
      await records.delete(`group:${id}`);
      await tx.done;
    },
  };
}

/**
 * Appends blobs to group `id`'s log in one transaction: committing one per blob made a catch-up
 * wait on IndexedDB (~2 ms a commit here, docs/benchmarks.md). Append-only and idempotent: a
 * blob held already (or twice in `blobs`) is stored once.
 *
 * One add per blob, all sent together, nothing awaited but the commit: each request is a
 * round trip to the browser's IndexedDB backend, and a count and an add per blob awaited in
 * turn kept a catch-up's worker waiting on them most of the time (docs/benchmarks.md,
 * "Catch-up in Chromium, 2026-11-24"). A blob held already is refused by the unique
 * (group, id) index; that refusal is cancelled, so it neither aborts the transaction nor
 * reaches it (checked in Chromium as well as in the tests' fake-indexeddb). A readwrite
 * transaction runs its requests in order, so the log keeps the order of `blobs`.
 */
async function appendBlobs(
  db: IDBPDatabase<DataDb>,
  id: string,
  blobs: readonly StoredBlob[],
): Promise<void> {
  if (blobs.length === 0) return;
  const tx = db.transaction('blobs', 'readwrite');
  const store = unwrap(tx.store);
  for (const blob of blobs) {
    const request = store.add({ ...blob, bytes: blob.bytes.slice(), group: id });
    // Held already: the unique (group, id) index refuses it, and that is no failure.
    request.onerror = (event) => {
      if (request.error?.name !== 'ConstraintError') return;
      event.preventDefault();
      event.stopPropagation();
    };
  }
  await tx.done;
}
