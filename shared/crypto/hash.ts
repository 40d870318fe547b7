import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from './bytes.ts';

/** SHA-256, synchronous and fast in every host (@noble/hashes). */
export function hash(data: Uint8Array): Uint8Array {
  return sha256(data);
}

/**
 * SHA-256 of a labelled message: the label, a zero byte, then the parts each prefixed with
 * its length. Different labels never collide, and neither do different splits of the parts.
 */
export function labelledHash(label: string, ...parts: readonly Uint8Array[]): Uint8Array {
  const framed: Uint8Array[] = [utf8(label), new Uint8Array([0])];
  for (const part of parts) framed.push(lengthPrefix(part.length), part);
  return sha256(concatBytes(...framed));
}

/**
 * Derives a key or name from a secret with HKDF-SHA256. The label says what it is for
 * (`fellows/v1/content-key`, …); the context binds it, e.g., to a group id.
 */
export function derive(
  secret: Uint8Array,
  label: string,
  context: Uint8Array,
  length = 32,
): Uint8Array {
  return hkdf(sha256, secret, context, utf8(label), length);
}

function lengthPrefix(length: number): Uint8Array {
  return new Uint8Array([
    length >>> 24,
    (length >>> 16) & 0xff,
    (length >>> 8) & 0xff,
    length & 0xff,
  ]);
}
