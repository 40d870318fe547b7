import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { takeOpened } from '../storage/opened-early.ts';

/** A private key kept on disk: PKCS#8, AES-GCM-wrapped with the vault's storage key. */
export type WrappedKey = { wrapped: Uint8Array; iv: Uint8Array };

/** The first profile format (foundation): a device key only. Upgraded on load. */
export type ProfileRecordV1 = {
  version: 1;
  displayName: string;
  /** Raw ed25519 public key of this device. */
  devicePublicKey: Uint8Array;
  wrappedSigningKey: Uint8Array;
  iv: Uint8Array;
  createdAt: number;
};

/** What is kept on disk about this device's person: nothing secret in the clear. */
export type ProfileRecordV2 = {
  version: 2;
  displayName: string;
  personPublicKey: Uint8Array;
  personKey: WrappedKey;
  devicePublicKey: Uint8Array;
  deviceKey: WrappedKey;
  /** The device's x25519 box secret, AES-GCM-sealed with the storage key. */
  boxSecret: WrappedKey;
  /** Encoded device certificate and signed name (public). */
  certificate: Uint8Array;
  signedName: Uint8Array;
  createdAt: number;
  /**
   * Groups a linked device was handed and has not opened yet (their epoch secrets inside),
   * AES-GCM-sealed with the storage key; dropped once the sync engine has opened them.
   */
  linkedGroups?: WrappedKey;
};

export type ProfileRecord = ProfileRecordV1 | ProfileRecordV2;

type ProfileDb = DBSchema & {
  profile: { key: 'self'; value: ProfileRecord };
};

/** Where the profile lives: one IndexedDB database per origin (so per app install). */
export type ProfileStore = {
  load(): Promise<ProfileRecord | null>;
  save(record: ProfileRecord): Promise<void>;
  clear(): Promise<void>;
};

export const PROFILE_DB = 'fellows-profile';

/** Opens (creating) the profile's database. */
export function openProfileDb(dbName = PROFILE_DB): Promise<IDBPDatabase<ProfileDb>> {
  return openDB<ProfileDb>(dbName, 1, {
    upgrade(database) {
      database.createObjectStore('profile');
    },
  });
}

/** The profile store on IndexedDB. */
export function indexedDbProfileStore(dbName = PROFILE_DB): ProfileStore {
  let db: Promise<IDBPDatabase<ProfileDb>> | undefined;
  const open = () => (db ??= takeOpened<IDBPDatabase<ProfileDb>>(dbName) ?? openProfileDb(dbName));
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
