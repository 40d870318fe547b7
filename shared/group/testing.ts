// Fixtures for the engine's catch-up and snapshot tests and the core benchmark (never for the
// app): a member admitted without being handed the log, a group's log cut into per-device
// ranges, engines restarted from storage, and a comparable picture of an engine's state.
import { createSealer, type Sealer } from '../storage/sealer.ts';
import type { StoredBlob } from '../storage/storage.ts';
import { memoryGroupStorage } from '../storage/storage.ts';
import { makePerson, seeded, testCrypto, testEd } from '../testing/people.ts';
import { memberNames, transcript, type Peer, type TestGroup } from '../testing/group-peers.ts';
import { admitOp, boxSecrets, openSecrets } from './admission.ts';
import { createGroupEngine, type GroupEngine } from './engine.ts';

/** A device storage key's sealer, from a number, so tests can have "another key". */
export async function testSealer(n: number): Promise<Sealer> {
  return createSealer(testCrypto, seeded(4000 + n)(32));
}

/**
 * `admitter` lets person `n` in, as `join` does, but hands the new member nothing: the test
 * delivers the log however it likes.
 */
export async function admitOnly(
  group: TestGroup,
  admitter: Peer,
  n: number,
  name: string,
  now: () => number,
): Promise<Peer> {
  const person = await makePerson(n, name);
  const op = admitOp({
    groupId: group.groupId,
    certificate: person.certificate,
    name: person.name,
    inviteSecret: group.inviteSecret,
    secrets: boxSecrets(
      new Map([[0, group.secret]]),
      person.box.publicKey,
      admitter.person.box,
      seeded(2000 + n),
    ),
  });
  await admitter.engine.writeOp(op);
  const storage = memoryGroupStorage();
  const engine = createGroupEngine({
    ed: testEd,
    groupId: group.groupId,
    genesis: group.genesis,
    me: { signer: person.device, person: person.person.publicKey, clientId: op.clientId },
    storage,
    now,
    random: seeded(3000 + n),
  });
  for (const [epoch, secret] of openSecrets(op.secrets, admitter.person.box.publicKey, person.box))
    await engine.addEpochSecret(epoch, secret);
  return { name, person, engine, storage };
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

/** A new engine for `peer` over its stored log, with the group's epoch secret added. */
export async function restartedEngine(
  group: TestGroup,
  peer: Peer,
  now: () => number,
  n: number,
): Promise<GroupEngine> {
  const engine = createGroupEngine({
    ed: testEd,
    groupId: group.groupId,
    genesis: group.genesis,
    me: peer.engine.core().me,
    storage: peer.storage,
    now,
    random: seeded(5000 + n),
  });
  await engine.addEpochSecret(0, group.secret);
  return engine;
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
