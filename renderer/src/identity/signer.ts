import type { Signer } from '../../../shared/crypto/ed25519.ts';

/** A signer over a (non-extractable) Ed25519 CryptoKey: the key itself never leaves WebCrypto. */
export function cryptoKeySigner(publicKey: Uint8Array, key: CryptoKey): Signer {
  return {
    publicKey,
    sign: async (message) =>
      new Uint8Array(await crypto.subtle.sign('Ed25519', key, message as BufferSource)),
  };
}
