import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/bytes.ts';
import type { HistoryPolicy } from './genesis.ts';
import { decodeOp } from '../membership/ops.ts';
import { epochHolders } from '../membership/state.ts';
import {
  foundGroup,
  join,
  linkDevice,
  memberNames,
  restartedEngine,
  syncAll,
  testClock,
  transcript,
  type Peer,
} from '../testing/group-peers.ts';
import { seeded } from '../testing/people.ts';

// Runs per `npm test`; raise with FELLOWS_PROPERTY_RUNS for a longer soak.
const RUNS = Math.max(60, Number(process.env.FELLOWS_PROPERTY_RUNS ?? 0) / 3);

type Step =
  | { kind: 'send'; peer: number }
  | { kind: 'deliver'; from: number; to: number; keep: number[] }
  | { kind: 'join'; by: number }
  | { kind: 'link'; peer: number }
  | { kind: 'unlink'; by: number; whom: number }
  | { kind: 'remove'; by: number; whom: number }
  | { kind: 'leave'; peer: number }
  | { kind: 'promote'; by: number; whom: number }
  | { kind: 'overreach'; by: number; whom: number; promote: boolean }
  | { kind: 'partition'; side: number[] }
  | { kind: 'heal' }
  | { kind: 'restart'; peer: number };

const at = fc.nat(7);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), peer: at }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: at,
      to: at,
      keep: fc.array(fc.nat(), { maxLength: 10 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('join' as const), by: at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), peer: at }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('unlink' as const), by: at, whom: at }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), by: at, whom: at }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), peer: at }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('promote' as const), by: at, whom: at }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('overreach' as const),
      by: at,
      whom: at,
      promote: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('partition' as const),
      side: fc.array(at, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'heal' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), peer: at }) },
);

const personOf = (peer: Peer) => toHex(peer.person.person.publicKey);
const deviceOf = (peer: Peer) => toHex(peer.person.device.publicKey);
/** Whether `peer` is in the group as it sees it itself. */
const inGroupAsSeen = (peer: Peer) =>
  peer.engine.members().devices.get(deviceOf(peer))?.removed === null;
const roleAsSeen = (peer: Peer, other: Peer) =>
  peer.engine.members().people.get(personOf(other))?.role;

/** What each peer's log holds and decided: to read a soak's counterexample. */
function describePeers(peers: Peer[]): void {
  const names = new Map(peers.map((p) => [deviceOf(p), p.name]));
  const name = (key: string | null) => (key === null ? '-' : (names.get(key) ?? key.slice(0, 8)));
  for (const peer of peers) {
    const members = peer.engine.members();
    const { state } = peer.engine.core();
    const lines = [
      `== ${peer.name}: in ${inGroupAsSeen(peer)}, current ${members.current}, held ${state.held.size()}`,
      `  heads ${JSON.stringify([...state.book.heads()])}, pins ${JSON.stringify([...peer.engine.core().pins])}`,
      `  waiting for ${state.held.keys().join(' ')}; epoch keys ${[...peer.engine.core().keys.keys()].join(', ')}`,
      `  voided ${[...members.voided.keys()].map(name).join(', ')}`,
      ...state.membershipEntries.map(({ event, frontier }) => {
        const verdict = state.membership.verdict(event.id);
        const ref = `${event.ref.clientId}:${event.ref.seq}`;
        return `  ${name(event.device)} ${ref} ${verdict?.ok ? 'ok' : verdict?.reason} seen ${JSON.stringify([...frontier])}`;
      }),
      ...[...members.epochs.values()].map(
        (r) =>
          `  epoch ${r.epoch} generation ${r.generation} by ${name(r.author)} valid ${r.valid} keyring ${r.keyring.map(name).join(', ')}`,
      ),
    ];
    console.info(lines.join('\n'));
  }
}

