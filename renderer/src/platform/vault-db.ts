import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type VaultDb = DBSchema & {
  secrets: { key: string; value: Uint8Array };
};

export const VAULT_DB = 'fellows-vault';

/** Opens (creating) the web host's vault database (browser-vault.ts). */
export function openVaultDb(dbName = VAULT_DB): Promise<IDBPDatabase<VaultDb>> {
  return openDB<VaultDb>(dbName, 1, {
    upgrade(database) {
      database.createObjectStore('secrets');
    },
  });
}
