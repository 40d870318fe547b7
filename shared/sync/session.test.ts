import { describe, expect, it, vi } from 'vitest';
import { foundGroup, join, testClock, transcript, type Peer } from '../testing/group-peers.ts';
import { encodeFrame, MAX_FRAME_BYTES, rangeFrames, decodeFrame } from './frames.ts';
import { createSession, type BlobChannel, type Session } from './session.ts';

/** A pair of in-memory channels, delivering asynchronously like a data channel. */
function channelPair(): [
  BlobChannel & { deliver: (s: Session) => void },
  BlobChannel & { deliver: (s: Session) => void },
] {
  const make = () => {
    let peer: Session | null = null;
    let queue: Promise<void> = Promise.resolve();
    const channel = {
      bufferedAmount: 0,
      drained: () => Promise.resolve(),
      send: (bytes: Uint8Array) => {
        const copy = bytes.slice();
        queue = queue.then(() => peer?.onMessage(copy));
      },
      deliver: (session: Session) => {
        peer = session;
      },
    };
    return channel;
  };
  return [make(), make()];
}

function hostOf(peer: Peer) {
  return {
    heads: () => peer.engine.heads(),
    blobsAfter: (clientId: number, seq: number) =>
      Promise.resolve(
        peer.storage.blobs
          .filter((b) => b.clientId === clientId && b.seq > seq)
          .sort((a, b) => a.seq - b.seq)
          .map((b) => b.bytes),
      ),
    receive: (blobs: Uint8Array[]) => peer.engine.receive(blobs),
    receiveRange: (blobs: Uint8Array[]) => peer.engine.receiveRange(blobs),
  };
}

async function connect(a: Peer, b: Peer) {
  const [toB, toA] = channelPair();
  const sa = createSession(toB, hostOf(a));
  const sb = createSession(toA, hostOf(b));
  toB.deliver(sb);
  toA.deliver(sa);
  a.engine.events.on('blob', (blob) => void sa.push([blob.bytes]));
  b.engine.events.on('blob', (blob) => void sb.push([blob.bytes]));
  await Promise.all([sa.open(), sb.open()]);
  return { sa, sb };
}

async function until(condition: () => boolean, what: string) {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('blob sync session', () => {
  it('catches a peer up by ranges, then pushes new blobs as they are written', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const ada = group.peers[0]!;
    for (let i = 0; i < 40; i++) await ada.engine.send({ text: `history ${i}` });
    const bo = await join(group, ada, 2, 'Bo', clock.now);
    // Bo starts with only what admission gave him; the session brings the rest.
    await connect(ada, bo);
    await until(() => bo.engine.messageCount() === 40, 'catch-up');
    await ada.engine.send({ text: 'live' });
    await bo.engine.send({ text: 'and back' });
    await until(
      () => ada.engine.messageCount() === 42 && bo.engine.messageCount() === 42,
      'live push',
    );
    expect(transcript(bo)).toEqual(transcript(ada));
  });

  it('pushes a new blob at once, and never back to the peer it came from', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const ada = group.peers[0]!;
    const bo = await join(group, ada, 2, 'Bo', clock.now);
    const [toB, toA] = channelPair();
    const blobFrames = { toB: 0, toA: 0 };
    const count = (channel: BlobChannel, key: keyof typeof blobFrames): BlobChannel => ({
      ...channel,
      send: (bytes) => {
        if (decodeFrame(bytes).type === 'blob') blobFrames[key]++;
        channel.send(bytes);
      },
    });
    const sa = createSession(count(toB, 'toB'), hostOf(ada));
    const sb = createSession(count(toA, 'toA'), hostOf(bo));
    toB.deliver(sb);
    toA.deliver(sa);
    // Both relay whatever they accept, as the repo does.
    let sentAtOnce = 0;
    ada.engine.events.on('blob', (blob) => {
      void sa.push([blob.bytes]);
      sentAtOnce = blobFrames.toB;
    });
    bo.engine.events.on('blob', (blob) => void sb.push([blob.bytes]));
    await Promise.all([sa.open(), sb.open()]);
    await ada.engine.send({ text: 'hello' });
    // On the wire before `push` returned, not a microtask later.
    expect(sentAtOnce).toBe(1);
    await until(() => bo.engine.messageCount() === 1, 'delivery');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Bo accepted it and relays what he accepts, but not to Ada, who sent it.
    expect(blobFrames.toA).toBe(0);
    await bo.engine.send({ text: 'hi' });
    await until(() => ada.engine.messageCount() === 2, 'reply');
    expect(blobFrames).toEqual({ toB: 1, toA: 1 });
  });

  it('syncs both ways even when the first frame is lost and one side starts empty', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const ada = group.peers[0]!;
    for (let i = 0; i < 5; i++) await ada.engine.send({ text: `m${i}` });
    const bo = await join(group, ada, 2, 'Bo', clock.now);
    await bo.engine.send({ text: 'from Bo' });
    const [toB, toA] = channelPair();
    const sa = createSession(toB, hostOf(ada));
    const sb = createSession(toA, hostOf(bo));
    // Ada's channel opens first and her `have` goes nowhere: Bo is not listening yet.
    await sa.open();
    toB.deliver(sb);
    toA.deliver(sa);
    await sb.open();
    await until(
      () => bo.engine.messageCount() === 6 && ada.engine.messageCount() === 6,
      'both ways',
    );
    expect(transcript(bo)).toEqual(transcript(ada));
  });

  it('drops malformed frames with a log line and keeps going', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const ada = group.peers[0]!;
    const sent: Uint8Array[] = [];
    const session = createSession(
      { send: (b) => sent.push(b), bufferedAmount: 0, drained: () => Promise.resolve() },
      hostOf(ada),
    );
    for (const junk of [
      new Uint8Array([9, 9, 9]),
      new Uint8Array(MAX_FRAME_BYTES + 1),
      new Uint8Array([1, 7]),
    ]) {
      await session.onMessage(junk);
    }
    expect(warn).toHaveBeenCalledTimes(3);
    await session.onMessage(encodeFrame({ type: 'have', heads: new Map() }));
    // It answers with its own have-vector, then the ranges the peer lacks, then `done`.
    expect(sent.map((frame) => decodeFrame(frame).type)).toEqual(['have', 'range', 'done']);
    // The same have-vector again asks for nothing new: no second answer.
    await session.onMessage(encodeFrame({ type: 'have', heads: new Map() }));
    expect(sent).toHaveLength(3);
  });

  it('waits for the send buffer to drain instead of queueing without bound', async () => {
    const clock = testClock();
    const group = await foundGroup(clock.now);
    const ada = group.peers[0]!;
    let buffered = 2 * 1024 * 1024;
    let release: () => void = () => undefined;
    const sent: Uint8Array[] = [];
    const session = createSession(
      {
        send: (b) => sent.push(b),
        get bufferedAmount() {
          return buffered;
        },
        drained: () =>
          new Promise<void>((resolve) => {
            release = () => {
              buffered = 0;
              resolve();
            };
          }),
      },
      hostOf(ada),
    );
    const pushed = session.push([new Uint8Array(10)]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toHaveLength(0);
    release();
    await pushed;
    expect(sent).toHaveLength(1);
  });

  it('cuts a long chain into ranges that each fit a frame', () => {
    const blobs = Array.from({ length: 20 }, () => new Uint8Array(30_000));
    const frames = rangeFrames(blobs);
    expect(frames.length).toBeGreaterThan(2);
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(
      frames.flatMap((f) => {
        const d = decodeFrame(f);
        return d.type === 'range' ? d.blobs : [];
      }),
    ).toHaveLength(20);
  });
});