async function run(initial: number, steps: Step[], policy: HistoryPolicy = 'all'): Promise<void> {
  const clock = testClock();
  const group = await foundGroup(clock.now, 'Ada', policy);
  let next = 2;
  for (let i = 1; i < initial; i++)
    await join(group, group.peers[0]!, next, `P${next++}`, clock.now);
  await syncAll(group.peers);
  let partition: Set<number> | null = null;
  const peerAt = (i: number) => group.peers[i % group.peers.length]!;
  const reachable = (a: Peer, b: Peer) =>
    partition === null ||
    partition.has(group.peers.indexOf(a)) === partition.has(group.peers.indexOf(b));
  /** Ops a member wrote without the right: their ids, to check they had no effect. */
  const overreach: string[] = [];
  /** People who tried to overreach are never promoted: their attempt must stay void. */
  const overreached = new Set<Peer>();
  const invites = seeded(77);

  for (const s of steps) {
    clock.advance(11);
    switch (s.kind) {
      case 'send': {
        const peer = peerAt(s.peer);
        if (inGroupAsSeen(peer)) await peer.engine.send({ text: `from ${peer.name}` });
        break;
      }
      case 'deliver': {
        const from = peerAt(s.from);
        const to = peerAt(s.to);
        if (from === to || !reachable(from, to)) break;
        const blobs = from.storage.blobs;
        const picked = s.keep.map((k) => blobs[k % Math.max(1, blobs.length)]);
        await to.engine.receive(picked.flatMap((b) => (b ? [b.bytes] : [])));
        break;
      }
      case 'join': {
        const by = peerAt(s.by);
        if (group.peers.length >= 6 || !inGroupAsSeen(by)) break;
        // A fresh invite: a removal retires the ones made before it.
        group.inviteSecret = invites(16);
        await by.engine.writeOp({
          type: 'invite',
          inviteSecret: group.inviteSecret,
          expiresAt: null,
          singleUse: false,
        });
        await join(group, by, next, `P${next++}`, clock.now);
        break;
      }
      case 'link': {
        // A member links a second device of their own: no invite, no admin needed.
        const peer = peerAt(s.peer);
        if (group.peers.length >= 6 || !inGroupAsSeen(peer)) break;
        await linkDevice(group, peer, next++, clock.now);
        break;
      }
      case 'unlink': {
        // One's own other device, or anyone's as an admin; never a person's last device.
        const by = peerAt(s.by);
        const whom = peerAt(s.whom);
        if (by === whom || !inGroupAsSeen(by)) break;
        const own = personOf(by) === personOf(whom);
        if (!own && roleAsSeen(by, by) !== 'admin') break;
        const seen = by.engine.members();
        const devices = seen.people.get(personOf(whom))?.devices ?? [];
        const active = devices.filter((d) => seen.devices.get(d)?.removed === null);
        if (active.length < 2 || !active.includes(deviceOf(whom))) break;
        await by.engine.unlinkDevice(deviceOf(whom));
        break;
      }
      case 'remove': {
        const by = peerAt(s.by);
        const whom = peerAt(s.whom);
        if (personOf(by) === personOf(whom) || !inGroupAsSeen(by)) break;
        if (roleAsSeen(by, by) !== 'admin') break;
        if (by.engine.members().people.get(personOf(whom))?.removed !== null) break;
        await by.engine.removePerson(personOf(whom));
        break;
      }
      case 'leave': {
        // Members leave; admins stay (the group keeps an admin without automatic promotion).
        const peer = peerAt(s.peer);
        if (!inGroupAsSeen(peer) || roleAsSeen(peer, peer) === 'admin') break;
        await peer.engine.removePerson(personOf(peer));
        break;
      }
      case 'promote': {
        const by = peerAt(s.by);
        const whom = peerAt(s.whom);
        if (!inGroupAsSeen(by) || roleAsSeen(by, by) !== 'admin' || overreached.has(whom)) break;
        const target = by.engine.members().people.get(personOf(whom));
        if (!target || target.removed !== null || target.role === 'admin') break;
        await by.engine.promote(personOf(whom));
        break;
      }
      case 'overreach': {
        // A modified app writes what only an admin may: it must have no effect anywhere.
        const by = peerAt(s.by);
        const whom = peerAt(s.whom);
        if (!inGroupAsSeen(by) || roleAsSeen(by, by) === 'admin' || by === whom) break;
        overreached.add(by);
        const person = whom.person.person.publicKey;
        overreach.push(
          await by.engine.writeOp(
            s.promote ? { type: 'promote', person } : { type: 'remove', person, pins: [] },
          ),
        );
        break;
      }
      case 'partition':
        partition = new Set(s.side.map((i) => i % group.peers.length));
        break;
      case 'heal':
        partition = null;
        break;
      case 'restart': {
        const peer = peerAt(s.peer);
        const engine = await restartedEngine(group, peer, clock.now, 9 + s.peer);
        await engine.rebuild();
        peer.engine = engine;
        break;
      }
    }
  }

  // Everyone meets everyone; members whose epoch is due start one (as before writing).
  await syncAll(group.peers);
  for (let round = 0; round < 3; round++) {
    for (const peer of group.peers) if (inGroupAsSeen(peer)) await peer.engine.rotateIfDue();
    await syncAll(group.peers);
  }
  const members = group.peers.filter(inGroupAsSeen);
  if (process.env.FELLOWS_MEMBERSHIP_DEBUG) describePeers(group.peers);
  const reference = members[0]!;
  const state = reference.engine.members();
  const log = reference.engine.core().state.membership;
  for (const peer of members) {
    expect(memberNames(peer), peer.name).toEqual(memberNames(reference));
    expect(peer.engine.members().current, peer.name).toBe(state.current);
    expect(peer.engine.core().keys.has(state.current), peer.name).toBe(true);
  }
  // Refused by the reduction, or never counted at all (written after its author's pin).
  for (const id of overreach) expect(log.verdict(id)?.ok ?? false, `overreach ${id}`).toBe(false);
  // A message written now reaches every member and no one who is out.
  const last = await reference.engine.send({ text: 'the last word' });
  await syncAll(group.peers);
  const holders = epochHolders(state, state.current, (a, b) => log.happenedBefore(a, b));
  for (const peer of group.peers) {
    const member = members.includes(peer);
    expect(peer.engine.messageIds().includes(last), peer.name).toBe(member);
    // Someone out holds no key to an epoch started without them.
    if (!member) expect(peer.engine.core().keys.has(state.current), peer.name).toBe(false);
    expect(holders.has(deviceOf(peer)), peer.name).toBe(member);
  }
  if (policy === 'all') {
    expect(transcript(reference)).toEqual(transcript(members.at(-1)!));
    return;
  }
  // "From join": every key anyone holds is of an epoch started for their person (the
  // genesis epoch for the creator), so nobody reads what came before them. A rotation by a
  // device that was never in the group (its admission void) is in no one's log: only it and
  // those it let in, void as well, ever wrote in that epoch.
  const creator = personOf(group.peers[0]!);
  // An epoch id that two rotations chose names two secrets, and the record is the first's
  // (the second is refused, 'epoch-taken'): which of them a peer holds, the record cannot
  // say. The tests' seeded random repeats itself often enough for this; the app's ids are
  // random u32s from a CSPRNG.
  const twice = new Set<number>();
  for (const { event, payload } of reference.engine.core().state.membershipEntries) {
    const op = decodeOp(payload);
    const verdict = log.verdict(event.id);
    if (op.type === 'rotate' && verdict?.ok === false && verdict.reason === 'epoch-taken')
      twice.add(op.epoch);
  }
  for (const peer of group.peers) {
    // Their person's devices, also those whose admission turned out void.
    const theirs = group.peers.filter((p) => personOf(p) === personOf(peer)).map(deviceOf);
    for (const epoch of peer.engine.core().keys.keys()) {
      const record = state.epochs.get(epoch);
      if (!record || twice.has(epoch)) continue;
      const keyring = record.keyring;
      const started =
        epoch === 0 ? personOf(peer) === creator : keyring.some((d) => theirs.includes(d));
      expect(started, `${peer.name} holds epoch ${epoch}`).toBe(true);
    }
  }
  // Members see different spans of one conversation: what two of them both see, they see
  // the same and in the same order.
  for (const peer of members) {
    const mine = new Set(peer.engine.messageIds());
    const theirs = new Set(reference.engine.messageIds());
    const shared = (lines: string[], ids: Set<string>) =>
      lines.filter((line) => ids.has(line.slice(0, line.indexOf(': '))));
    expect(shared(transcript(peer), theirs), peer.name).toEqual(
      shared(transcript(reference), mine),
    );
  }
}

