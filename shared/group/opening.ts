import { blobId, signedMessage, type BlobHeaderInfo } from '../blob/format.ts';
import {
  unsealVerified,
  type OpenContext,
  type OpenedBlob,
  type OpenResult,
  type VerifiedBlob,
} from '../blob/open.ts';
import { checkBytes, parseBlob } from '../blob/parse.ts';
import type { Ed25519 } from '../crypto/ed25519.ts';
import { decodeOp, verifyOpSignatures, type MembershipOp } from '../membership/ops.ts';
import { hexOf } from '../crypto/bytes.ts';

/** A blob whose signature checked out: it is attributable to the device it names. */
export type Signed =
  | { kind: 'opened'; id: string; blob: OpenedBlob; op: MembershipOp | null; bytes: Uint8Array }
  /**
   * A content blob of an epoch this device will never read (a "from join" group's epoch from
   * before it joined): signed by its device, so it joins the chain and orders what follows,
   * but its payload stays sealed.
   */
  | { kind: 'opaque'; id: string; blob: BlobHeaderInfo; bytes: Uint8Array }
  /** Signed by its device, but unusable: the author's own fault, so it refuses the position. */
  | {
      kind: 'faulty';
      id: string;
      device: string;
      person: string;
      seq: number;
      reason: string;
      detail: string;
    };

export type Opening =
  | Signed
  /** We hold no key for its epoch yet. */
  | { kind: 'no-key'; id: string; epoch: number; device: string; seq: number; bytes: Uint8Array }
  /** Byte for byte a blob already accepted (its id is the hash of its bytes): nothing to check. */
  | { kind: 'duplicate'; id: string }
  /** Not attributable to anyone (bad signature, garbage): dropped without touching any chain. */
  | { kind: 'junk'; id: string | null; reason: string; detail: string };

export type EngineOpenContext = OpenContext & {
  ed: Ed25519;
  /** Whether the blob with this id is the one accepted at that device's seq. */
  accepted?: (device: string, seq: number, id: string) => boolean;
  /** Whether this device holds only the membership key of an epoch, never its content key. */
  unreadable?: (epoch: number) => boolean;
};

/**
 * Phase one of receiving: everything that needs no group state beyond keys, and that can run
 * concurrently (signature checks dominate). The engine then judges results one by one. The
 * blob is parsed and hashed once, in the order `openBlob` checks (size, structure,
 * signature, group, epoch, MAC), and kept as a private copy: what is verified is what is
 * decrypted and stored, whatever the caller does with its buffer meanwhile.
 *
 * Two things keep a pushed message's path short (docs/benchmarks.md, sync): a blob whose
 * hash is one already accepted is a duplicate before any signature check (every relay of a
 * message reaches each peer again), and the MAC is checked while the signature is verified
 * off the thread (WebCrypto); its result is only used once the signature holds.
 */
export async function openForEngine(
  input: Uint8Array,
  context: EngineOpenContext,
): Promise<Opening> {
  const refused = checkBytes(input);
  if (refused) return { kind: 'junk', id: null, reason: refused.reason, detail: refused.detail };
  const bytes = input.slice();
  const parsed = parseBlob(bytes);
  if (!parsed.ok) return { kind: 'junk', id: null, reason: parsed.reason, detail: parsed.detail };
  const { header, signature, body, nonce, sealed } = parsed.parsed;
  const idBytes = blobId(bytes);
  const id = hexOf(idBytes);
  if (context.accepted?.(hexOf(header.device), header.seq, id)) return { kind: 'duplicate', id };
  let detail = 'not signed by the device it names';
  const verifying = context.ed
    .verify(header.device, signedMessage(body), signature)
    .catch((error: unknown) => {
      detail = `verifier failed: ${String(error)}`;
      return false;
    });
  const verified = { header: { ...header, id: idBytes }, nonce, sealed };
  const unsealed = unsealVerified(verified, context);
  if (!(await verifying)) return { kind: 'junk', id, reason: 'bad-signature', detail };
  return openedOrRefused(verified, unsealed, bytes, context);
}

/**
 * A blob this device has just sealed and signed itself: opened like any other, without
 * checking the signature it has just made (writing a message would otherwise pay a verify).
 */
export function openOwnForEngine(bytes: Uint8Array, context: EngineOpenContext): Promise<Opening> {
  const parsed = parseBlob(bytes);
  if (!parsed.ok) throw new Error(`this device sealed a blob it cannot parse: ${parsed.detail}`);
  const { header, nonce, sealed } = parsed.parsed;
  return openAuthentic({ header: { ...header, id: blobId(bytes) }, nonce, sealed }, bytes, context);
}

/**
 * Group, epoch and MAC of a blob known to be signed by its device (by its own signature, or
 * through a verified range), then its payload's decoding.
 */
export function openAuthentic(
  verified: VerifiedBlob,
  bytes: Uint8Array,
  context: EngineOpenContext,
): Promise<Opening> {
  return openedOrRefused(verified, unsealVerified(verified, context), bytes, context);
}

function openedOrRefused(
  verified: VerifiedBlob,
  opened: OpenResult,
  bytes: Uint8Array,
  context: EngineOpenContext,
): Promise<Opening> {
  if (opened.ok) return decodePayload(opened.blob, bytes, context.ed);
  const h = verified.header;
  const id = hexOf(h.id);
  const device = hexOf(h.device);
  switch (opened.reason) {
    case 'unknown-epoch':
      // Only a signed blob gets here, so one we can never read is still its device's word.
      if (h.kind === 'content' && context.unreadable?.(h.epoch))
        return Promise.resolve({ kind: 'opaque', id, blob: h, bytes });
      return Promise.resolve({ kind: 'no-key', id, epoch: h.epoch, device, seq: h.seq, bytes });
    case 'bad-mac':
      return Promise.resolve({
        kind: 'faulty',
        id,
        device,
        person: hexOf(h.person),
        seq: h.seq,
        reason: opened.reason,
        detail: opened.detail,
      });
    default:
      return Promise.resolve({ kind: 'junk', id, reason: opened.reason, detail: opened.detail });
  }
}

/** A decrypted blob as the engine judges it: a membership payload is decoded and checked. */
export async function decodePayload(
  blob: OpenedBlob,
  bytes: Uint8Array,
  ed: Ed25519,
): Promise<Signed> {
  const id = hexOf(blob.id);
  if (blob.kind !== 'membership') return { kind: 'opened', id, blob, op: null, bytes };
  const faulty = (detail: string): Signed => ({
    kind: 'faulty',
    id,
    device: hexOf(blob.device),
    person: hexOf(blob.person),
    seq: blob.seq,
    reason: 'bad-op',
    detail,
  });
  let op: MembershipOp;
  try {
    op = decodeOp(blob.payload);
  } catch (error) {
    return faulty(error instanceof Error ? error.message : 'undecodable');
  }
  if (!(await verifyOpSignatures(ed, op)))
    return faulty('a signature inside the operation is invalid');
  return { kind: 'opened', id, blob, op, bytes };
}
