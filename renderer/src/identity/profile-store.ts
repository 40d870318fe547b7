import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** What is kept on disk about this device's person: nothing secret in the clear. */
export type ProfileRecord = {
  version: 1;
  displayName: string;
  /** Raw ed25519 public key of this device. */
  devicePublicKey: Uint8Array;
  /** The device's ed25519 private key (PKCS#8), AES-GCM-wrapped with the vault's storage key. */
  wrappedSigningKey: Uint8Array;
  iv: Uint8Array;
  createdAt: number;
};

type ProfileDb = DBSchema & {
  profile: { key: 'self'; value: ProfileRecord };
};

/** Where the profile lives: one IndexedDB database per origin (so per app install). */
export type ProfileStore = {
  load(): Promise<ProfileRecord | null>;
  save(record: ProfileRecord): Promise<void>;
  clear(): Promise<void>;
};

/** The profile store on IndexedDB. */
export function indexedDbProfileStore(dbName = 'fellows-profile'): ProfileStore {
  let db: Promise<IDBPDatabase<ProfileDb>> | undefined;
  const open = () =>
    (db ??= openDB<ProfileDb>(dbName, 1, {
      upgrade(database) {
        database.createObjectStore('profile');
      },
    }));
  return {
    async load() {
      return (await (await open()).get('profile', 'self')) ?? null;
    },
    async save(record) {
      await (await open()).put('profile', record, 'self');
    },
    async clear() {
      await (await open()).delete('profile', 'self');
    },
  };
}
