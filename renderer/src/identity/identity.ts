import { parseDisplayName } from '../../../shared/profile.ts';
import type { Vault } from '../platform/types.ts';
import type { ProfileRecord, ProfileStore } from './profile-store.ts';

/** The vault entry holding this device's storage key, which wraps every key kept on disk. */
export const STORAGE_KEY_NAME = 'device-storage-key';
const WRAP_LABEL = new TextEncoder().encode('fellows/device-signing-key/v1');

/** This device's person, unlocked for use: the signing key cannot be exported. */
export type Identity = {
  displayName: string;
  devicePublicKey: Uint8Array;
  signingKey: CryptoKey;
  createdAt: number;
};

export type IdentityProblem = 'storage-key-missing' | 'unwrap-failed';

/** The saved identity exists but cannot be unlocked on this device. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  constructor(
    readonly problem: IdentityProblem,
    message: string,
  ) {
    super(message);
  }
}

async function importStorageKey(bytes: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

/**
 * Creates this device's identity on first run: a fresh storage key kept in the platform
 * vault, and an ed25519 device key whose private half is stored only wrapped by that storage
 * key (DESIGN §2: keys at rest are wrapped by a key the OS keyring protects). The person key
 * and group membership build on this in the core.
 */
export async function createIdentity(
  displayNameInput: string,
  deps: { vault: Vault; store: ProfileStore },
): Promise<Identity> {
  const displayName = parseDisplayName(displayNameInput);
  const storageKeyBytes = crypto.getRandomValues(new Uint8Array(32));
  await deps.vault.set(STORAGE_KEY_NAME, storageKeyBytes);
  const storageKey = await importStorageKey(storageKeyBytes);
  storageKeyBytes.fill(0);

  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, storageKey, {
    name: 'AES-GCM',
    iv,
    additionalData: WRAP_LABEL,
  });
  const record: ProfileRecord = {
    version: 1,
    displayName,
    devicePublicKey: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)),
    wrappedSigningKey: new Uint8Array(wrapped),
    iv,
    createdAt: Date.now(),
  };
  await deps.store.save(record);
  return unlock(record, storageKey);
}

/** Loads and unlocks the saved identity, or returns null on a first run. */
export async function loadIdentity(deps: {
  vault: Vault;
  store: ProfileStore;
}): Promise<Identity | null> {
  const record = await deps.store.load();
  if (!record) return null;
  const storageKeyBytes = await deps.vault.get(STORAGE_KEY_NAME);
  if (!storageKeyBytes) {
    throw new IdentityError(
      'storage-key-missing',
      'Your profile is here but the key that unlocks it is gone from this device’s keyring.',
    );
  }
  return unlock(record, await importStorageKey(storageKeyBytes));
}

async function unlock(record: ProfileRecord, storageKey: CryptoKey): Promise<Identity> {
  let signingKey: CryptoKey;
  try {
    signingKey = await crypto.subtle.unwrapKey(
      'pkcs8',
      record.wrappedSigningKey as BufferSource,
      storageKey,
      { name: 'AES-GCM', iv: record.iv as BufferSource, additionalData: WRAP_LABEL },
      { name: 'Ed25519' },
      false,
      ['sign'],
    );
  } catch {
    throw new IdentityError(
      'unwrap-failed',
      'Your profile could not be unlocked with the key in this device’s keyring.',
    );
  }
  return {
    displayName: record.displayName,
    devicePublicKey: record.devicePublicKey,
    signingKey,
    createdAt: record.createdAt,
  };
}

/** A short, stable label for a device key, for people to tell devices apart. */
export function deviceLabel(publicKey: Uint8Array): string {
  const hex = Array.from(publicKey.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}
