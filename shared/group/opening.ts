import { openBlob, openHeader, type OpenContext, type OpenedBlob } from '../blob/open.ts';
import { toHex } from '../crypto/bytes.ts';
import type { Ed25519 } from '../crypto/ed25519.ts';
import { decodeOp, verifyOpSignatures, type MembershipOp } from '../membership/ops.ts';

/** A blob whose signature checked out: it is attributable to the device it names. */
export type Signed =
  | { kind: 'opened'; id: string; blob: OpenedBlob; op: MembershipOp | null; bytes: Uint8Array }
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
  | { kind: 'no-key'; id: string; epoch: number; bytes: Uint8Array }
  /** Not attributable to anyone (bad signature, garbage): dropped without touching any chain. */
  | { kind: 'junk'; id: string | null; reason: string; detail: string };

/**
 * Phase one of receiving: everything that needs no group state beyond keys, and that can run
 * concurrently (signature checks dominate). The engine then judges results one by one.
 */
export async function openForEngine(
  bytes: Uint8Array,
  context: OpenContext & { ed: Ed25519 },
): Promise<Opening> {
  const header = openHeader(bytes);
  const id = header.ok ? toHex(header.header.id) : null;
  const opened = await openBlob(bytes, context);
  if (!opened.ok) {
    if (!header.ok || id === null)
      return { kind: 'junk', id, reason: opened.reason, detail: opened.detail };
    const h = header.header;
    if (opened.reason === 'unknown-epoch') return { kind: 'no-key', id, epoch: h.epoch, bytes };
    if (opened.reason === 'bad-mac') {
      return {
        kind: 'faulty',
        id,
        device: toHex(h.device),
        person: toHex(h.person),
        seq: h.seq,
        ...opened,
      };
    }
    return { kind: 'junk', id, reason: opened.reason, detail: opened.detail };
  }
  const blob = opened.blob;
  if (blob.kind !== 'membership')
    return { kind: 'opened', id: toHex(blob.id), blob, op: null, bytes };
  const faulty = (detail: string): Signed => ({
    kind: 'faulty',
    id: toHex(blob.id),
    device: toHex(blob.device),
    person: toHex(blob.person),
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
  if (!(await verifyOpSignatures(context.ed, op)))
    return faulty('a signature inside the operation is invalid');
  return { kind: 'opened', id: toHex(blob.id), blob, op, bytes };
}
