/**
 * The slice of WebCrypto the core uses, typed narrowly so `shared/` needs no DOM types.
 * Hosts pass `globalThis.crypto` (browsers, workers, Node ≥ 20), which satisfies it.
 */
export type CryptoKeyLike = { readonly type: string; readonly extractable: boolean };

type Algorithm = string | { name: string; [param: string]: unknown };

/** Bytes backed by a plain ArrayBuffer, which is what WebCrypto accepts (not shared memory). */
export type OwnedBytes = Uint8Array<ArrayBuffer>;

export type SubtleLike = {
  importKey(
    format: 'raw' | 'pkcs8',
    keyData: OwnedBytes,
    algorithm: Algorithm,
    extractable: boolean,
    keyUsages: KeyUsageLike[],
  ): Promise<CryptoKeyLike>;
  sign(algorithm: Algorithm, key: CryptoKeyLike, data: OwnedBytes): Promise<ArrayBuffer>;
  verify(
    algorithm: Algorithm,
    key: CryptoKeyLike,
    signature: OwnedBytes,
    data: OwnedBytes,
  ): Promise<boolean>;
  encrypt(algorithm: Algorithm, key: CryptoKeyLike, data: OwnedBytes): Promise<ArrayBuffer>;
  decrypt(algorithm: Algorithm, key: CryptoKeyLike, data: OwnedBytes): Promise<ArrayBuffer>;
};

type KeyUsageLike = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey';

/** A view WebCrypto will take: the same bytes, copied only if they sit in shared memory. */
export function owned(bytes: Uint8Array): OwnedBytes {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as OwnedBytes) : new Uint8Array(bytes);
}

export type WebCryptoLike = {
  readonly subtle: SubtleLike;
  getRandomValues<T extends OwnedBytes>(array: T): T;
};
