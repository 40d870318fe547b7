/** Concatenates byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Compares two byte arrays in time that depends only on their lengths. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The bytes of a lower-case hex string; throws RangeError on anything else. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) throw new RangeError('not lower-case hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

// A table lookup per byte: building a padded string per byte is ~10× slower, and hex keys
// are made on hot paths (every accepted blob, every verified signature).
const DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of `length` bytes of `bytes` from `offset`. */
export function hexOf(bytes: Uint8Array, offset = 0, length = bytes.length - offset): string {
  let out = '';
  for (let i = offset; i < offset + length; i++) out += DIGITS[bytes[i] ?? 0] ?? '00';
  return out;
}

/** Lower-case hex, for map keys and logs (never for secrets). */
export function toHex(bytes: Uint8Array): string {
  return hexOf(bytes);
}

// Every host has TextEncoder and TextDecoder; shared/ has no DOM types, so type them narrowly.
type TextCodecs = {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (
    label: 'utf-8',
    options: { fatal: boolean },
  ) => {
    decode(bytes: Uint8Array): string;
  };
};
const codecs = globalThis as unknown as TextCodecs;
const utf8Encoder = new codecs.TextEncoder();
const utf8Decoder = new codecs.TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8, throwing on malformed input rather than inserting replacement characters. */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}
