import { DecodeError, reader, writer } from '../codec/wire.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type Ed25519, type Signer } from '../crypto/ed25519.ts';

/**
 * A device's signed have-vector: what it holds of every chain in one group (DESIGN §6). Each
 * device writes its own entry into the room's small heads doc (y-webrtc, y-indexeddb); peers
 * verify it and keep the newest per device. It is what "held by 3 of 5" is counted from, and
 * since the doc is persisted the count survives restarts.
 */
export type HeadsRecord = {
  group: Uint8Array;
  device: Uint8Array;
  /** The device's own wall clock when it signed: a newer record replaces an older one. */
  issuedAt: number;
  /** clientID → how many of that chain's blobs the device holds (accepted). */
  have: Map<number, number>;
};

const LABEL = 'fellows/v1/heads';
const VERSION = 1;
const GROUP_ID_BYTES = 32;
/** More chains than any group of people has devices: a bound on what a peer makes us read. */
export const MAX_HEADS_CHAINS = 4096;
/** The largest signed record we accept: 4096 chains of two 5-byte varints and change. */
export const MAX_HEADS_BYTES = 48 * 1024;

function body(record: HeadsRecord): Uint8Array {
  const w = writer()
    .string(LABEL)
    .u8(VERSION)
    .fixed(record.group)
    .fixed(record.device)
    .uint(record.issuedAt)
    .uint(record.have.size);
  for (const [clientId, head] of [...record.have].sort((a, b) => a[0] - b[0]))
    w.uint(clientId).uint(head);
  return w.finish();
}

/** Signs this device's have-vector for one group. */
export async function signHeads(
  device: Signer,
  group: Uint8Array,
  have: ReadonlyMap<number, number>,
  issuedAt: number,
): Promise<Uint8Array> {
  if (have.size > MAX_HEADS_CHAINS) throw new RangeError('too many chains for a heads record');
  const record = { group, device: device.publicKey, issuedAt, have: new Map(have) };
  const signature = await device.sign(body(record));
  const w = writer().u8(VERSION).fixed(record.device).uint(issuedAt).uint(have.size);
  for (const [clientId, head] of [...have].sort((a, b) => a[0] - b[0])) w.uint(clientId).uint(head);
  return w.fixed(signature).finish();
}

/**
 * Reads and verifies a heads record for `group`. Returns null for anything malformed,
 * oversized, for another group, or not signed by the device it names: it comes from a
 * shared doc any room member (or a bug) can write, so nothing in it is trusted unverified.
 * Whether the device is a member is the caller's question.
 */
export async function openHeads(
  ed: Ed25519,
  bytes: Uint8Array,
  group: Uint8Array,
): Promise<HeadsRecord | null> {
  if (group.length !== GROUP_ID_BYTES || bytes.length > MAX_HEADS_BYTES) return null;
  let record: HeadsRecord;
  let signature: Uint8Array;
  try {
    const r = reader(bytes);
    if (r.u8() !== VERSION) return null;
    const device = r.fixed(PUBLIC_KEY_BYTES);
    const issuedAt = r.uint();
    const count = r.uint(MAX_HEADS_CHAINS);
    const have = new Map<number, number>();
    let last = -1;
    for (let i = 0; i < count; i++) {
      const clientId = r.uint(0xffffffff);
      // Sorted and unique: one encoding per record, so a record has one signature.
      if (clientId <= last) throw new DecodeError('chains out of order');
      last = clientId;
      have.set(clientId, r.uint(0xffffffff));
    }
    signature = r.fixed(SIGNATURE_BYTES);
    r.end();
    record = { group, device, issuedAt, have };
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
  return (await ed.verify(record.device, body(record), signature)) ? record : null;
}
