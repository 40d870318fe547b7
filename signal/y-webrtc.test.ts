import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { expectEmpty, startServer, type Started, TestClient, waitFor } from './testing.ts';

// The stock y-webrtc client (its SignalingConn, through a WebrtcProvider) against our server.
// Node 20 has no WebSocket global; y-webrtc's lib0 client expects one. No WebRTC here, so the
// test never sends the provider an `announce` (it would try to open a peer connection): it
// checks the frames y-webrtc sends reach another subscriber, and that ours reach y-webrtc.

const hadWebSocket = 'WebSocket' in globalThis;
let started: Started;

beforeAll(async () => {
  if (!hadWebSocket) {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  }
  started = await startServer();
});

afterAll(async () => {
  await started.server.close();
  if (!hadWebSocket) delete (globalThis as { WebSocket?: unknown }).WebSocket;
});

/** The provider's signaling connection, as y-webrtc types it loosely. */
type SignalingConnLike = {
  connected: boolean;
  on(name: 'message', f: (message: Record<string, unknown>) => void): void;
};

describe('the stock y-webrtc client', () => {
  it('subscribes, announces through our server, and receives what others publish', async () => {
    const { server, lines } = started;
    const room = 'fellows-test-room';
    const other = await TestClient.open(server.url);
    other.send({ type: 'subscribe', topics: [room] });
    await other.roundTrip();

    const doc = new Y.Doc();
    const provider = new WebrtcProvider(room, doc, { signaling: [server.url], peerOpts: {} });
    const conn = provider.signalingConns[0] as unknown as SignalingConnLike;
    const seenByYwebrtc: Record<string, unknown>[] = [];
    conn.on('message', (m) => seenByYwebrtc.push(m));

    // y-webrtc subscribes to its room and announces itself; we see the announce, relayed.
    const [announce] = await other.waitForPublish(room, 1);
    const peerId = (provider.room as unknown as { peerId: string }).peerId;
    expect(announce).toEqual({
      type: 'publish',
      topic: room,
      data: { type: 'announce', from: peerId },
      clients: 2,
    });
    expect(conn.connected).toBe(true);
    expect(server.stats()).toMatchObject({ connections: 2, topics: 1, subscriptions: 2 });

    // What another client publishes reaches y-webrtc's handler, parsed, with `clients`.
    // (A signal addressed to someone else: y-webrtc reads it and, correctly, ignores it.)
    const signal = { type: 'signal', from: 'other', to: 'someone-else', signal: {} };
    other.send({ type: 'publish', topic: room, data: signal });
    const fromOther = (m: Record<string, unknown>) =>
      (m.data as { from?: unknown }).from === 'other';
    await waitFor(() => seenByYwebrtc.some(fromOther), 'y-webrtc to receive');
    expect(seenByYwebrtc.find(fromOther)).toEqual({
      type: 'publish',
      topic: room,
      data: signal,
      clients: 2,
    });
    // Its own announce came back too, as from y-webrtc's own server; its client drops it.
    expect(seenByYwebrtc).toContainEqual({ ...announce });

    // Leaving: y-webrtc closes its socket; the server frees its subscription.
    provider.disconnect();
    provider.destroy();
    doc.destroy();
    await waitFor(() => server.stats().connections === 1, 'y-webrtc to disconnect');
    expect(server.stats()).toMatchObject({ topics: 1, subscriptions: 1 });
    await other.close();
    await expectEmpty(server);
    expect(lines).toEqual([]);
  });

  it('with a room password, relays its encrypted announce untouched', async () => {
    const { server, lines } = started;
    const room = 'fellows-test-room-with-password';
    const other = await TestClient.open(server.url);
    other.send({ type: 'subscribe', topics: [room] });
    await other.roundTrip();

    const doc = new Y.Doc();
    const provider = new WebrtcProvider(room, doc, {
      signaling: [server.url],
      password: 'derived-from-the-epoch-secret',
      peerOpts: {},
    });
    const [announce] = await other.waitForPublish(room, 1);
    expect(announce).toMatchObject({ type: 'publish', topic: room, clients: 2 });
    expect(announce!.data).toMatch(/^[A-Za-z0-9+/]+=*$/); // sealed by y-webrtc, opaque to us

    provider.disconnect();
    provider.destroy();
    doc.destroy();
    await other.close();
    await expectEmpty(server);
    expect(lines).toEqual([]);
  });
});