describe('membership convergence', () => {
  it(`3–6 peers joining, linking and unlinking devices, removing, leaving and promoting under random delivery and partitions agree on members and epoch; those out read nothing new (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 4 }),
        fc.array(step, { minLength: 5, maxLength: 30 }),
        (initial, steps) => run(initial, steps),
      ),
      { numRuns: RUNS },
    );
  }, 600_000);

  // A known bug, found on 2026-11-22 by the property below (seed -459415022; it was there before
  // that day's changes): P2 links a second device, which unlinks P2's first one (a rotation);
  // Ada links a second device, which, before hearing of that, removes P2 (another rotation).
  // Ada's link crossed the first rotation, so it is void; but the others hold Ada's new
  // device's ops back (a device not in the group), and that device, whose removal pinned P2
  // before P2's link, holds back P2's new device's ops: each side keeps its own membership.
  // Letting every device an admission names into the log fixes this case but breaks the two
  // at the end (docs/architecture.md, "Known: two memberships that each hold the other's
  // ops back"). `it.fails` keeps the case in the suite and turns red once the bug is fixed:
  // then make it an `it`.
  it.fails(
    'known bug: two crossing rotations leave a newly linked device on another epoch (from join)',
    async () => {
      await run(
        4,
        [
          { kind: 'link', peer: 1 },
          { kind: 'unlink', by: 4, whom: 6 },
          { kind: 'link', peer: 0 },
          { kind: 'heal' },
          { kind: 'deliver', from: 0, to: 0, keep: [] },
          { kind: 'promote', by: 0, whom: 0 },
          { kind: 'remove', by: 5, whom: 1 },
        ],
        'from-join',
      );
    },
    60_000,
  );

  it(`the same with history "from join": newcomers get new epochs and read nothing from before them (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 4 }),
        fc.array(step, { minLength: 5, maxLength: 30 }),
        (initial, steps) => run(initial, steps, 'from-join'),
      ),
      { numRuns: RUNS },
    );
  }, 600_000);

  // Found by the soak: P4's admission and its link of a laptop turn out void (P2 admitted
  // someone concurrently); the laptop still holds the epoch started for P4.
  it('from join: a laptop linked by a device whose admission was void holds only its epochs', async () => {
    await run(
      3,
      [
        { kind: 'join', by: 0 },
        { kind: 'link', peer: 7 },
        { kind: 'join', by: 1 },
        { kind: 'send', peer: 0 },
        { kind: 'overreach', by: 0, whom: 0, promote: false },
      ],
      'from-join',
    );
  });

  // Found by the soak: Ada promotes P2, who removes Ada while Ada (not having seen it) goes on
  // and removes P2. Each removal pinned the other's author before it, and each peer kept the
  // one it met first; now pinned blobs stay in their chains and the reduction decides.
  it('two admins removing each other, each cut by the other’s pin, settle the same everywhere', async () => {
    await run(3, [
      { kind: 'promote', by: 0, whom: 4 },
      { kind: 'deliver', from: 0, to: 1, keep: [527480195] },
      { kind: 'link', peer: 0 },
      { kind: 'remove', by: 5, whom: 0 },
      { kind: 'remove', by: 0, whom: 0 },
      { kind: 'send', peer: 0 },
      { kind: 'join', by: 0 },
      { kind: 'remove', by: 0, whom: 1 },
      { kind: 'send', peer: 0 },
    ]);
  });

  // Found by the soak: Ada removes P2 without having seen P2's message, gets it afterwards,
  // and restarts. The replay met the message before the removal's pin and kept it shown.
  it('a restart after a removal keeps a message written after the pin hidden', async () => {
    await run(3, [
      { kind: 'send', peer: 1 },
      { kind: 'remove', by: 0, whom: 4 },
      { kind: 'deliver', from: 4, to: 0, keep: [368412691] },
      { kind: 'restart', peer: 0 },
      { kind: 'send', peer: 0 },
      { kind: 'leave', peer: 0 },
    ]);
  });

  // Found by the soak: P2, cut by Ada's removal, rotated and wrote in an epoch only its
  // keyring holds; Ada took that blob (without effect) and depended on it. Ada's linked
  // laptop, which cannot open it, waited for it for ever.
  it('a blob past a pin that some cannot open does not hold up what depends on it', async () => {
    await run(3, [
      { kind: 'leave', peer: 2 },
      { kind: 'deliver', from: 2, to: 1, keep: [701937083] },
      { kind: 'send', peer: 1 },
      { kind: 'remove', by: 0, whom: 4 },
      { kind: 'send', peer: 0 },
      { kind: 'link', peer: 0 },
      { kind: 'send', peer: 0 },
    ]);
  });

  // Found by the soak: P4 leaves; P3 sees it and rotates without P4; Ada, not having seen the
  // leave, removes P4 with a lower pin, so the leave is cut and P3's rotation is refused. Its
  // keyring must still be opened by everyone it names, or P3's message in it stays sealed.
  it('a rotation refused once a leave it saw is cut still opens for its keyring', async () => {
    await run(4, [
      { kind: 'leave', peer: 3 },
      { kind: 'deliver', from: 7, to: 2, keep: [268771219] },
      { kind: 'send', peer: 2 },
      { kind: 'send', peer: 0 },
      { kind: 'link', peer: 5 },
      { kind: 'remove', by: 0, whom: 3 },
      { kind: 'send', peer: 0 },
    ]);
  });

  // Found by the soak: P2 leaves while Ada removes P2; P3 sees the leave first and rotates;
  // Ada admits P4. The leave and the removal each pinned P2 consistently with themselves, so
  // peers kept whichever came first, and Ada waited for ever on P2's refused leave.
  it('a leave crossing an admin’s removal of the same person settles the same everywhere', async () => {
    await run(3, [
      { kind: 'leave', peer: 4 },
      { kind: 'remove', by: 0, whom: 4 },
      { kind: 'deliver', from: 4, to: 2, keep: [1141101391] },
      { kind: 'send', peer: 0 },
      { kind: 'send', peer: 2 },
      { kind: 'join', by: 0 },
    ]);
  });
  // Found by the soak (seed 437878532): Ada removes P3, whose admission of P5 and the epoch
  // started for P5 are cut by the pin. Ada's last rotation depends on P3's next blob, sealed in
  // that epoch: Ada holds it, Ada's laptop (not in its keyring) never will. The two placed
  // Ada's rotation differently, so of the two concurrent rotations each kept another one
  // current. A dep past a pin no longer places the blob that names it.
  it('a dep past a pin that only some peers hold places nothing: concurrent rotations order the same', async () => {
    await run(
      3,
      [
        { kind: 'link', peer: 0 },
        { kind: 'join', by: 2 },
        { kind: 'send', peer: 2 },
        { kind: 'remove', by: 0, whom: 2 },
        { kind: 'restart', peer: 0 },
        { kind: 'deliver', from: 0, to: 0, keep: [] }, // nothing: only the clock moves on
        { kind: 'leave', peer: 1 },
        { kind: 'send', peer: 1 },
      ],
      'from-join',
    );
  });
  // Found by the soak (seed 1267910421) with an attempted fix for the known bug above, which
  // let a cut admission name its device: P2 admits P5, who writes; Ada's new laptop removes P2
  // without having seen any of P2's blobs, so the pin cuts P5's admission. A rebuild met P5's
  // message before the removal, where the admission still counted, and showed it.
  it('a device whose admission a pin cuts stays without effect through a rebuild', async () => {
    await run(3, [
      { kind: 'join', by: 0 },
      { kind: 'join', by: 1 },
      { kind: 'deliver', from: 0, to: 0, keep: [] }, // nothing: only the clock moves on
      { kind: 'send', peer: 4 },
      { kind: 'unlink', by: 0, whom: 0 },
      { kind: 'link', peer: 0 },
      { kind: 'remove', by: 5, whom: 1 },
    ]);
  });
  // Found by the soak (seed 208648903) with the same attempted fix: P3, removed with a pin
  // before all of it, admits P5 past the pin, in a blob sealed with an epoch that P6 (who
  // joined later) cannot open. Ada took P5's blobs as a named device's and depended on them;
  // P6 could never learn who P5 is, so it waited for Ada's last message for ever.
  it('a member never depends on a device that a newcomer cannot learn of (from join)', async () => {
    await run(
      3,
      [
        { kind: 'remove', by: 0, whom: 5 },
        { kind: 'join', by: 2 },
        { kind: 'join', by: 6 },
        { kind: 'send', peer: 0 },
        { kind: 'deliver', from: 0, to: 0, keep: [] },
        { kind: 'join', by: 0 },
        { kind: 'send', peer: 4 },
        { kind: 'send', peer: 0 },
      ],
      'from-join',
    );
  });
  // Found by the soak on 2026-11-23 (seed 1320348999, about 1 run in 2,000; also on c27226c,
  // before that day's change): Ada admits P5, who writes; Ada's last message depends on P5's.
  // Ada's admission of P5 turns out void (it crossed P2's rotation), so every peer holds P5's
  // blobs back as an unknown device's (`device:`), and Ada's last message waited for P5's first
  // blob (`pos:`) for ever. A dep on a void admission's chain no longer waits (`voidChains`).
  it('after crossed admissions every member gets the last message (from join)', async () => {
    await run(
      3,
      [
        { kind: 'join', by: 0 },
        { kind: 'join', by: 0 },
        { kind: 'deliver', from: 3, to: 1, keep: [549905133, 277306174] },
        { kind: 'join', by: 4 },
        { kind: 'deliver', from: 4, to: 0, keep: [1697008667] },
        { kind: 'send', peer: 0 },
        { kind: 'send', peer: 7 },
        { kind: 'overreach', by: 0, whom: 0, promote: false },
        { kind: 'overreach', by: 0, whom: 0, promote: false },
        { kind: 'deliver', from: 0, to: 0, keep: [] },
      ],
      'from-join',
    );
  });

  // Found by the soak on 2026-11-23 (eleventh session; seed 711924683, 1 run in ~900, also on
  // 587fc5d): the known bug above in another form. P2 links P2', and Ada removes P2 with a pin
  // that cuts the link: for everyone else P2' was never in, so they hold its blobs
  // (`device:`), while P2' counts itself in, rotates, and holds Ada's later blobs back.
  it.fails('known bug: a link cut by a removal leaves the linked device apart (all)', async () => {
    await run(
      3,
      [
        { kind: 'link', peer: 1 },
        { kind: 'join', by: 0 },
        { kind: 'unlink', by: 3, whom: 6 },
        { kind: 'send', peer: 4 },
        { kind: 'deliver', from: 4, to: 0, keep: [1736106761] },
        { kind: 'send', peer: 0 },
        { kind: 'send', peer: 0 },
        { kind: 'heal' },
        { kind: 'remove', by: 0, whom: 1 },
        { kind: 'deliver', from: 0, to: 0, keep: [] },
      ],
      'all',
    );
  });
  // Found by the same soak (seed 1327197582, also on 587fc5d). It looked like a leak: P6,
  // never in the group, held an epoch whose keyring does not name it. It is the check's: P3,
  // letting P6 in, started an epoch with the same id as P2's (the tests' seeded random
  // repeats), refused as 'epoch-taken'. P6 holds P3's, started for it; the record is P2's.
  it('an epoch id two rotations chose does not confuse the check of who holds what (from join)', async () => {
    await run(
      3,
      [
        { kind: 'join', by: 4 },
        { kind: 'restart', peer: 6 },
        { kind: 'join', by: 5 },
        { kind: 'join', by: 7 },
        { kind: 'overreach', by: 0, whom: 0, promote: false },
        { kind: 'partition', side: [] },
        { kind: 'send', peer: 0 },
        { kind: 'deliver', from: 0, to: 0, keep: [] },
        { kind: 'send', peer: 0 },
      ],
      'from-join',
    );
  });
});
