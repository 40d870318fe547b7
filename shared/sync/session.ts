import { DecodeError } from '../codec/wire.ts';
import { SIGNATURE_BYTES } from '../crypto/ed25519.ts';
import { hexOf } from '../crypto/bytes.ts';
import { logWarn } from '../log.ts';
import { decodeFrame, encodeFrame, rangeFrames } from './frames.ts';

/** The slice of an RTCDataChannel a session needs (a fake in tests). */
export type BlobChannel = {
  send(bytes: Uint8Array): void;
  readonly bufferedAmount: number;
  /** Resolves when the send buffer has drained below the low-water mark. */
  drained(): Promise<void>;
};

/** What a session asks of the local engine. */
export type SessionHost = {
  heads(): Map<number, number> | Promise<Map<number, number>>;
  /** This device's stored blobs of one device after `seq`, ascending. */
  blobsAfter(clientId: number, seq: number): Promise<Uint8Array[]>;
  receive(blobs: Uint8Array[]): Promise<unknown>;
  receiveRange(blobs: Uint8Array[]): Promise<unknown>;
};

/** How many pushed blobs a session remembers, so as not to push them back. */
const ECHO_MEMORY = 1024;

/** Send no more while this much is queued: keeps memory bounded on a slow link. */
export const HIGH_WATER_BYTES = 1024 * 1024;

/**
 * One peer connection's blob sync (DESIGN §6): on open, exchange have-vectors; answer the
 * peer's with per-device ranges of what it lacks (the host bounds each), then `done`; push
 * new blobs at once. After a whole answer, the receiver announces its new have-vector and
 * is answered again from there, until nothing is missing. Announcing only after `done`, not
 * after each range, matters: an answer spans a frame per device behind, and a have-vector
 * sent mid-answer would be answered with what is already on its way (measured: ~8× the
 * history sent for a few devices behind). Hostile frames are dropped with a log line and
 * never stop the session.
 */
export function createSession(channel: BlobChannel, host: SessionHost) {
  let closed = false;
  let announced: string | null = null;
  let heard = false;
  /** The last have-vector we answered: the same one again has nothing new to ask for. */
  let answered: string | null = null;
  /** The peer's last have-vector, to offer it what we gained since (see `offer`). */
  let theirLast: Map<number, number> | null = null;
  /** The ranges received so far, applied: `done` waits for them. */
  let ranges: Promise<unknown> = Promise.resolve();
  const keyOf = (heads: Map<number, number>) => [...heads].sort((a, b) => a[0] - b[0]).join(';');
  const announce = async (force = false) => {
    const heads = await host.heads();
    const key = keyOf(heads);
    // Only when something changed: a peer whose blobs we cannot place yet must not make us
    // ask for the same range forever.
    if (key === announced && !force) return;
    announced = key;
    await enqueue([encodeFrame({ type: 'have', heads })]);
  };
  let sending: Promise<void> = Promise.resolve();
  let queued = 0;
  const enqueue = (frames: Uint8Array[]): Promise<void> => {
    // Nothing waiting and room in the buffer: send now, not a microtask later (a pushed
    // message would otherwise wait for everything else its accepting did).
    const [only] = frames;
    if (queued === 0 && frames.length === 1 && only && channel.bufferedAmount <= HIGH_WATER_BYTES) {
      try {
        if (!closed) channel.send(only);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    queued++;
    sending = sending.then(async () => {
      try {
        for (const frame of frames) {
          if (closed) return;
          if (channel.bufferedAmount > HIGH_WATER_BYTES) await channel.drained();
          channel.send(frame);
        }
      } finally {
        queued--;
      }
    });
    return sending;
  };
  /**
   * Blobs this peer pushed to us lately, by signature: relaying them back would cost it a
   * frame and a hash for nothing. A forgery that copies a signature can only keep the real
   * blob from being pushed back to the peer that sent the forgery.
   */
  const fromPeer = new Set<string>();
  const signatureOf = (blob: Uint8Array) => hexOf(blob, blob.length - SIGNATURE_BYTES);
  const heardFromPeer = (blob: Uint8Array) => {
    if (blob.length < SIGNATURE_BYTES) return;
    if (fromPeer.size >= ECHO_MEMORY) fromPeer.delete(fromPeer.values().next().value ?? '');
    fromPeer.add(signatureOf(blob));
  };

  async function answer(theirs: Map<number, number>): Promise<void> {
    theirLast = theirs;
    const key = keyOf(theirs);
    if (key === answered) return;
    answered = key;
    const frames: Uint8Array[] = [];
    for (const [clientId, head] of await host.heads()) {
      const known = theirs.get(clientId) ?? 0;
      if (head > known) frames.push(...rangeFrames(await host.blobsAfter(clientId, known)));
    }
    if (frames.length === 0) return;
    frames.push(encodeFrame({ type: 'done' }));
    await enqueue(frames);
  }

  return {
    /** Call when the channel opens. */
    open(): Promise<void> {
      return announce();
    },
    /** Call with every message the channel delivers. */
    async onMessage(bytes: Uint8Array): Promise<void> {
      let frame;
      try {
        frame = decodeFrame(bytes);
      } catch (error) {
        logWarn(
          `fellows: dropped a malformed frame from a peer (${error instanceof DecodeError ? error.reason : 'unreadable'})`,
        );
        return;
      }
      switch (frame.type) {
        case 'have':
          // The first `have` each side sends can be lost: a negotiated channel may open on
          // one side before the other has created it. Answering the peer's first `have`
          // with ours guarantees each side hears the other once both are listening.
          if (!heard) {
            heard = true;
            await announce(true);
          }
          await answer(frame.heads);
          return;
        case 'blob':
          heardFromPeer(frame.blob);
          await host.receive([frame.blob]);
          return;
        case 'range': {
          const applied = host.receiveRange(frame.blobs);
          ranges = ranges.then(() => applied).catch(() => undefined);
          await applied;
          return;
        }
        case 'done':
          // Frames are handled concurrently (the channel does not wait for us): the answer's
          // ranges may still be applying, and heads read now would be stale, often the same
          // as last announced, so nothing would be asked and catch-up would stop there.
          await ranges;
          // Tell the peer where we are now, so it can send what this answer did not cover.
          await announce();
          return;
      }
    },
    /**
     * We caught up from someone else: send this peer what it lacked at its last have-vector
     * and we now hold, as ranges (relaying a catch-up blob by blob would cost a frame and a
     * signature check each). Its `done` then brings the exchange up to date.
     */
    async offer(): Promise<void> {
      if (!theirLast || closed) return;
      answered = null;
      await answer(theirLast);
    },
    /** Pushes newly accepted blobs to this peer. */
    push(blobs: Uint8Array[]): Promise<void> {
      const news = blobs.filter((blob) => !fromPeer.has(signatureOf(blob)));
      if (news.length === 0) return Promise.resolve();
      return enqueue(news.map((blob) => encodeFrame({ type: 'blob', blob })));
    },
    close(): void {
      closed = true;
    },
  };
}

export type Session = ReturnType<typeof createSession>;
