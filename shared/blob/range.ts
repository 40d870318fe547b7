import { equalBytes } from '../crypto/bytes.ts';
import { type Ed25519 } from '../crypto/ed25519.ts';
import {
  MAX_BLOB_BYTES,
  blobId,
  signedMessage,
  type BlobHeader,
  type BlobHeaderInfo,
  type BlobRejectReason,
  type HeaderRejectReason,
} from './format.ts';
import { unsealVerified, type OpenContext, type OpenedBlob, type VerifiedBlob } from './open.ts';
import { checkBytes, isBytes, parseBlob } from './parse.ts';

// Catch-up (DESIGN §5): a range reply is one device's consecutive blobs and ends at a
// signed blob. Checking that one signature and then hashing backwards authenticates all of
// them: the last signature covers the last header, whose `prev` is the SHA-256 of the blob
// before it, whose header holds the hash of the one before that, and so on. Changing any
// byte of any earlier blob changes its id and breaks the link above it, unless SHA-256
// collides. So every byte of the range is committed to by the device's one signature, and
// the per-blob signatures add nothing but cost (~0.5 ms each here).

/** Why a range was refused: a blob's own problem, or how it fails to fit the chain. */
export type RangeRejectReason =
  | HeaderRejectReason
  | 'empty'
  | 'bad-signature'
  /** Another device, person or group than the blob after it. */
  | 'foreign-blob'
  /** Its seq is not one less than the next blob's. */
  | 'seq-gap'
  /** Its id is not the `prev` the next blob names. */
  | 'broken-link';

/**
 * On failure, `index` is the blob at fault. Checking runs from the end, so the blobs after
 * `index` are authentic (they chain to the signed last one); those before it were not checked.
 */
export type RangeFailure<R extends string> = {
  ok: false;
  index: number;
  reason: R;
  detail: string;
};

export type RangeResult = { ok: true; headers: BlobHeaderInfo[] } | RangeFailure<RangeRejectReason>;

export type RangeOpenResult =
  | { ok: true; blobs: OpenedBlob[] }
  | (RangeFailure<RangeRejectReason | BlobRejectReason> & {
      /** Blobs before `index`, authentic and decrypted, when the range itself verified. */
      opened: OpenedBlob[];
    });

/**
 * Verifies a range of one device's blobs, consecutive seqs in ascending order, with one
 * signature check (the last blob's) and a hash walk backwards. Never throws.
 */
export async function verifyRange(blobs: readonly Uint8Array[], ed: Ed25519): Promise<RangeResult> {
  const checked = await linkRange(blobs, ed);
  if (!checked.ok) return checked;
  return { ok: true, headers: checked.links.map((link) => link.header) };
}

/**
 * `verifyRange`, then group, epoch and MAC for each blob in order — without each blob's own
 * signature check, which the chain makes redundant (see above). Never throws.
 */
export async function openRange(
  blobs: readonly Uint8Array[],
  context: OpenContext,
): Promise<RangeOpenResult> {
  // Private copies: what we verify is what we decrypt, whatever the caller does meanwhile.
  // Oversized inputs stay as they are, to be refused unread.
  const copies: unknown[] = Array.isArray(blobs)
    ? blobs.map((b: unknown) => (isBytes(b) && b.length <= MAX_BLOB_BYTES ? b.slice() : b))
    : [];
  const checked = await linkRange(copies, context.ed);
  if (!checked.ok) return { ...checked, opened: [] };
  const opened: OpenedBlob[] = [];
  for (const [index, link] of checked.links.entries()) {
    const result = unsealVerified(link, context);
    if (!result.ok) return { ...result, index, opened };
    opened.push(result.blob);
  }
  return { ok: true, blobs: opened };
}

async function linkRange(
  input: readonly unknown[],
  ed: Ed25519,
): Promise<{ ok: true; links: VerifiedBlob[] } | RangeFailure<RangeRejectReason>> {
  // Our own array: the caller's could grow or shrink while we await the signature.
  const blobs: unknown[] = Array.isArray(input) ? [...(input as readonly unknown[])] : [];
  const lastIndex = blobs.length - 1;
  if (lastIndex < 0) return { ok: false, index: 0, reason: 'empty', detail: 'no blobs' };
  const refused = checkBytes(blobs[lastIndex]);
  if (refused) return { ...refused, index: lastIndex };
  const lastBytes = (blobs[lastIndex] as Uint8Array).slice();
  const last = parseBlob(lastBytes);
  if (!last.ok) return { ...last, index: lastIndex };
  const { header, body, signature, nonce, sealed } = last.parsed;
  let detail = 'the last blob is not signed by the device it names';
  let valid = false;
  try {
    valid = await ed.verify(header.device, signedMessage(body), signature);
  } catch (error) {
    detail = `verifier failed: ${String(error)}`; // it verified nothing
  }
  if (!valid) return { ok: false, index: lastIndex, reason: 'bad-signature', detail };
  // From here on nothing awaits, so the bytes we hash are the bytes we return.
  const links = new Array<VerifiedBlob>(blobs.length);
  let next: VerifiedBlob = { header: { ...header, id: blobId(lastBytes) }, nonce, sealed };
  links[lastIndex] = next;
  for (let index = lastIndex - 1; index >= 0; index--) {
    const bytes = blobs[index];
    // Views, not copies: a 100k range is mostly allocation otherwise. Each field is replaced
    // below by an equal array the chain already holds, so no header keeps the caller's bytes.
    const result = parseBlob(bytes, false);
    if (!result.ok) return { ...result, index };
    const blob = result.parsed.header;
    const problem = linkProblem(blob, next.header);
    if (problem) return { ok: false, index, ...problem };
    const id = blobId(bytes as Uint8Array);
    if (!equalBytes(id, next.header.prev)) {
      return {
        ok: false,
        index,
        reason: 'broken-link',
        detail: `seq ${blob.seq} is not the blob the next one names as previous`,
      };
    }
    next.header.prev = id;
    const shared = next.header;
    // Spelled out rather than spread: one object shape, built 100k times in a long range.
    const header: BlobHeaderInfo = {
      version: blob.version,
      kind: blob.kind,
      groupId: shared.groupId,
      epoch: blob.epoch,
      person: shared.person,
      device: shared.device,
      seq: blob.seq,
      prev: blob.prev,
      time: blob.time,
      deps: blob.deps,
      depsHash: blob.depsHash?.slice(),
      id,
    };
    next = { header, nonce: result.parsed.nonce, sealed: result.parsed.sealed };
    links[index] = next;
  }
  next.header.prev = next.header.prev.slice(); // the first blob's prev is not in the range
  return { ok: true, links };
}

function linkProblem(
  a: BlobHeader,
  b: BlobHeader,
): { reason: RangeRejectReason; detail: string } | undefined {
  if (!equalBytes(a.device, b.device) || !equalBytes(a.person, b.person)) {
    return { reason: 'foreign-blob', detail: `seq ${a.seq} is from another device or person` };
  }
  if (!equalBytes(a.groupId, b.groupId)) {
    return { reason: 'foreign-blob', detail: `seq ${a.seq} is from another group` };
  }
  if (a.seq + 1 !== b.seq) {
    return { reason: 'seq-gap', detail: `seq ${a.seq} is followed by seq ${b.seq}` };
  }
  return undefined;
}
