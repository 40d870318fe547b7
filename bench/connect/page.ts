// The page side of the connect bench (bench/connect.bench.ts): enters a room either with the
// app's own room code (renderer/src/sync/webrtc-host.ts, which heals stuck connections) or
// with plain y-webrtc, and says how many peers it is linked with.
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { healed } from '../../renderer/src/sync/stuck-peers.ts';
import { joinRoom } from '../../renderer/src/sync/webrtc-host.ts';

type Entered = { linked(): number; leave(): void };

const host = {
  heads: () => new Map<number, number>(),
  blobsAfter: () => Promise.resolve([]),
  receive: () => Promise.resolve(),
  receiveRange: () => Promise.resolve(),
  roomHeads: () => Promise.resolve(),
  roomPresence: () => Promise.resolve(),
};

function enterFellows(room: string, url: string, device: string): Entered {
  const link = joinRoom(
    {
      room,
      password: `pw-${room}`,
      signaling: [url],
      group: 'bench',
      epoch: 0,
      device,
      clientId: 1,
    },
    host,
    { iceServers: [], persistHeads: false },
  );
  // A peer counts once its blob channel is open: the app can sync with it.
  return {
    linked: () => link.status().peers,
    leave: () => {
      link.close();
    },
  };
}

function enterPlain(room: string, url: string): Entered {
  const provider = new WebrtcProvider(room, new Y.Doc(), {
    signaling: [url],
    password: `pw-${room}`,
    peerOpts: { config: { iceServers: [] } },
  });
  type Conns = { room: { webrtcConns: Map<string, { connected: boolean }> } | null };
  return {
    linked: () =>
      [...((provider as unknown as Conns).room?.webrtcConns.values() ?? [])].filter(
        (conn) => conn.connected,
      ).length,
    leave: () => {
      provider.destroy();
    },
  };
}

let current: Entered | null = null;

Object.assign(window, {
  enter(kind: 'fellows' | 'plain', room: string, url: string, device: string) {
    current = kind === 'fellows' ? enterFellows(room, url, device) : enterPlain(room, url);
  },
  linked: () => current?.linked() ?? 0,
  healed,
  leave() {
    current?.leave();
    current = null;
  },
});
