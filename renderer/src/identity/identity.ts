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
  linked: new TextEncoder().encode('fellows/linked-groups/v1'),
};
/** PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): the prefix, then the 32 seed bytes. */
const PKCS8_ED25519 = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

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
  /** Groups handed over when this device was linked, still to be opened (encoded). */
  linkedGroups: Uint8Array | null;
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

/** Unwraps a signing key: non-extractable, except the moment a person key is handed over. */
async function unwrap(
  key: WrappedKey,
  storageKey: CryptoKey,
  label: Uint8Array,
  extractable = false,
): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'pkcs8',
      key.wrapped as BufferSource,
      storageKey,
      { name: 'AES-GCM', iv: key.iv as BufferSource, additionalData: label as BufferSource },
      { name: 'Ed25519' },
      extractable,
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
  // Both at once: each is a database (or keyring) read, and the app waits on them to start.
  const [loaded, storageKeyBytes] = await Promise.all([
    deps.store.load(),
    deps.vault.get(STORAGE_KEY_NAME),
  ]);
  let record: ProfileRecord | null = loaded;
  if (!record) return null;
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
  const certificate = decodeDeviceCertificate(record.certificate);
  return {
    displayName: record.displayName,
    person: cryptoKeySigner(record.personPublicKey, personKey),
    device: cryptoKeySigner(record.devicePublicKey, deviceKey),
    // The certified box key: deriving it from the secret here (an X25519 scalar
    // multiplication, 30–40 ms) was a long task of the unlock. The worker derives the pair it
    // uses from the secret itself.
    box: { publicKey: certificate.box, secretKey: boxSecret },
    certificate,
    name: decodeSignedName(record.signedName),
    storageKey: storageKeyBytes,
    devicePublicKey: record.devicePublicKey,
    signingKey: deviceKey,
    personKey,
    createdAt: record.createdAt,
    linkedGroups: record.linkedGroups
      ? await open(record.linkedGroups, storageKey, LABELS.linked)
      : null,
  };
}

/** A new device's own keys, made before it knows whose it will be (linking). */
export type FreshDevice = { pair: CryptoKeyPair; publicKey: Uint8Array; boxSecret: Uint8Array };

export async function freshDevice(): Promise<FreshDevice> {
  const pair = await newSigningPair();
  return {
    pair,
    publicKey: await rawPublic(pair),
    boxSecret: crypto.getRandomValues(new Uint8Array(32)),
  };
}

/**
 * Saves the identity of a device just linked to a person (DESIGN §2): its own keys, the
 * person key it was handed, the person's certificate of it and their signed name, and the
 * groups it was handed (sealed until the sync engine has opened them).
 */
export async function createLinkedIdentity(
  device: FreshDevice,
  linked: {
    personSeed: Uint8Array;
    certificate: DeviceCertificate;
    name: SignedName;
    groups: Uint8Array;
  },
  deps: Deps,
): Promise<Identity> {
  const storageKeyBytes = crypto.getRandomValues(new Uint8Array(32));
  await deps.vault.set(STORAGE_KEY_NAME, storageKeyBytes);
  const storageKey = await importStorageKey(storageKeyBytes);
  const pkcs8 = new Uint8Array([...PKCS8_ED25519, ...linked.personSeed]);
  const personKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, [
    'sign',
  ]);
  pkcs8.fill(0);
  const record: ProfileRecordV2 = {
    version: 2,
    displayName: linked.name.name,
    personPublicKey: linked.certificate.person,
    personKey: await wrap(personKey, storageKey, LABELS.person),
    devicePublicKey: device.publicKey,
    deviceKey: await wrap(device.pair.privateKey, storageKey, LABELS.device),
    boxSecret: await seal(device.boxSecret, storageKey, LABELS.box),
    certificate: encodeDeviceCertificate(linked.certificate),
    signedName: encodeSignedName(linked.name),
    createdAt: Date.now(),
    linkedGroups: await seal(linked.groups, storageKey, LABELS.linked),
  };
  await deps.store.save(record);
  return unlock(record, storageKey, storageKeyBytes);
}

/** Once the sync engine has opened the handed-over groups, their sealed copy goes. */
export async function dropLinkedGroups(store: ProfileStore): Promise<void> {
  const record = await store.load();
  if (record?.version !== 2 || !record.linkedGroups) return;
  await store.save({ ...record, linkedGroups: undefined });
}

/**
 * The person key's seed, for a device being linked (asked for at the moment the person
 * approves it, never kept): unwrapped once more, extractable, from the stored profile.
 */
export async function exportPersonSeed(deps: Deps): Promise<Uint8Array> {
  const record = await deps.store.load();
  const storageKeyBytes = await deps.vault.get(STORAGE_KEY_NAME);
  if (record?.version !== 2 || !storageKeyBytes) throw new Error('this device has no person key');
  const storageKey = await importStorageKey(storageKeyBytes);
  const key = await unwrap(record.personKey, storageKey, LABELS.person, true);
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key)).slice(-32);
}

/** A short, stable label for a device key, for people to tell devices apart. */
export function deviceLabel(publicKey: Uint8Array): string {
  const hex = Array.from(publicKey.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}
