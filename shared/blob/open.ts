import nacl from 'tweetnacl';
import { equalBytes } from '../crypto/bytes.ts';
import { type Ed25519 } from '../crypto/ed25519.ts';
import {
  CONTENT_KEY_BYTES,
  blobId,
  signedMessage,
  type BlobHeaderInfo,
  type BlobKind,
  type BlobRejectReason,
  type HeaderRejectReason,
} from './format.ts';
import { checkBytes, parseBlob, type Rejection } from './parse.ts';

/** What opening a blob needs from the group: the verifier, the group's id and its keys. */
export type OpenContext = {
  ed: Ed25519;
  groupId: Uint8Array;
  /**
   * The key blobs of this kind are sealed with in an epoch this device holds, or undefined.
   * Content and membership blobs have keys of their own (epoch.ts).
   */
  contentKey(epoch: number, kind: BlobKind): Uint8Array | undefined;
};

/** A blob that passed every check: its header, id and decrypted payload (not yet decoded). */
export type OpenedBlob = BlobHeaderInfo & { payload: Uint8Array };

export type OpenResult = { ok: true; blob: OpenedBlob } | Rejection<BlobRejectReason>;

export type HeaderResult = { ok: true; header: BlobHeaderInfo } | Rejection<HeaderRejectReason>;

/**
 * Reads a blob's header without any key or crypto, for routing and storage indexes
 * (group, device, seq, id). Says nothing about authenticity: only `openBlob` does.
 * Never throws.
 */
export function openHeader(input: unknown): HeaderResult {
  const parsed = parseBlob(input);
  if (!parsed.ok) return parsed;
  return { ok: true, header: { ...parsed.parsed.header, id: blobId(input as Uint8Array) } };
}

/**
 * Checks and decrypts one blob, in this order, stopping at the first failure (DESIGN §5):
 * 1. size, before reading a byte;
 * 2. structure of the bounded header and framing (no payload decoding);
 * 3. the signature over every byte before it, by the device key the header names;
 * 4. group, then epoch (do we hold its key?);
 * 5. the secretbox MAC, which yields the payload.
 * The payload is returned as bytes: decoding it (Yjs update or membership operation) is the
 * caller's job, now that it is known to come from that device. Never throws for any input.
 */
export async function openBlob(input: unknown, context: OpenContext): Promise<OpenResult> {
  const refused = checkBytes(input);
  if (refused) return refused;
  // Our own copy: the caller's buffer could change while we await the signature check, and
  // what we verify must be what we decrypt.
  const bytes = (input as Uint8Array).slice();
  const parsed = parseBlob(bytes);
  if (!parsed.ok) return parsed;
  const { header, signature, body } = parsed.parsed;
  let valid: boolean;
  try {
    valid = await context.ed.verify(header.device, signedMessage(body), signature);
  } catch (error) {
    return { ok: false, reason: 'bad-signature', detail: `verifier failed: ${String(error)}` };
  }
  if (!valid) {
    return { ok: false, reason: 'bad-signature', detail: 'not signed by the device it names' };
  }
  const { nonce, sealed } = parsed.parsed;
  return unsealVerified({ header: { ...header, id: blobId(bytes) }, nonce, sealed }, context);
}

/** A blob known to be authentic, not yet decrypted. */
export type VerifiedBlob = { header: BlobHeaderInfo; nonce: Uint8Array; sealed: Uint8Array };

/**
 * Steps 4 and 5 of `openBlob`, for a blob whose bytes are already known to be signed by its
 * device — by its own signature, or through a hash chain to a signed blob (`openRange`).
 */
export function unsealVerified(blob: VerifiedBlob, context: OpenContext): OpenResult {
  const { header, nonce, sealed } = blob;
  if (!equalBytes(header.groupId, context.groupId)) {
    return { ok: false, reason: 'wrong-group', detail: 'blob belongs to another group' };
  }
  const key = context.contentKey(header.epoch, header.kind);
  if (key === undefined) {
    return {
      ok: false,
      reason: 'unknown-epoch',
      detail: `no ${header.kind} key for epoch ${header.epoch}`,
    };
  }
  // The context is our own code: a malformed key is a bug to surface, not a peer's doing.
  if (key.length !== CONTENT_KEY_BYTES) {
    throw new TypeError(`contentKey(${header.epoch}) gave ${key.length} bytes, not 32`);
  }
  const payload = nacl.secretbox.open(sealed, nonce, key);
  if (!payload) {
    return {
      ok: false,
      reason: 'bad-mac',
      detail: `does not decrypt with epoch ${header.epoch}'s key`,
    };
  }
  return { ok: true, blob: { ...header, payload } };
}
