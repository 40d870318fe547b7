import type { Signer } from '../../../shared/crypto/ed25519.ts';
import {
  boxKeyPairFromSecret,
  certifyDevice,
  decodeDeviceCertificate,
  decodeSignedName,
  encodeDeviceCertificate,
  encodeSignedName,
  signName,
  type BoxKeyPair,
  type DeviceCertificate,
  type SignedName,
} from '../../../shared/identity/keys.ts';
import { parseDisplayName } from '../../../shared/profile.ts';
import { cryptoKeySigner } from './signer.ts';
import type { Vault } from '../platform/types.ts';
import type { ProfileRecord, ProfileRecordV2, ProfileStore, WrappedKey } from './profile-store.ts';

/** The vault entry holding this device's storage key, which wraps every key kept on disk. */
export const STORAGE_KEY_NAME = 'device-storage-key';
const LABELS = {
  device: new TextEncoder().encode('fellows/device-signing-key/v1'),
  person: new TextEncoder().encode('fellows/person-signing-key/v1'),
  box: new TextEncoder().encode('fellows/device-box-key/v1'),
};

/**
 * This device's person, unlocked for use: signing keys are non-extractable CryptoKeys; the
 * box key lives only in memory. It is everything the group core needs (RepoIdentity).
 */
export type Identity = {
  displayName: string;
  person: Signer;
  device: Signer;
  box: BoxKeyPair;
  certificate: DeviceCertificate;
  name: SignedName;
  /** Raw bytes of the device storage key: seals the group data kept on disk. */
  storageKey: Uint8Array;
  devicePublicKey: Uint8Array;
  /** The device and person signing keys, non-extractable (they can be posted to a worker). */
  signingKey: CryptoKey;
  personKey: CryptoKey;
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

type Deps = { vault: Vault; store: ProfileStore };

async function importStorageKey(bytes: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, [
    'wrapKey',
    'unwrapKey',
    'encrypt',
    'decrypt',
  ]);
}

async function wrap(key: CryptoKey, storageKey: CryptoKey, label: Uint8Array): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey('pkcs8', key, storageKey, {
    name: 'AES-GCM',
    iv,
    additionalData: label as BufferSource,
  });
  return { wrapped: new Uint8Array(wrapped), iv };
}

async function unwrap(
  key: WrappedKey,
  storageKey: CryptoKey,
  label: Uint8Array,
): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'pkcs8',
      key.wrapped as BufferSource,
      storageKey,
      { name: 'AES-GCM', iv: key.iv as BufferSource, additionalData: label as BufferSource },
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
}

async function seal(
  bytes: Uint8Array,
  storageKey: CryptoKey,
  label: Uint8Array,
): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: label as BufferSource },
    storageKey,
    bytes as BufferSource,
  );
  return { wrapped: new Uint8Array(sealed), iv };
}

async function open(
  key: WrappedKey,
  storageKey: CryptoKey,
  label: Uint8Array,
): Promise<Uint8Array> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: key.iv as BufferSource, additionalData: label as BufferSource },
        storageKey,
        key.wrapped as BufferSource,
      ),
    );
  } catch {
    throw new IdentityError(
      'unwrap-failed',
      'Your profile’s keys could not be unlocked on this device.',
    );
  }
}

async function newSigningPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
}

async function rawPublic(pair: CryptoKeyPair): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
}

/**
 * Completes a profile: a person key that certifies this device, a box key for admissions,
 * and the signed display name. Used on first run, and to upgrade a foundation profile that
 * only had a device key.
 */
