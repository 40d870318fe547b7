import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { webCryptoEd25519 } from '../../../shared/crypto/ed25519.ts';
import {
  boxKeyPairFromSecret,
  verifyDeviceCertificate,
  verifySignedName,
} from '../../../shared/identity/keys.ts';
import { browserVault } from '../platform/browser-vault.ts';
import {
  createIdentity,
  deviceLabel,
  IdentityError,
  loadIdentity,
  STORAGE_KEY_NAME,
} from './identity.ts';
import { indexedDbProfileStore } from './profile-store.ts';

let n = 0;
function freshDeps() {
  n += 1;
  return { vault: browserVault(`vault-${n}`), store: indexedDbProfileStore(`profile-${n}`) };
}

describe('device identity', () => {
  it('is absent on a first run', async () => {
    expect(await loadIdentity(freshDeps())).toBeNull();
  });

  it('survives a restart with the same name and key, and the key signs', async () => {
    const deps = freshDeps();
    const created = await createIdentity('  Ada  Lovelace ', deps);
    expect(created.displayName).toBe('Ada Lovelace');

    const loaded = await loadIdentity(deps);
    expect(loaded?.displayName).toBe('Ada Lovelace');
    expect(loaded?.devicePublicKey).toEqual(created.devicePublicKey);
    // The box key comes back as certified, and is the one its secret makes.
    expect(loaded?.box.publicKey).toEqual(created.box.publicKey);
    expect(loaded?.box.publicKey).toEqual(boxKeyPairFromSecret(loaded!.box.secretKey).publicKey);

    const message = new TextEncoder().encode('hello');
    const signature = await crypto.subtle.sign('Ed25519', loaded!.signingKey, message);
    const publicKey = await crypto.subtle.importKey(
      'raw',
      loaded!.devicePublicKey as BufferSource,
      'Ed25519',
      false,
      ['verify'],
    );
    expect(await crypto.subtle.verify('Ed25519', publicKey, signature, message)).toBe(true);
  });

  it('keeps the signing key non-extractable once unlocked', async () => {
    const deps = freshDeps();
    const identity = await createIdentity('Grace', deps);
    expect(identity.signingKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', identity.signingKey)).rejects.toThrow();
  });

  it('stores every private key only wrapped: the record holds no usable key without the vault', async () => {
    const deps = freshDeps();
    await createIdentity('Grace', deps);
    const record = await deps.store.load();
    if (record?.version !== 2) throw new Error('expected a version 2 profile');
    for (const key of [record.personKey, record.deviceKey]) {
      await expect(
        crypto.subtle.importKey('pkcs8', key.wrapped as BufferSource, 'Ed25519', false, ['sign']),
      ).rejects.toThrow();
    }
    expect(record.boxSecret.wrapped).toHaveLength(32 + 16);
  });

  it('is a full group identity: the person certifies the device and signs the name', async () => {
    const ed = webCryptoEd25519(globalThis.crypto);
    const identity = await createIdentity('Grace Hopper', freshDeps());
    expect(identity.certificate.person).toEqual(identity.person.publicKey);
    expect(identity.certificate.device).toEqual(identity.device.publicKey);
    expect(identity.certificate.box).toEqual(identity.box.publicKey);
    expect(await verifyDeviceCertificate(ed, identity.certificate)).toBe(true);
    expect(await verifySignedName(ed, identity.name)).toBe(true);
    expect(identity.name.name).toBe('Grace Hopper');
  });

  it('upgrades a foundation profile (device key only) without losing the device', async () => {
    const deps = freshDeps();
    const storageKeyBytes = crypto.getRandomValues(new Uint8Array(32));
    await deps.vault.set(STORAGE_KEY_NAME, storageKeyBytes);
    const storageKey = await crypto.subtle.importKey('raw', storageKeyBytes, 'AES-GCM', false, [
      'wrapKey',
    ]);
    const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, storageKey, {
      name: 'AES-GCM',
      iv,
      additionalData: new TextEncoder().encode('fellows/device-signing-key/v1'),
    });
    const devicePublicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    await deps.store.save({
      version: 1,
      displayName: 'Old Timer',
      devicePublicKey,
      wrappedSigningKey: new Uint8Array(wrapped),
      iv,
      createdAt: 5,
    });
    const identity = await loadIdentity(deps);
    expect(identity?.devicePublicKey).toEqual(devicePublicKey);
    expect(identity?.name.name).toBe('Old Timer');
    expect((await deps.store.load())?.version).toBe(2);
  });

  it('says clearly when the vault lost the storage key', async () => {
    const deps = freshDeps();
    await createIdentity('Grace', deps);
    await deps.vault.delete(STORAGE_KEY_NAME);
    await expect(loadIdentity(deps)).rejects.toMatchObject({
      name: 'IdentityError',
      problem: 'storage-key-missing',
    });
  });

  it('says clearly when the storage key is the wrong one', async () => {
    const deps = freshDeps();
    await createIdentity('Grace', deps);
    await deps.vault.set(STORAGE_KEY_NAME, crypto.getRandomValues(new Uint8Array(32)));
    const error: unknown = await loadIdentity(deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityError);
    expect((error as IdentityError).problem).toBe('unwrap-failed');
  });

  it('refuses a blank name before touching any storage', async () => {
    const deps = freshDeps();
    await expect(createIdentity('   ', deps)).rejects.toMatchObject({ name: 'DisplayNameError' });
    expect(await deps.vault.get(STORAGE_KEY_NAME)).toBeNull();
    expect(await deps.store.load()).toBeNull();
  });

  it('labels a device key in short readable groups', () => {
    expect(deviceLabel(new Uint8Array([0xab, 0xcd, 0x01, 0x23, 0x45, 0x67, 0x89]))).toBe(
      'abcd 0123 4567',
    );
  });
});
