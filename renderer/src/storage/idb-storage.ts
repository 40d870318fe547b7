import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RepoStorage } from '../../../shared/repo/records.ts';
import type { GroupStorage, StoredBlob } from '../../../shared/storage/storage.ts';

type BlobRow = StoredBlob & { group: string; order?: number };

type DataDb = DBSchema & {
  blobs: {
    key: number;
    value: BlobRow;
    indexes: { 'by-group': [string, number]; 'by-id': [string, string] };
  };
  records: { key: string; value: Uint8Array };
};

/**
 * The app's storage on IndexedDB (DESIGN §7): an append-only log of ciphertext blobs per
 * group, and sealed records. Nothing in it is readable without the device storage key.
 */
export async function indexedDbRepoStorage(name = 'fellows-data'): Promise<RepoStorage> {
  const db: IDBPDatabase<DataDb> = await openDB<DataDb>(name, 1, {
    upgrade(database) {
      const blobs = database.createObjectStore('blobs', { keyPath: 'order', autoIncrement: true });
      blobs.createIndex('by-group', ['group', 'order']);
      blobs.createIndex('by-id', ['group', 'id'], { unique: true });
      database.createObjectStore('records');
    },
  });

  const group = (id: string): GroupStorage => ({
    async appendBlob(blob) {
      const tx = db.transaction('blobs', 'readwrite');
      // Append-only and idempotent: a blob we hold already is not stored twice.
      if ((await tx.store.index('by-id').count([id, blob.id])) === 0) {
        await tx.store.add({ ...blob, bytes: blob.bytes.slice(), group: id });
      }
      await tx.done;
    },
    async loadBlobs() {
      const range = IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
      const rows = await db.getAllFromIndex('blobs', 'by-group', range);
      return rows.map(({ id: blobId, clientId, seq, bytes }) => ({
        id: blobId,
        clientId,
        seq,
        bytes,
      }));
    },
    putRecord: async (name, bytes) => {
      await db.put('records', bytes.slice(), `g:${id}:${name}`);
    },
    getRecord: async (name) => (await db.get('records', `g:${id}:${name}`)) ?? null,
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
  };
}
