import { MAX_BLOB_BYTES, blobId } from '../blob/format.ts';
import { checkBytes, isBytes, parseBlob } from '../blob/parse.ts';
import { openRange } from '../blob/range.ts';
import { hexOf } from '../crypto/bytes.ts';
import { decodePayload, openAuthentic, type EngineOpenContext, type Opening } from './opening.ts';

/** A range that did not verify: the blob at fault, and how many blobs were dropped with it. */
export type RangeFailure = { id: string | null; reason: string; detail: string; dropped: number };

export type RangeOpening = {
  /** Blobs the range authenticated, opened for judging. */
  openings: Opening[];
  /** Blobs before a failure, to open one by one (each with its own signature). */
  fallback: Uint8Array[];
  failure: RangeFailure | null;
};

/** What `unsealVerified` refuses: the range itself verified before these. */
const UNSEAL_REASONS = new Set(['wrong-group', 'unknown-epoch', 'bad-mac']);

/**
 * Phase one for a catch-up range (DESIGN §5): one device's consecutive blobs, ascending,
 * authenticated by the last blob's signature and the hash links below it (`openRange`), so
 * no blob pays for its own signature. Whether the first blob fits the chain already held is
 * the judge's business, as for any blob. If the range does not verify, the blobs before the
 * failure may still be valid one by one; the failing blob and those after it are dropped
 * (repair fetches them again).
 */
export async function openRangeForEngine(
  blobs: readonly Uint8Array[],
  context: EngineOpenContext,
): Promise<RangeOpening> {
  // Private copies: what is verified is what is judged and stored. Oversized or non-bytes
  // entries stay as they are, to be refused unread.
  const copies: Uint8Array[] = blobs.map((b: unknown) =>
    isBytes(b) && b.length <= MAX_BLOB_BYTES ? b.slice() : (b as Uint8Array),
  );
  const result = await openRange(copies, context);
  const copyAt = (i: number) => copies[i] ?? new Uint8Array();
  if (result.ok) {
    const openings = await Promise.all(
      result.blobs.map((blob, i) => decodePayload(blob, copyAt(i), context.ed)),
    );
    return { openings, fallback: [], failure: null };
  }
  if (UNSEAL_REASONS.has(result.reason)) {
    // Every blob linked to the signed last one, so all are authentic: those before `index`
    // opened; the rest open one by one, still without a signature check each (an epoch we
    // lack holds them, a bad MAC refuses the position, as for single blobs).
    const openings: Opening[] = await Promise.all(
      result.opened.map((blob, i) => decodePayload(blob, copyAt(i), context.ed)),
    );
    for (let i = result.index; i < copies.length; i++) {
      const bytes = copyAt(i);
      const parsed = parseBlob(bytes);
      if (!parsed.ok) throw new Error('a blob of a verified range no longer parses');
      const { header, nonce, sealed } = parsed.parsed;
      openings.push(
        await openAuthentic(
          { header: { ...header, id: blobId(bytes) }, nonce, sealed },
          bytes,
          context,
        ),
      );
    }
    return { openings, fallback: [], failure: null };
  }
  const culprit = copies[result.index];
  const id = culprit !== undefined && !checkBytes(culprit) ? hexOf(blobId(culprit)) : null;
  return {
    openings: [],
    fallback: copies.slice(0, result.index),
    failure: {
      id,
      reason: result.reason,
      detail: `range refused at blob ${result.index}: ${result.detail}`,
      dropped: Math.max(0, copies.length - result.index),
    },
  };
}
