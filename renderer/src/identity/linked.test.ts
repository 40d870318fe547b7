import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { webCryptoEd25519 } from '../../../shared/crypto/ed25519.ts';
import { boxKeyPairFromSecret, certifyDevice } from '../../../shared/identity/keys.ts';
import { browserVault } from '../platform/browser-vault.ts';
import {
  createIdentity,
  createLinkedIdentity,
  dropLinkedGroups,
  exportPersonSeed,
  freshDevice,
  loadIdentity,
} from './identity.ts';
import { indexedDbProfileStore } from './profile-store.ts';

let n = 0;
function freshDeps() {
  n += 1;
  return { vault: browserVault(`linked-vault-${n}`), store: indexedDbProfileStore(`linked-${n}`) };
}

const contains = (haystack: Uint8Array, needle: Uint8Array) =>
  Buffer.from(haystack).includes(Buffer.from(needle));

describe('a linked device’s identity', () => {
  it('is the same person as the first device, with its own keys, and keeps handed groups sealed until opened', async () => {
    const ed = webCryptoEd25519(crypto);
    const first = freshDeps();
    const ada = await createIdentity('Ada', first);
    const seed = await exportPersonSeed(first);
    expect((await ed.signerFromSeed(seed)).publicKey).toEqual(ada.person.publicKey);

    // The new laptop made its own keys; the first device certified them.
    const device = await freshDevice();
    const box = boxKeyPairFromSecret(device.boxSecret);
    const person = await ed.signerFromSeed(seed);
    const certificate = await certifyDevice(
      person,
      { signing: device.publicKey, box: box.publicKey },
      5,
    );
    const groups = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const second = freshDeps();
    const linked = await createLinkedIdentity(
      device,
      { personSeed: seed, certificate, name: ada.name, groups },
      second,
    );
    expect(linked.person.publicKey).toEqual(ada.person.publicKey);
    expect(linked.devicePublicKey).not.toEqual(ada.devicePublicKey);
    expect(linked.displayName).toBe('Ada');
    expect(linked.linkedGroups).toEqual(groups);
    expect(linked.personKey.extractable).toBe(false);
    // Signatures by either device's person key verify as the same person.
    const message = new Uint8Array([42]);
    expect(await ed.verify(ada.person.publicKey, message, await linked.person.sign(message))).toBe(
      true,
    );

    // On disk: neither the person seed nor the handed groups in the clear.
    const record = await second.store.load();
    if (record?.version !== 2) throw new Error('expected a version 2 profile');
    expect(contains(record.personKey.wrapped, seed)).toBe(false);
    expect(contains(record.linkedGroups!.wrapped, groups)).toBe(false);

    // After a restart the groups are still there; once opened, they go.
    expect((await loadIdentity(second))?.linkedGroups).toEqual(groups);
    await dropLinkedGroups(second.store);
    expect((await loadIdentity(second))?.linkedGroups).toBeNull();
  });
});
