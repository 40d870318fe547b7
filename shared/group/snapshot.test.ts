import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { utf8 } from '../crypto/bytes.ts';
import { SealedDataError } from '../storage/sealer.ts';
import {
  deliverAll,
  foundGroup,
  join,
  syncAll,
  testClock,
  type Peer,
  type TestGroup,
} from '../testing/group-peers.ts';
import { seeded } from '../testing/people.ts';
import { createGroupEngine } from './engine.ts';
import { encodeSnapshot, SNAPSHOT_LABEL, SNAPSHOT_RECORD } from './snapshot.ts';
import { picture, restartedEngine, testSealer } from './testing.ts';

let group: TestGroup;
let ada: Peer;
let bo: Peer;
const clock = testClock();

async function talk(peers: Peer[], rounds: number, tag: string): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const peer of peers) {
      clock.advance(10);
      const id = await peer.engine.send({ text: `${tag} ${peer.name} ${round}` });
      if (round % 3 === 1) await peer.engine.edit(id, `${tag} ${peer.name} ${round} (fixed)`);
      if (round % 5 === 4) await peer.engine.remove(id);
    }
    await syncAll(group.peers);
    const ids = ada.engine.messageIds();
    await bo.engine.react(ids[round % ids.length]!, '👍', round % 2 === 0);
    await ada.engine.send({ text: `${tag} reply ${round}`, replyTo: ids[ids.length - 1]! });
  }
  await syncAll(group.peers);
}

beforeEach(async () => {
  group = await foundGroup(clock.now);
  ada = group.peers[0]!;
  bo = await join(group, ada, 2, 'Bo', clock.now);
  await talk([ada, bo], 6, 'before');
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Ada restarted from her stored log only, for comparison. */
async function replayed(): Promise<Peer> {
  const engine = await restartedEngine(group, ada, clock.now, 90);
  await engine.rebuild();
  return { ...ada, engine };
}

describe('sealed snapshot', () => {
  it('restarting from a snapshot plus newer blobs equals a full replay of the log', async () => {
    const sealer = await testSealer(1);
    await ada.engine.saveSnapshot(sealer);
    // After the snapshot: more talk, a new member (a membership op), a new device chain.
    const cy = await join(group, bo, 3, 'Cy', clock.now);
    await talk([ada, bo, cy], 4, 'after');
    const engine = await restartedEngine(group, ada, clock.now, 91);
    const load = await engine.loadSnapshot(sealer);
    expect(load.from).toBe('snapshot');
    expect(load.from === 'snapshot' && load.newer).toBeGreaterThan(0);
    const restored = { ...ada, engine };
    const expected = picture(await replayed());
    expect(picture(restored)).toEqual(expected);
    expect(picture(restored)).toEqual(picture(ada));
    expect(engine.core().state.rejections).toEqual([]);
    // It writes on where it left off: same clientID, later clock, the next seq.
    const me = engine.core().me.clientId;
    expect(engine.core().state.docs.of(0).clientID).toBe(me);
    const id = await engine.send({ text: 'back again' });
    expect(id.startsWith(`${me}:`)).toBe(true);
    ada.engine = engine;
    await deliverAll(ada, bo);
    expect(picture(bo).transcript).toEqual(picture(ada).transcript);
  });

  it('reads only the blobs the snapshot does not cover, when the storage can', async () => {
    const sealer = await testSealer(1);
    await ada.engine.saveSnapshot(sealer);
    const covered = new Map(ada.engine.heads());
    await talk([ada, bo], 2, 'after');
    const loadBlobs = vi.fn(() => ada.storage.loadBlobs());
    const loadBlobsAfter = vi.fn((heads: ReadonlyMap<number, number>) =>
      Promise.resolve(ada.storage.blobs.filter((b) => b.seq > (heads.get(b.clientId) ?? 0))),
    );
    const storage = { ...ada.storage, loadBlobs, loadBlobsAfter };
    const { ed, groupId, genesis, me, now } = ada.engine.core();
    const engine = createGroupEngine({
      ed,
      groupId,
      genesis,
      me,
      now,
      storage,
      random: seeded(94),
    });
    await engine.addEpochSecret(0, group.secret);
    expect(await engine.loadSnapshot(sealer)).toMatchObject({ from: 'snapshot' });
    expect(loadBlobsAfter).toHaveBeenCalledWith(covered);
    expect(loadBlobs).not.toHaveBeenCalled();
    expect(picture({ ...ada, engine })).toEqual(picture(ada));
  });

  it('a snapshot of the last version, each content doc one update, still loads', async () => {
    const sealer = await testSealer(1);
    const plain = encodeSnapshot(ada.engine.core(), 2);
    await ada.storage.putRecord(SNAPSHOT_RECORD, await sealer.seal(plain, SNAPSHOT_LABEL));
    const engine = await restartedEngine(group, ada, clock.now, 97);
    expect(await engine.loadSnapshot(sealer)).toMatchObject({ from: 'snapshot', newer: 0 });
    expect(picture({ ...ada, engine })).toEqual(picture(ada));
  });

  it('a snapshot sealed with another key is not used: the engine replays its log and says why', async () => {
    await ada.engine.saveSnapshot(await testSealer(1));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const engine = await restartedEngine(group, ada, clock.now, 92);
    const load = await engine.loadSnapshot(await testSealer(2));
    expect(load.from).toBe('log');
    expect(load.from === 'log' && load.error).toBeInstanceOf(SealedDataError);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/snapshot not used.*replaying/));
    expect(picture({ ...ada, engine })).toEqual(picture(ada));
  });

  it('without a snapshot, the engine replays its log', async () => {
    const engine = await restartedEngine(group, ada, clock.now, 93);
    expect(await engine.loadSnapshot(await testSealer(1))).toMatchObject({ from: 'log' });
    expect(picture({ ...ada, engine })).toEqual(picture(ada));
  });

  it('nothing readable is stored: no message text in the log or the snapshot', async () => {
    const secret = 'the spare key is under the blue flowerpot';
    await ada.engine.send({ text: secret });
    const sealer = await testSealer(1);
    await ada.engine.saveSnapshot(sealer);
    const stored = [
      ...ada.storage.blobs.map((b) => b.bytes),
      (await ada.storage.getRecord('snapshot'))!,
    ];
    const needle = utf8(secret.slice(0, 16));
    const contains = (hay: Uint8Array) =>
      hay.some((_, i) => needle.every((byte, k) => hay[i + k] === byte));
    expect(stored.filter(contains)).toEqual([]);
    // The check itself works: the plaintext snapshot would contain it.
    expect(contains(await sealer.open(stored.at(-1)!, 'snapshot'))).toBe(true);
  });
});
