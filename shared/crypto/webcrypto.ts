/**
 * The slice of WebCrypto the core uses, typed narrowly so `shared/` needs no DOM types.
 * Hosts pass `globalThis.crypto` (browsers, workers, Node ≥ 20), which satisfies it.
 */
export type CryptoKeyLike = { readonly type: string; readonly extractable: boolean };

type Algorithm = string | { name: string; [param: string]: unknown };

export type SubtleLike = {
  importKey(
    format: 'raw' | 'pkcs8',
    keyData: Uint8Array,
    algorithm: Algorithm,
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CryptoKeyLike>;
  sign(algorithm: Algorithm, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: Algorithm,
    key: CryptoKeyLike,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
  encrypt(algorithm: Algorithm, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: Algorithm, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
};

export type WebCryptoLike = {
  readonly subtle: SubtleLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
};
