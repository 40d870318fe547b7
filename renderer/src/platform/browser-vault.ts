import type { IDBPDatabase } from 'idb';
import {
  vaultNameSchema,
  vaultValueSchema,
  type VaultStatus,
} from '../../../shared/ipc/contract.ts';
import { takeOpened } from '../storage/opened-early.ts';
import { PlatformError, type Vault } from './types.ts';
import { openVaultDb, VAULT_DB, type VaultDb } from './vault-db.ts';

const WEB_VAULT_STATUS: VaultStatus = {
  available: true,
  backend: 'browser-profile',
  protectedAtRest: false,
  explanation:
    'In a browser, Fellows keeps your keys in this browser profile: they are as safe as the profile ' +
    'and the disk it is on. The desktop app seals them with your system keyring.',
};

function check(name: unknown, value?: unknown): void {
  const parsedName = vaultNameSchema.safeParse(name);
  if (!parsedName.success) {
    throw new PlatformError('invalid-argument', parsedName.error.issues[0]?.message ?? 'bad name');
  }
  if (value === undefined) return;
  const parsedValue = vaultValueSchema.safeParse(value);
  if (!parsedValue.success) {
    throw new PlatformError(
      'invalid-argument',
      parsedValue.error.issues[0]?.message ?? 'bad value',
    );
  }
}

/**
 * The web host's vault: IndexedDB in this origin, with the same name and size rules as the
 * desktop vault so code that works in one works in the other.
 */
export function browserVault(dbName = VAULT_DB): Vault {
  let db: Promise<IDBPDatabase<VaultDb>> | undefined;
  const open = () => (db ??= takeOpened<IDBPDatabase<VaultDb>>(dbName) ?? openVaultDb(dbName));
  return {
    status: () => Promise.resolve(WEB_VAULT_STATUS),
    async get(name) {
      check(name);
      const value = await (await open()).get('secrets', name);
      return value ?? null;
    },
    async set(name, value) {
      check(name, value);
      await (await open()).put('secrets', new Uint8Array(value), name);
    },
    async delete(name) {
      check(name);
      await (await open()).delete('secrets', name);
    },
  };
}
