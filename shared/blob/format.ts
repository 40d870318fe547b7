import { concatBytes } from '../crypto/bytes.ts';
import { hash, labelledHash } from '../crypto/hash.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from '../crypto/ed25519.ts';
import { writer } from '../codec/wire.ts';

// The blob wire format, version 1 (DESIGN §5). One local change is one blob:
//
//   header    version u8 · kind u8 · groupId 32 · epoch uint · person 32 · device 32 ·
//             seq uint · prev 32 · time (wall uint, counter uint) ·
//             deps count uint, then (device-index delta uint, seq uint)… · depsHash 32 if count > 0
//   nonce     24 bytes
//   sealed    uint length, then nacl.secretbox(payload, nonce, contentKey)
//   signature 64 bytes: the device's Ed25519 signature over SIGNATURE_LABEL ‖ every byte before it
//
// `uint` is an unsigned LEB128 varint (lib0), always in its shortest form.

/** The only version this code writes and reads. */
export const BLOB_VERSION = 1;

/** A blob must fit in one ≤ 64 KiB data-channel frame, framing included (DESIGN §6). */
export const MAX_BLOB_BYTES = 60 * 1024;
/** Causal deps one blob may name; more would be a sign of a broken or hostile writer. */
export const MAX_DEPS = 256;
/**
 * Highest device number a dep may name: a uint32, so it can be an index in the group's
 * device list or the device's stable Yjs clientID (what shared/group uses).
 */
export const MAX_DEP_DEVICE_INDEX = 0xffff_ffff;

export const ID_BYTES = 32;
export const GROUP_ID_BYTES = 32;
export const NONCE_BYTES = 24;
export const CONTENT_KEY_BYTES = 32;
/** secretbox adds a 16-byte Poly1305 tag to the payload. */
export const MAC_BYTES = 16;

// Largest encoded sizes, to bound the payload so that *any* valid header still fits.
const MAX_UINT_BYTES = 8; // a safe integer (< 2^53) takes at most 8 varint bytes
const MAX_HEADER_BYTES =
  2 + // version, kind
  GROUP_ID_BYTES +
  MAX_UINT_BYTES + // epoch
  2 * PUBLIC_KEY_BYTES + // person, device
  MAX_UINT_BYTES + // seq
  ID_BYTES + // prev
  2 * MAX_UINT_BYTES + // time
  2 + // deps count ≤ 256
  MAX_DEPS * (5 + MAX_UINT_BYTES) + // device delta < 2^32, seq
  ID_BYTES; // depsHash
const MAX_SEALED_LENGTH_BYTES = 3; // a length below 2^21

/**
 * The largest payload `sealBlob` accepts: with the largest possible header the blob is
 * still at most `MAX_BLOB_BYTES`. Callers split bigger Yjs updates before sealing.
 */
export const MAX_PAYLOAD_BYTES =
  MAX_BLOB_BYTES -
  MAX_HEADER_BYTES -
  NONCE_BYTES -
  MAX_SEALED_LENGTH_BYTES -
  MAC_BYTES -
  SIGNATURE_BYTES;

/** What the payload is: a Yjs update of the content doc, or a membership operation. */
export type BlobKind = 'content' | 'membership';
export const BLOB_KINDS: readonly BlobKind[] = ['content', 'membership']; // wire code = index

/** A causal dependency: the blob at `seq` of the device at `device` in the group's list. */
export type BlobDep = { readonly device: number; readonly seq: number };

/** Hybrid logical clock reading: wall-clock milliseconds, then a counter for ties. */
export type HybridTime = { readonly wall: number; readonly counter: number };

/** Everything a blob says about itself in the clear. */
export type BlobHeader = {
  kind: BlobKind;
  groupId: Uint8Array;
  epoch: number;
  /** The person's Ed25519 key. */
  person: Uint8Array;
  /** The device's Ed25519 key; it signs the blob. */
  device: Uint8Array;
  /** Position in the device's chain, from 1. */
  seq: number;
  /** Id of this device's previous blob; 32 zero bytes when `seq` is 1. */
  prev: Uint8Array;
  time: HybridTime;
  /** Sorted by device index, at most one entry per device. */
  deps: readonly BlobDep[];
  /** `depsHash(ids of the dep blobs)`, present exactly when there are deps. */
  depsHash?: Uint8Array | undefined;
};

/** A header as read from the wire, with the blob's id. */
export type BlobHeaderInfo = BlobHeader & { version: typeof BLOB_VERSION; id: Uint8Array };

/** Why a blob was refused. The first five need no keys; the rest need the group's. */
export type BlobRejectReason =
  | 'not-bytes'
  | 'oversized'
  | 'truncated'
  | 'malformed'
  | 'unsupported-version'
  | 'wrong-group'
  | 'unknown-epoch'
  | 'bad-signature'
  | 'bad-mac';

