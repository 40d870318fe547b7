import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { SafeStorage } from 'electron';
import { vaultNameSchema, type VaultStatus } from '../../shared/ipc/contract.ts';
import { VaultCorruptError, VaultFullError, VaultUnavailableError } from './errors.ts';
import { describeBackend, storageBackend } from './vault-status.ts';

/** How many secrets the vault holds at most: it is for a few keys, not for data. */
export const MAX_VAULT_ENTRIES = 64;

/** The part of Electron's `safeStorage` the vault uses. */
export type SafeStorageLike = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

/** The file operations the vault needs; tests pass a wrapper to make one of them fail. */
export type VaultFs = Pick<typeof nodeFs, 'readFile' | 'writeFile' | 'rename' | 'unlink' | 'mkdir'>;

export type VaultOptions = {
  safeStorage: SafeStorageLike;
  /** The vault file, e.g. `<userData>/vault.json`. */
  filePath: string;
  fs?: VaultFs;
  platform?: NodeJS.Platform;
  now?: () => Date;
};

/**
 * A store for the few secrets the renderer keeps (such as its device storage key). Each
 * value is sealed by the operating system's secret storage before it touches the disk.
 */
export type Vault = {
  get: (name: string) => Promise<Uint8Array | null>;
  set: (name: string, value: Uint8Array) => Promise<void>;
  delete: (name: string) => Promise<void>;
  status: () => Promise<VaultStatus>;
};

type Entries = Record<string, string>;
type VaultFile = { version: 1; entries: Entries };

/**
 * Creates the vault. Values are encrypted with `safeStorage` and kept as base64 ciphertext
 * in one JSON file, replaced atomically on every change. Operations run one at a time so
 * two writes never lose each other's change. Names are trusted to be valid
 * (`vaultNameSchema`); the IPC layer has parsed them.
 */
export function createVault(options: VaultOptions): Vault {
  const { safeStorage, filePath } = options;
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const now = options.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs operations in order; a failed one does not stop the ones after it. */
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    // The caller gets the failure through `next`; the queue itself only needs to move on.
    queue = next.catch(() => undefined);
    return next;
  };

  const requireEncryption = async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new VaultUnavailableError(
        'Fellows cannot use your system’s secure storage right now, so it did not save this key.',
      );
    }
  };

  const seal = async (value: Uint8Array): Promise<string> => {
    const sealed = await safeStorage.encryptStringAsync(Buffer.from(value).toString('base64'));
    return sealed.toString('base64');
  };

  const read = async (): Promise<Entries> => {
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new VaultCorruptError(
        'Fellows could not read its key vault file. Check the permissions of its data folder.',
        'unreadable',
        { cause: error },
      );
    }
    return parseVaultFile(text);
  };

  const write = async (entries: Entries) => {
    const file: VaultFile = { version: 1, entries };
    await fs.mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
    const temp = join(
      dirname(filePath),
      `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      // flag 'wx': the temp name is new; never follow something already there.
      await fs.writeFile(temp, JSON.stringify(file), { mode: 0o600, flag: 'wx', flush: true });
      await fs.rename(temp, filePath);
    } catch (error) {
      // The temp file may never have been created; the original error is what matters.
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  };

  /** The entries to change; a malformed file is moved aside first so it is never lost. */
  const readForWrite = async (): Promise<Entries> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof VaultCorruptError) || error.reason !== 'malformed') throw error;
      const aside = `${filePath}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      await fs.rename(filePath, aside);
      console.warn(`vault: the key vault file was damaged; it was kept as ${basename(aside)}`);
      return {};
    }
  };

  return {
    get: (name) =>
      serial(async () => {
        const entries = await read();
        const sealed = Object.hasOwn(entries, name) ? entries[name] : undefined;
        if (sealed === undefined) return null;
        let opened: { result: string; shouldReEncrypt: boolean };
        try {
          opened = await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
        } catch (error) {
          throw new VaultCorruptError(
            `Fellows could not decrypt the saved key “${name}”. Your system keyring may have been reset.`,
            'undecryptable',
            { cause: error },
          );
        }
        const value = new Uint8Array(Buffer.from(opened.result, 'base64'));
        // The keyring rotated its key: store the value again under the new one.
        if (opened.shouldReEncrypt) await write({ ...entries, [name]: await seal(value) });
        return value;
      }),

    set: (name, value) =>
      serial(async () => {
        // Check before touching the file: without encryption nothing is written at all.
        await requireEncryption();
        const entries = await readForWrite();
        if (!Object.hasOwn(entries, name) && Object.keys(entries).length >= MAX_VAULT_ENTRIES) {
          throw new VaultFullError(`The key vault already holds ${MAX_VAULT_ENTRIES} keys.`);
        }
        await write({ ...entries, [name]: await seal(value) });
      }),

    delete: (name) =>
      serial(async () => {
        const entries = await readForWrite();
        if (!Object.hasOwn(entries, name)) return;
        await write(Object.fromEntries(Object.entries(entries).filter(([key]) => key !== name)));
      }),

    status: async () => {
      const available = await safeStorage.isAsyncEncryptionAvailable();
      return describeBackend(available, storageBackend(safeStorage, platform));
    },
  };
}

/** Parses the vault file, or throws `VaultCorruptError` saying what is wrong with it. */
export function parseVaultFile(text: string): Entries {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw malformed('it is not valid JSON', error);
  }
  if (typeof data !== 'object' || data === null) throw malformed('it is not an object');
  const { version, entries } = data as { version?: unknown; entries?: unknown };
  if (version !== 1) throw malformed('its version is not 1');
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw malformed('it has no entries');
  }
  const pairs = Object.entries(entries);
  if (pairs.length > MAX_VAULT_ENTRIES) throw malformed('it has too many entries');
  const result: Entries = {};
  for (const [name, sealed] of pairs) {
    // A valid name also rules out keys like `__proto__` that would not stay plain data.
    if (!vaultNameSchema.safeParse(name).success) throw malformed('an entry has an invalid name');
    if (typeof sealed !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(sealed)) {
      throw malformed('an entry is not base64 text');
    }
    result[name] = sealed;
  }
  return result;
}

function malformed(what: string, cause?: unknown): VaultCorruptError {
  return new VaultCorruptError(
    `Fellows’s key vault file is damaged (${what}). Saving a key will set it aside and start a new one.`,
    'malformed',
    cause === undefined ? undefined : { cause },
  );
}
