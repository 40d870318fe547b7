// An in-memory group of peers for tests: real engines, real crypto, delivery under test
// control. Used by engine tests and the convergence property test.
import { toHex } from '../crypto/bytes.ts';
import { admitOp, boxSecrets, keysForNewcomer, openSecrets } from '../group/admission.ts';
import { createGroupEngine, type GroupEngine } from '../group/engine.ts';
import { epochKeys } from '../group/epoch.ts';
import { createGenesis, type Genesis, type HistoryPolicy } from '../group/genesis.ts';
import { memoryGroupStorage } from '../storage/storage.ts';
import { anotherDevice, makePerson, seeded, testEd, type TestPerson } from './people.ts';

export type Peer = {
  name: string;
  person: TestPerson;
  engine: GroupEngine;
  storage: ReturnType<typeof memoryGroupStorage>;
  /** The epoch secrets this peer holds (as the repo keeps them in the group record). */
  secrets: Map<number, Uint8Array>;
  /** Membership keys of epochs it may not read (history "from join"). */
  membershipKeys: Map<number, Uint8Array>;
};

/** Keeps the secrets of epochs the engine starts or opens, as the repo does. */
function keeping(engine: GroupEngine, secrets: Map<number, Uint8Array>) {
  engine.events.on('epoch', ({ epoch, secret }) => {
    secrets.set(epoch, secret);
  });
  return secrets;
}

export type TestGroup = {
  genesis: Genesis;
  genesisBytes: Uint8Array;
  groupId: Uint8Array;
  secret: Uint8Array;
  inviteSecret: Uint8Array;
  peers: Peer[];
};

/** A clock every peer reads; tests move it. */
export function testClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Founds a group with person 1 as its creator; returns it with one peer. */
export async function foundGroup(
  now: () => number,
  creatorName = 'Ada',
  historyPolicy: HistoryPolicy = 'all',
): Promise<TestGroup> {
  const person = await makePerson(1, creatorName);
  const { genesis, groupId, bytes } = await createGenesis({
    name: 'Test group',
    person: person.person,
    creator: person.certificate,
    creatorName: person.name,
    settings: { historyPolicy, adminsApproveJoins: false },
    createdAt: now(),
    random: seeded(7),
  });
  const secret = seeded(8)(32);
  const inviteSecret = seeded(9)(16);
  const base = { genesis, genesisBytes: bytes, groupId, secret, inviteSecret };
  const storage = memoryGroupStorage();
  const engine = createGroupEngine({
    ed: testEd,
    groupId,
    genesis,
    me: {
      signer: person.device,
      person: person.person.publicKey,
      clientId: genesis.clientId,
      box: person.box,
    },
    storage,
    now,
    random: seeded(1001),
  });
  await engine.addEpochSecret(0, secret);
  await engine.writeOp({
    type: 'invite',
    inviteSecret,
    expiresAt: null,
    singleUse: false,
  });
  const secrets = keeping(engine, new Map([[0, secret]]));
  const peer = { name: creatorName, person, engine, storage, secrets, membershipKeys: new Map() };
  return { ...base, peers: [peer] };
}

/**
 * `of` links another device of its own person (`n` seeds its keys): an admission with no
 * invite, by the same person; the new device receives `of`'s log.
 */
export async function linkDevice(
  group: TestGroup,
  of: Peer,
  n: number,
  now: () => number,
): Promise<Peer> {
  const person = await anotherDevice(of.person, n);
  const peer = await admitDevice(group, of, person, `${of.name}'`, null, 2500 + n, now, n);
  return withLogOf(group, of, peer);
}

/**
 * `admitter` lets `person`'s device in (the cryptographic part of DESIGN §3: boxed secrets,
 * admission op, with `inviteSecret` or none) and returns its engine, holding those secrets.
 */
