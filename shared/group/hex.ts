// Hex on the engine's hot paths (`hexOf` itself lives with the other byte helpers).
import { hexOf } from '../crypto/bytes.ts';

/** Value of a lower-case hex digit's char code, or -1. */
function digit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The bytes of a lower-case hex string of exactly `length` bytes; throws on anything else. */
export function bytesOfHex(hex: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let bad = hex.length !== length * 2;
  for (let i = 0; i < length && !bad; i++) {
    const high = digit(hex.charCodeAt(i * 2));
    const low = digit(hex.charCodeAt(i * 2 + 1));
    bad = high < 0 || low < 0;
    out[i] = (high << 4) | low;
  }
  if (bad) throw new TypeError(`not ${length} bytes of lower-case hex: ${hex.slice(0, 16)}`);
  return out;
}

const keys = new WeakMap<Uint8Array, string>();

/**
 * Hex of a key, remembered per array: blobs of a verified range share their device and person
 * arrays, so a 1,000-blob range converts each once.
 */
export function keyHex(bytes: Uint8Array): string {
  let hex = keys.get(bytes);
  if (hex === undefined) {
    hex = hexOf(bytes);
    keys.set(bytes, hex);
  }
  return hex;
}
