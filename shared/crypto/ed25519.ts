import nacl from 'tweetnacl';
import { concatBytes, hexOf } from './bytes.ts';
import { owned, type CryptoKeyLike, type WebCryptoLike } from './webcrypto.ts';

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const SEED_BYTES = 32;

/** Signs with one private key that never leaves this object (it may be non-extractable). */
export type Signer = {
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Promise<Uint8Array>;
};

/** Ed25519 for a host: make signers from seeds, and verify anyone's signatures. */
export type Ed25519 = {
  readonly name: 'webcrypto' | 'tweetnacl';
  signerFromSeed(seed: Uint8Array): Promise<Signer>;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
};

/** The reference implementation: slow (~150 signs/s here) but available everywhere. */
export function tweetnaclEd25519(): Ed25519 {
  return {
    name: 'tweetnacl',
    signerFromSeed(seed) {
      const pair = nacl.sign.keyPair.fromSeed(seed);
      return Promise.resolve({
        publicKey: pair.publicKey,
        sign: (message) => Promise.resolve(nacl.sign.detached(message, pair.secretKey)),
      });
    },
    verify(publicKey, message, signature) {
      if (publicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) {
        return Promise.resolve(false);
      }
      return Promise.resolve(nacl.sign.detached.verify(message, signature, publicKey));
    },
  };
}

/** The algorithm by name: WebCrypto normalizes a string faster than an object (measured). */
const ED25519 = 'Ed25519';

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): WebCrypto imports private keys only so.
const PKCS8_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

/**
 * Ed25519 through WebCrypto: the same keys and signatures as tweetnacl, 60–90× faster
 * (MACHINE-NOTES). Private keys are imported non-extractable. Imported public keys are
 * cached, since a group verifies the same few devices over and over.
 */
export function webCryptoEd25519(crypto: WebCryptoLike, cacheSize = 1024): Ed25519 {
  // Imported keys, and those already resolved: a cached key costs no extra await (this is on
  // every received message's path, docs/benchmarks.md, sync).
  const publicKeys = new Map<string, Promise<CryptoKeyLike>>();
  const ready = new Map<string, CryptoKeyLike>();
  const importPublic = (id: string, publicKey: Uint8Array) => {
    let key = publicKeys.get(id);
    if (!key) {
      if (publicKeys.size >= cacheSize) {
        publicKeys.clear();
        ready.clear();
      }
      key = crypto.subtle.importKey('raw', owned(publicKey), ED25519, false, ['verify']);
      publicKeys.set(id, key);
      void key.then(
        (imported) => ready.set(id, imported),
        () => undefined,
      );
    }
    return key;
  };
  return {
    name: 'webcrypto',
    async signerFromSeed(seed) {
      const privateKey = await crypto.subtle.importKey(
        'pkcs8',
        owned(concatBytes(PKCS8_PREFIX, seed)),
        ED25519,
        false,
        ['sign'],
      );
      // WebCrypto cannot derive the public half of an imported private key; tweetnacl can.
      const publicKey = nacl.sign.keyPair.fromSeed(seed).publicKey;
      return {
        publicKey,
        sign: async (message) =>
          new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, owned(message))),
      };
    },
    async verify(publicKey, message, signature) {
      if (publicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES)
        return false;
      const id = hexOf(publicKey);
      try {
        const key = ready.get(id) ?? (await importPublic(id, publicKey));
        return await crypto.subtle.verify(ED25519, key, owned(signature), owned(message));
      } catch {
        // A public key that is not a valid curve point cannot have signed anything.
        publicKeys.delete(id);
        ready.delete(id);
        return false;
      }
    },
  };
}

/** WebCrypto's Ed25519 where the host has it (Chromium ≥ 137, Node 20), else tweetnacl. */
export async function bestEd25519(crypto: WebCryptoLike | undefined): Promise<Ed25519> {
  if (!crypto) return tweetnaclEd25519();
  try {
    const probe = webCryptoEd25519(crypto);
    const signer = await probe.signerFromSeed(new Uint8Array(SEED_BYTES));
    const message = new Uint8Array([1]);
    if (await probe.verify(signer.publicKey, message, await signer.sign(message))) return probe;
  } catch {
    // Fall through to the reference implementation.
  }
  return tweetnaclEd25519();
}
