import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../sync/frames.ts';
import { createSession, type BlobChannel, type Session } from '../sync/session.ts';
import {
  admitOnly,
  foundGroup,
  join,
  syncAll,
  testClock,
  type Peer,
} from '../testing/group-peers.ts';

/** A data channel to `peer`, delivering in order and asynchronously; counts what it sends. */
function channel(sent: Uint8Array[]) {
  let peer: Session | null = null;
  let queue: Promise<void> = Promise.resolve();
  return {
    bufferedAmount: 0,
    drained: () => Promise.resolve(),
    send(bytes: Uint8Array) {
      sent.push(bytes);
      const copy = bytes.slice();
      queue = queue.then(() => peer?.onMessage(copy));
    },
    to(session: Session) {
      peer = session;
    },
  } satisfies BlobChannel & { to(session: Session): void };
}

/** A session host that serves ranges by chain reads of at most `limit`, as the repo does. */
const host = (peer: Peer, limit: number) => ({
  heads: () => peer.engine.heads(),
  blobsAfter: async (clientId: number, seq: number) =>
    (await peer.storage.loadChainAfter(clientId, seq, limit)).map((b) => b.bytes),
  receive: (blobs: Uint8Array[]) => peer.engine.receive(blobs),
  receiveRange: (blobs: Uint8Array[]) => peer.engine.receiveRange(blobs),
});

describe('catch-up from bounded chain reads', () => {
  it('a peer that lacks a long history gets all of it, each blob sent about once', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const ada = group.peers[0]!;
    for (let i = 0; i < 600; i++) await ada.engine.send({ text: `history ${i}` });
    // Bo holds only what admission gave him: the session must bring him the whole chain.
    const bo = await admitOnly(group, ada, 2, 'Bo', clock.now);
    const fromAda: Uint8Array[] = [];
    const toBo = channel(fromAda);
    const toAda = channel([]);
    const sa = createSession(toBo, host(ada, 50));
    const sb = createSession(toAda, host(bo, 50));
    toBo.to(sb);
    toAda.to(sa);
    await Promise.all([sa.open(), sb.open()]);
    const end = Date.now() + 20_000;
    while (bo.engine.messageCount() < 600 && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(bo.engine.messageCount()).toBe(600);
    expect(bo.engine.heads()).toEqual(ada.engine.heads());
    const ranged = fromAda
      .map(decodeFrame)
      .reduce((n, frame) => n + (frame.type === 'range' ? frame.blobs.length : 0), 0);
    // Answers are asked for one after another, so nothing goes twice but a little overlap.
    expect(ranged).toBeLessThan(1.1 * ada.storage.blobs.length);
  });

  it('several devices behind at once: each blob still goes about once', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const ada = group.peers[0]!;
    const writers = [ada];
    for (let n = 2; n <= 4; n++) writers.push(await join(group, ada, n, `P${n}`, clock.now));
    for (let i = 0; i < 200; i++)
      for (const writer of writers) await writer.engine.send({ text: `m ${i}` });
    // Ada holds everyone's chains (the writers share one network in the fixture).
    await syncAll(group.peers);
    const joiner = await admitOnly(group, ada, 9, 'Joiner', clock.now);
    const total = ada.engine.messageCount();
    const fromAda: Uint8Array[] = [];
    const toJoiner = channel(fromAda);
    const toAda = channel([]);
    const sa = createSession(toJoiner, host(ada, 50));
    const sj = createSession(toAda, host(joiner, 50));
    toJoiner.to(sj);
    toAda.to(sa);
    await Promise.all([sa.open(), sj.open()]);
    const end = Date.now() + 30_000;
    while (joiner.engine.messageCount() < total && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(joiner.engine.messageCount()).toBe(total);
    const ranged = fromAda
      .map(decodeFrame)
      .reduce((n, frame) => n + (frame.type === 'range' ? frame.blobs.length : 0), 0);
    expect(ranged).toBeLessThan(1.1 * ada.storage.blobs.length);
  });
});