/** The reasons a header alone can give. */
export type HeaderRejectReason = Extract<
  BlobRejectReason,
  'not-bytes' | 'oversized' | 'truncated' | 'malformed' | 'unsupported-version'
>;

/** A blob's id: SHA-256 of its whole encoding, signature included. */
export function blobId(bytes: Uint8Array): Uint8Array {
  return hash(bytes);
}

/** The `depsHash` of a header: commits to the exact dep blobs, in entry order. */
export function depsHash(ids: readonly Uint8Array[]): Uint8Array {
  return labelledHash('fellows/v1/deps', ...ids);
}

/** Id a first blob names as its previous one. */
export function noPrevious(): Uint8Array {
  return new Uint8Array(ID_BYTES);
}

/**
 * Why a header could not be written or should not have been, or undefined when it is fine.
 * Sealing and opening share it, so what one side refuses the other never produces.
 */
export function headerProblem(h: BlobHeader): string | undefined {
  if (!BLOB_KINDS.includes(h.kind)) return `unknown kind ${h.kind}`;
  if (!is32(h.groupId)) return 'groupId is not 32 bytes';
  if (!is32(h.person)) return 'person is not 32 bytes';
  if (!is32(h.device)) return 'device is not 32 bytes';
  if (!is32(h.prev)) return 'prev is not 32 bytes';
  if (!isCount(h.epoch)) return `epoch ${h.epoch} is not a safe whole number`;
  if (!isCount(h.seq) || h.seq < 1) return `seq ${h.seq} is not a whole number ≥ 1`;
  // A first blob has nothing before it; any later one must commit to its predecessor.
  const first = isZero(h.prev);
  if (h.seq === 1 && !first) return 'seq 1 names a previous blob';
  if (h.seq > 1 && first) return `seq ${h.seq} names no previous blob`;
  if (!isCount(h.time.wall) || !isCount(h.time.counter)) return 'time is not two whole numbers';
  return depsProblem(h.deps, h.depsHash);
}

function depsProblem(deps: readonly BlobDep[], hashOfDeps: unknown): string | undefined {
  if (deps.length > MAX_DEPS) return `${deps.length} deps, more than ${MAX_DEPS}`;
  let last = -1;
  for (const dep of deps) {
    if (!isCount(dep.device) || dep.device > MAX_DEP_DEVICE_INDEX) {
      return `dep device index ${dep.device} out of range`;
    }
    // Strictly ascending keeps the encoding unique: one list, one byte string, one id.
    if (dep.device <= last) return `deps not sorted by device index at ${dep.device}`;
    if (!isCount(dep.seq) || dep.seq < 1) return `dep seq ${dep.seq} is not a whole number ≥ 1`;
    last = dep.device;
  }
  if (deps.length === 0) return hashOfDeps === undefined ? undefined : 'depsHash without deps';
  return is32(hashOfDeps) ? undefined : 'deps without a 32-byte depsHash';
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function is32(value: unknown): boolean {
  return value instanceof Uint8Array && value.length === 32;
}

function isZero(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0) return false;
  return true;
}

/** The header's bytes. The header must have passed `headerProblem`. */
export function encodeHeader(h: BlobHeader): Uint8Array {
  const w = writer()
    .u8(BLOB_VERSION)
    .u8(BLOB_KINDS.indexOf(h.kind))
    .fixed(h.groupId)
    .uint(h.epoch)
    .fixed(h.person)
    .fixed(h.device)
    .uint(h.seq)
    .fixed(h.prev)
    .uint(h.time.wall)
    .uint(h.time.counter)
    .uint(h.deps.length);
  let last = 0;
  for (const dep of h.deps) {
    w.uint(dep.device - last).uint(dep.seq);
    last = dep.device;
  }
  if (h.depsHash) w.fixed(h.depsHash);
  return w.finish();
}

/** Everything the signature covers: header, nonce and the sealed payload. */
export function encodeBody(header: BlobHeader, nonce: Uint8Array, sealed: Uint8Array): Uint8Array {
  return writer().fixed(encodeHeader(header)).fixed(nonce).bytes(sealed).finish();
}

// The signed message starts with a label so a blob signature can never be replayed as the
// device's signature on anything else it signs (heads, have-vectors), and vice versa.
const SIGNATURE_LABEL = writer().string('fellows/v1/blob').finish();

/** What the device actually signs: a fixed label, then the blob's bytes before the signature. */
export function signedMessage(body: Uint8Array): Uint8Array {
  return concatBytes(SIGNATURE_LABEL, body);
}