async function admitDevice(
  group: TestGroup,
  admitter: Peer,
  person: TestPerson,
  name: string,
  inviteSecret: Uint8Array | null,
  nonceSeed: number,
  now: () => number,
  n: number,
): Promise<Peer> {
  // "From join": an invited device gets no epoch with its admission, but a new one right
  // after it, and the membership keys of the epochs before (as repo/admit.ts answers).
  const fromJoin = group.genesis.settings.historyPolicy === 'from-join' && inviteSecret !== null;
  const op = admitOp({
    groupId: group.groupId,
    certificate: person.certificate,
    name: person.name,
    inviteSecret,
    secrets: fromJoin
      ? []
      : boxSecrets(admitter.secrets, person.box.publicKey, admitter.person.box, seeded(nonceSeed)),
  });
  await admitter.engine.writeOp(op);
  if (fromJoin) await admitter.engine.rotateIfDue();
  const storage = memoryGroupStorage();
  const engine = createGroupEngine({
    ed: testEd,
    groupId: group.groupId,
    genesis: group.genesis,
    me: {
      signer: person.device,
      person: person.person.publicKey,
      clientId: op.clientId,
      box: person.box,
    },
    storage,
    now,
    random: seeded(3000 + n),
  });
  const secrets = keeping(engine, new Map());
  // As repo/admit.ts answers an invited device; a link hands the person's own keys.
  const { secrets: handed, membershipKeys } = fromJoin
    ? keysForNewcomer(admitter.engine.members(), toHex(person.device.publicKey), {
        secrets: admitter.secrets,
        membershipKeys: new Map([
          ...admitter.membershipKeys,
          ...[...admitter.secrets].map(
            ([epoch, secret]) =>
              [epoch, epochKeys(group.groupId, epoch, secret).membershipKey] as const,
          ),
        ]),
      })
    : {
        secrets: openSecrets(op.secrets, admitter.person.box.publicKey, person.box),
        membershipKeys: new Map(admitter.membershipKeys),
      };
  for (const epoch of handed.keys()) membershipKeys.delete(epoch);
  for (const [epoch, key] of membershipKeys) await engine.addMembershipKey(epoch, key);
  for (const [epoch, secret] of handed) {
    secrets.set(epoch, secret);
    await engine.addEpochSecret(epoch, secret);
  }
  return { name, person, engine, storage, secrets, membershipKeys };
}

/** The new peer receives `from`'s log and joins the group's peers. */
async function withLogOf(group: TestGroup, from: Peer, peer: Peer): Promise<Peer> {
  await peer.engine.receive((await from.storage.loadBlobs()).map((b) => b.bytes));
  group.peers.push(peer);
  return peer;
}

/**
 * `admitter` lets person `n` in (the cryptographic part of DESIGN §3: boxed secrets, admission
 * op) and hands the new member nothing: the test delivers the log however it likes.
 */
export async function admitOnly(
  group: TestGroup,
  admitter: Peer,
  n: number,
  name: string,
  now: () => number,
): Promise<Peer> {
  const person = await makePerson(n, name);
  return admitDevice(group, admitter, person, name, group.inviteSecret, 2000 + n, now, n);
}

/** `admitter` lets person `n` in, and the new peer receives the admitter's log. */
export async function join(
  group: TestGroup,
  admitter: Peer,
  n: number,
  name: string,
  now: () => number,
): Promise<Peer> {
  return withLogOf(group, admitter, await admitOnly(group, admitter, n, name, now));
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
  for (const [epoch, key] of peer.membershipKeys) await engine.addMembershipKey(epoch, key);
  if (!peer.membershipKeys.has(0)) await engine.addEpochSecret(0, group.secret);
  for (const [epoch, secret] of peer.secrets) await engine.addEpochSecret(epoch, secret);
  keeping(engine, peer.secrets);
  return engine;
}

/** Sends `from` everything it holds that `to` lacks (by blob id). */
export async function deliverAll(from: Peer, to: Peer): Promise<void> {
  const have = new Set(to.storage.blobs.map((b) => b.id));
  const missing = from.storage.blobs.filter((b) => !have.has(b.id)).map((b) => b.bytes);
  if (missing.length > 0) await to.engine.receive(missing);
}

/** Every peer gets everything (twice round, so relayed blobs arrive too). */
export async function syncAll(peers: readonly Peer[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const a of peers) for (const b of peers) if (a !== b) await deliverAll(a, b);
  }
}

/** What a person sees of the conversation, to compare peers. */
export function transcript(peer: Peer): string[] {
  return peer.engine.messageIds().map((id) => {
    const m = peer.engine.message(id);
    if (!m) return `${id}: (missing)`;
    const reactions = m.reactions.map((r) => `${r.emoji}×${r.authors.length}`).join(',');
    return `${id}: ${m.deleted ? '(deleted)' : m.text}${m.edited ? ' (edited)' : ''}${reactions ? ` [${reactions}]` : ''}`;
  });
}

export function memberNames(peer: Peer): string[] {
  return [...peer.engine.members().people.values()].map((p) => `${p.name.name}:${p.role}`).sort();
}

export { toHex };

/** Ada founds a group and admits Bo and Cy; everyone holds everything. */
export async function threeOf() {
  const clock = testClock();
  const group = await foundGroup(clock.now);
  const [ada] = group.peers;
  if (!ada) throw new Error('a founded group has its founder');
  const bo = await join(group, ada, 2, 'Bo', clock.now);
  const cy = await join(group, ada, 3, 'Cy', clock.now);
  await syncAll(group.peers);
  return { group, ada, bo, cy, clock };
}