async function certify(
  displayName: string,
  device: { publicKey: Uint8Array; key: WrappedKey },
  storageKey: CryptoKey,
  createdAt: number,
): Promise<ProfileRecordV2> {
  const personPair = await newSigningPair();
  const person = cryptoKeySigner(await rawPublic(personPair), personPair.privateKey);
  const boxSecret = crypto.getRandomValues(new Uint8Array(32));
  const box = boxKeyPairFromSecret(boxSecret);
  const now = Date.now();
  const certificate = await certifyDevice(
    person,
    { signing: device.publicKey, box: box.publicKey },
    now,
  );
  const name = await signName(person, displayName, now);
  const record: ProfileRecordV2 = {
    version: 2,
    displayName: name.name,
    personPublicKey: person.publicKey,
    personKey: await wrap(personPair.privateKey, storageKey, LABELS.person),
    devicePublicKey: device.publicKey,
    deviceKey: device.key,
    boxSecret: await seal(boxSecret, storageKey, LABELS.box),
    certificate: encodeDeviceCertificate(certificate),
    signedName: encodeSignedName(name),
    createdAt,
  };
  boxSecret.fill(0);
  return record;
}

/**
 * Creates this device's identity on first run: a fresh storage key kept in the platform
 * vault, and person, device and box keys whose private halves are stored only wrapped by it
 * (DESIGN §2); in memory the signing keys are non-extractable.
 */
export async function createIdentity(displayNameInput: string, deps: Deps): Promise<Identity> {
  const displayName = parseDisplayName(displayNameInput);
  const storageKeyBytes = crypto.getRandomValues(new Uint8Array(32));
  await deps.vault.set(STORAGE_KEY_NAME, storageKeyBytes);
  const storageKey = await importStorageKey(storageKeyBytes);
  const devicePair = await newSigningPair();
  const device = {
    publicKey: await rawPublic(devicePair),
    key: await wrap(devicePair.privateKey, storageKey, LABELS.device),
  };
  const record = await certify(displayName, device, storageKey, Date.now());
  await deps.store.save(record);
  return unlock(record, storageKey, storageKeyBytes);
}

/** Loads and unlocks the saved identity (upgrading an older profile), or null on a first run. */
export async function loadIdentity(deps: Deps): Promise<Identity | null> {
  let record: ProfileRecord | null = await deps.store.load();
  if (!record) return null;
  const storageKeyBytes = await deps.vault.get(STORAGE_KEY_NAME);
  if (!storageKeyBytes) {
    throw new IdentityError(
      'storage-key-missing',
      'Your profile is here but the key that unlocks it is gone from this device’s keyring.',
    );
  }
  const storageKey = await importStorageKey(storageKeyBytes);
  if (record.version === 1) {
    const deviceKey = { wrapped: record.wrappedSigningKey, iv: record.iv };
    await unwrap(deviceKey, storageKey, LABELS.device); // proves the key still opens
    record = await certify(
      record.displayName,
      { publicKey: record.devicePublicKey, key: deviceKey },
      storageKey,
      record.createdAt,
    );
    await deps.store.save(record);
  }
  return unlock(record, storageKey, storageKeyBytes);
}

async function unlock(
  record: ProfileRecordV2,
  storageKey: CryptoKey,
  storageKeyBytes: Uint8Array,
): Promise<Identity> {
  const [personKey, deviceKey, boxSecret] = await Promise.all([
    unwrap(record.personKey, storageKey, LABELS.person),
    unwrap(record.deviceKey, storageKey, LABELS.device),
    open(record.boxSecret, storageKey, LABELS.box),
  ]);
  return {
    displayName: record.displayName,
    person: cryptoKeySigner(record.personPublicKey, personKey),
    device: cryptoKeySigner(record.devicePublicKey, deviceKey),
    box: boxKeyPairFromSecret(boxSecret),
    certificate: decodeDeviceCertificate(record.certificate),
    name: decodeSignedName(record.signedName),
    storageKey: storageKeyBytes,
    devicePublicKey: record.devicePublicKey,
    signingKey: deviceKey,
    personKey,
    createdAt: record.createdAt,
  };
}

/** A short, stable label for a device key, for people to tell devices apart. */
export function deviceLabel(publicKey: Uint8Array): string {
  const hex = Array.from(publicKey.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}
