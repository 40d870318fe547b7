import { concatBytes, utf8 } from '../crypto/bytes.ts';
import { owned, type CryptoKeyLike, type WebCryptoLike } from '../crypto/webcrypto.ts';

const IV_BYTES = 12;

/** Data the device sealed for itself could not be opened: wrong key, wrong label, or damaged. */
export class SealedDataError extends Error {
  override readonly name = 'SealedDataError';
  constructor(readonly label: string) {
    super(`the sealed ${label} could not be opened on this device`);
  }
}

/**
 * Seals device-local data (snapshots, recent windows, epoch secrets) with the device storage
 * key: AES-GCM through WebCrypto, ~1 GB/s where tweetnacl manages ~30 MB/s (DESIGN §2). The
 * label is authenticated, so a sealed snapshot can never be opened as something else.
 */
export type Sealer = {
  seal(plaintext: Uint8Array, label: string): Promise<Uint8Array>;
  open(sealed: Uint8Array, label: string): Promise<Uint8Array>;
};

export async function createSealer(crypto: WebCryptoLike, storageKey: Uint8Array): Promise<Sealer> {
  const key: CryptoKeyLike = await crypto.subtle.importKey(
    'raw',
    owned(storageKey),
    { name: 'AES-GCM' },
    false,
    ['encrypt', 'decrypt'],
  );
  return {
    async seal(plaintext, label) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: owned(utf8(label)) },
        key,
        owned(plaintext),
      );
      return concatBytes(iv, new Uint8Array(ciphertext));
    },
    async open(sealed, label) {
      if (sealed.length < IV_BYTES + 16) throw new SealedDataError(label);
      try {
        const plaintext = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: owned(sealed.slice(0, IV_BYTES)),
            additionalData: owned(utf8(label)),
          },
          key,
          owned(sealed.subarray(IV_BYTES)),
        );
        return new Uint8Array(plaintext);
      } catch {
        throw new SealedDataError(label);
      }
    },
  };
}
