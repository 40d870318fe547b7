import type { SafeStorage } from 'electron';
import type { VaultStatus } from '../../shared/ipc/contract.ts';

/** Where `safeStorage` keeps its key: Linux reports its keyring, other systems have one. */
export type StorageBackend =
  ReturnType<SafeStorage['getSelectedStorageBackend']> | 'keychain' | 'dpapi';

/** Which secret storage `safeStorage` uses on this system. */
export function storageBackend(
  safeStorage: Pick<SafeStorage, 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform,
): StorageBackend {
  // getSelectedStorageBackend exists only on Linux.
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}

/** Backends that store the key with a fixed, publicly known password, or that we cannot tell. */
const unprotectedBackends: ReadonlySet<StorageBackend> = new Set(['basic_text', 'unknown']);

const explanations: Record<StorageBackend, string> = {
  basic_text:
    'Your system has no keyring (such as GNOME Keyring or KWallet) that Fellows can use, so ' +
    'your keys are stored with a fixed password: anyone who can read your files can read ' +
    'them. Install and unlock a keyring, then restart Fellows.',
  unknown:
    'Fellows could not tell which keyring your system uses, so it cannot promise that your ' +
    'keys are protected on disk. Restart Fellows; if this stays, install and unlock a ' +
    'keyring such as GNOME Keyring or KWallet.',
  gnome_libsecret:
    'Your keys are encrypted with a key kept in your system keyring (GNOME Keyring or ' +
    'another Secret Service), which unlocks when you log in.',
  kwallet: 'Your keys are encrypted with a key kept in KWallet, which unlocks when you log in.',
  kwallet5: 'Your keys are encrypted with a key kept in KWallet, which unlocks when you log in.',
  kwallet6: 'Your keys are encrypted with a key kept in KWallet, which unlocks when you log in.',
  keychain: 'Your keys are encrypted with a key kept in your macOS Keychain.',
  dpapi: 'Your keys are encrypted by Windows for your user account.',
};

const unavailableExplanation =
  'Fellows cannot use your system’s secure storage right now, so it will not save keys on ' +
  'this computer. On Linux, install and unlock a keyring such as GNOME Keyring or KWallet, ' +
  'then restart Fellows.';

/**
 * The vault's status as the renderer shows it. `protectedAtRest` is false whenever a person
 * who can read the files could also read the keys, and `explanation` says so in words.
 */
export function describeBackend(available: boolean, backend: StorageBackend): VaultStatus {
  if (!available) {
    return { available, backend, protectedAtRest: false, explanation: unavailableExplanation };
  }
  return {
    available,
    backend,
    protectedAtRest: !unprotectedBackends.has(backend),
    explanation: explanations[backend],
  };
}
