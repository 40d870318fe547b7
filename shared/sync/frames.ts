import { DecodeError, reader, writer } from '../codec/wire.ts';
import { MAX_BLOB_BYTES } from '../blob/format.ts';

/**
 * What peers say on the blob channel (DESIGN §6). One data-channel message per frame, each
 * well under Chromium's 256 KiB limit:
 * - `have`: the sender's have-vector (clientID → chain length), on open and after catch-up;
 * - `blob`: one blob, pushed as soon as it is accepted (or relayed);
 * - `range`: one device's consecutive blobs, the answer to a `have` (one signature check);
 * - `done`: the end of one answer: only then does the receiver say where it is now.
 */
export type Frame =
  | { type: 'have'; heads: Map<number, number> }
  | { type: 'blob'; blob: Uint8Array }
  | { type: 'range'; blobs: Uint8Array[] }
  | { type: 'done' };

/**
 * Largest frame we send or accept; a range is cut to fit. 64 KiB (DESIGN §6): well under
 * Chromium's 256 KiB data-channel limit, and the largest blob (60 KiB) still fits alone.
 */
export const MAX_FRAME_BYTES = 64 * 1024;
const MAX_DEVICES = 4096;

export function encodeFrame(frame: Frame): Uint8Array {
  const w = writer().u8(1);
  switch (frame.type) {
    case 'have':
      w.u8(0).uint(frame.heads.size);
      for (const [clientId, head] of [...frame.heads].sort((a, b) => a[0] - b[0]))
        w.uint(clientId).uint(head);
      break;
    case 'blob':
      w.u8(1).bytes(frame.blob);
      break;
    case 'range':
      w.u8(2).uint(frame.blobs.length);
      for (const blob of frame.blobs) w.bytes(blob);
      break;
    case 'done':
      w.u8(3);
      break;
  }
  return w.finish();
}

/** Decodes a frame from a peer; throws `DecodeError` on anything malformed or oversized. */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (bytes.length > MAX_FRAME_BYTES) throw new DecodeError('frame too large');
  const r = reader(bytes);
  if (r.u8() !== 1) throw new DecodeError('frame version');
  const type = r.u8();
  let frame: Frame;
  if (type === 0) {
    const count = r.uint(MAX_DEVICES);
    const heads = new Map<number, number>();
    for (let i = 0; i < count; i++) heads.set(r.uint(0xffffffff), r.uint());
    frame = { type: 'have', heads };
  } else if (type === 1) {
    frame = { type: 'blob', blob: r.bytes(MAX_BLOB_BYTES) };
  } else if (type === 2) {
    const count = r.uint(MAX_FRAME_BYTES);
    const blobs: Uint8Array[] = [];
    for (let i = 0; i < count; i++) blobs.push(r.bytes(MAX_BLOB_BYTES));
    frame = { type: 'range', blobs };
  } else if (type === 3) {
    frame = { type: 'done' };
  } else {
    throw new DecodeError(`frame type ${type}`);
  }
  r.end();
  return frame;
}

/**
 * Splits one device's blobs (ascending) into range frames that each fit MAX_FRAME_BYTES.
 * Every range ends at a blob whose signature the receiver checks, so it stands alone.
 */
export function rangeFrames(blobs: readonly Uint8Array[]): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let current: Uint8Array[] = [];
  let size = 16;
  for (const blob of blobs) {
    if (current.length > 0 && size + blob.length + 8 > MAX_FRAME_BYTES) {
      frames.push(encodeFrame({ type: 'range', blobs: current }));
      current = [];
      size = 16;
    }
    current.push(blob);
    size += blob.length + 8;
  }
  if (current.length > 0) frames.push(encodeFrame({ type: 'range', blobs: current }));
  return frames;
}
