// Fixtures for the engine's catch-up and snapshot tests and the core benchmark (never for the
// app): a member admitted without being handed the log, a group's log cut into per-device
// ranges, engines restarted from storage, and a comparable picture of an engine's state.
import { createSealer, type Sealer } from '../storage/sealer.ts';
import type { StoredBlob } from '../storage/storage.ts';
import { seeded, testCrypto } from '../testing/people.ts';
import { memberNames, transcript, type Peer } from '../testing/group-peers.ts';

export { admitOnly, restartedEngine } from '../testing/group-peers.ts';

/** A device storage key's sealer, from a number, so tests can have "another key". */
export async function testSealer(n: number): Promise<Sealer> {
  return createSealer(testCrypto, seeded(4000 + n)(32));
}

/** A stored log as per-device ranges of at most `size` blobs, each ascending by seq. */
export function rangesOf(blobs: readonly StoredBlob[], size = 1000): Uint8Array[][] {
  const chains = new Map<number, StoredBlob[]>();
  for (const blob of blobs) chains.set(blob.clientId, [...(chains.get(blob.clientId) ?? []), blob]);
  const ranges: Uint8Array[][] = [];
  for (const chain of chains.values()) {
    chain.sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < chain.length; i += size)
      ranges.push(chain.slice(i, i + size).map((b) => b.bytes));
  }
  return ranges;
}

/** Everything two engines that hold the same blobs must agree on, as plain data. */
export function picture(peer: Peer) {
  const { engine } = peer;
  const ids = engine.messageIds();
  return {
    transcript: transcript(peer),
    keys: ids.map((id) => engine.core().state.order.keyOf(id)),
    positions: ids.map((id) => engine.core().state.order.position(id)),
    blobs: ids.map((id) => engine.core().state.messageBlob.get(id)),
    members: memberNames(peer),
    devices: [...engine.members().devices.keys()].sort(),
    invites: [...engine.members().invites.keys()].sort(),
    heads: [...engine.heads()].sort((a, b) => a[0] - b[0]),
  };
}
