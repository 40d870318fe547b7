import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentChangeError } from './engine.ts';
import type { Sealer } from '../storage/sealer.ts';
import { picture, restartedEngine, testSealer } from './testing.ts';
import {
  foundGroup,
  join,
  memberNames,
  syncAll,
  testClock,
  transcript,
  type Peer,
  type TestGroup,
} from '../testing/group-peers.ts';

// Runs per `npm test`; raise with FELLOWS_PROPERTY_RUNS for a longer soak.
const RUNS = Math.max(200, Number(process.env.FELLOWS_PROPERTY_RUNS ?? 0));

type Step =
  | { kind: 'send'; peer: number; text: string }
  | { kind: 'edit'; peer: number; pick: number }
  | { kind: 'delete'; peer: number; pick: number }
  | { kind: 'react'; peer: number; pick: number; emoji: string; on: boolean }
  | { kind: 'deliver'; from: number; to: number; keep: number[]; duplicate: boolean }
  | { kind: 'join'; by: number }
  | { kind: 'partition'; side: number[] }
  | { kind: 'heal' }
  | { kind: 'restart'; peer: number }
  | { kind: 'snapshot'; peer: number }
  | { kind: 'restore'; peer: number };

const peerIndex = fc.nat(5);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      peer: peerIndex,
      text: fc.string({ minLength: 1, maxLength: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), peer: peerIndex, pick: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), peer: peerIndex, pick: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('react' as const),
      peer: peerIndex,
      pick: fc.nat(),
      emoji: fc.constantFrom('👍', '🎉', '❤️'),
      on: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: peerIndex,
      to: peerIndex,
      keep: fc.array(fc.nat(), { maxLength: 8 }),
      duplicate: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const), by: peerIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('partition' as const),
      side: fc.array(peerIndex, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'heal' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), peer: peerIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('snapshot' as const), peer: peerIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), peer: peerIndex }) },
);

/** A peer restarts: a new engine over the same stored log (rebuilt from ciphertext). */
async function restart(
  group: TestGroup,
  peer: Peer,
  clock: () => number,
  n: number,
): Promise<void> {
  const engine = await restartedEngine(group, peer, clock, n);
  await engine.rebuild();
  peer.engine = engine;
}

/**
 * A peer restarts from its sealed snapshot (if it saved one) plus the newer blobs of its
 * log, and must hold exactly what a full replay of that log gives.
 */
async function restore(
  group: TestGroup,
  peer: Peer,
  clock: () => number,
  n: number,
  sealer: Sealer,
): Promise<void> {
  const engine = await restartedEngine(group, peer, clock, n);
  await engine.loadSnapshot(sealer);
  const replay = await restartedEngine(group, peer, clock, n + 100);
  await replay.rebuild();
  expect(picture({ ...peer, engine }), peer.name).toEqual(picture({ ...peer, engine: replay }));
  peer.engine = engine;
}

async function run(initialPeers: number, steps: Step[]): Promise<void> {
  const clock = testClock();
  const sealer = await testSealer(1);
  const saved: Peer[] = [];
  const group = await foundGroup(clock.now);
  let nextPerson = 2;
  for (let i = 1; i < initialPeers; i++) {
    await join(group, group.peers[0]!, nextPerson, `P${nextPerson}`, clock.now);
    nextPerson++;
  }
  const sent: string[] = [];
  let partition: Set<number> | null = null;
  const reachable = (a: number, b: number) =>
    partition === null || partition.has(a) === partition.has(b);
  const peerAt = (i: number) => group.peers[i % group.peers.length]!;
  const ownMessage = (peer: Peer, pick: number) => {
    const mine = peer.engine
      .messageIds()
      .filter((id) => peer.engine.message(id)?.author === peer.engine.core().me.clientId);
    return mine[pick % Math.max(1, mine.length)];
  };
  const anyMessage = (peer: Peer, pick: number) => {
    const ids = peer.engine.messageIds();
    return ids[pick % Math.max(1, ids.length)];
  };
  const allowRefusal = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      // Editing a deleted message and the like are refused locally, as the UI would be.
      if (!(error instanceof ContentChangeError)) throw error;
    }
  };

  for (const s of steps) {
    clock.advance(7);
    switch (s.kind) {
      case 'send': {
        const peer = peerAt(s.peer);
        // Blank text is refused locally (as the composer would), and then nothing is sent.
        if (s.text.trim() !== '') sent.push(await peer.engine.send({ text: s.text }));
        break;
      }
      case 'edit': {
        const peer = peerAt(s.peer);
        const id = ownMessage(peer, s.pick);
        if (id) await allowRefusal(peer.engine.edit(id, `edited ${s.pick}`));
        break;
      }
      case 'delete': {
        const peer = peerAt(s.peer);
        const id = ownMessage(peer, s.pick);
        if (id) await allowRefusal(peer.engine.remove(id));
        break;
      }
      case 'react': {
        const peer = peerAt(s.peer);
        const id = anyMessage(peer, s.pick);
        if (id) await allowRefusal(peer.engine.react(id, s.emoji, s.on));
        break;
      }
      case 'deliver': {
        const fromIndex = s.from % group.peers.length;
        const toIndex = s.to % group.peers.length;
        if (fromIndex === toIndex || !reachable(fromIndex, toIndex)) break;
        const blobs = peerAt(fromIndex).storage.blobs;
        // A random subset in a random order: loss and reordering; repeats duplicate.
        const picked = s.keep
          .map((k) => blobs[k % Math.max(1, blobs.length)])
          .filter((b) => b !== undefined);
        const bytes = picked.map((b) => b.bytes);
        await peerAt(toIndex).engine.receive(s.duplicate ? [...bytes, ...bytes] : bytes);
        break;
      }
      case 'join':
        if (group.peers.length < 6) {
          await join(group, peerAt(s.by), nextPerson, `P${nextPerson}`, clock.now);
          nextPerson++;
        }
        break;
      case 'partition':
        partition = new Set(s.side.map((i) => i % group.peers.length));
        break;
      case 'heal':
        partition = null;
        break;
      case 'restart':
        await restart(group, peerAt(s.peer), clock.now, s.peer);
        break;
      case 'snapshot': {
        const peer = peerAt(s.peer);
        await peer.engine.saveSnapshot(sealer);
        if (!saved.includes(peer)) saved.push(peer);
        break;
      }
      case 'restore': {
        // Mostly a peer that saved a snapshot (an older one, with newer blobs in its log).
        const peer = saved.length > 0 ? saved[s.peer % saved.length]! : peerAt(s.peer);
        await restore(group, peer, clock.now, s.peer, sealer);
        break;
      }
    }
  }

  // Heal everything and let anti-entropy (retransmission) finish.
  await syncAll(group.peers);
  const reference = transcript(group.peers[0]!);
  const members = memberNames(group.peers[0]!);
  for (const peer of group.peers) {
    expect(transcript(peer), peer.name).toEqual(reference);
    expect(memberNames(peer), peer.name).toEqual(members);
    expect(
      peer.engine.core().state.rejections.filter((r) => r.reason !== 'duplicate'),
      peer.name,
    ).toEqual([]);
  }
  // Nothing sent is lost: every message anyone wrote is on every peer.
  const ids = new Set(group.peers[0]!.engine.messageIds());
  for (const id of sent) expect(ids.has(id), `message ${id}`).toBe(true);
  expect(members).toHaveLength(group.peers.length);
}

describe('convergence', () => {
  it(`3–6 peers with random operations, delivery, loss, duplication, partitions, restarts and restores from snapshots converge (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 4 }),
        fc.array(step, { minLength: 5, maxLength: 25 }),
        run,
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
