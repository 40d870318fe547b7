import { base64nopad } from '@scure/base';
import { WebrtcProvider } from 'y-webrtc';
import type { LinkHost, SyncTarget } from '../../../shared/repo/network.ts';
import { MAX_PRESENCE_BYTES } from '../../../shared/sync/presence.ts';
import { createSession, type Session } from '../../../shared/sync/session.ts';
import { countPeerConnections } from './connections-made.ts';
import { createHeadsDoc } from './heads-doc.ts';
import { guardRoom, guardSignalingConn } from './signal-guard.ts';
import {
  closeQuietly,
  closeStuck,
  dropPendingOnAnnounce,
  leaveQuietlyOnUnload,
  type PendingConn,
  type UnloadingRoom,
  type Watched,
} from './stuck-peers.ts';
import { warnFailed } from './warn.ts';

/** The negotiated id of the blob channel, the same on both sides (MACHINE-NOTES). */
const BLOB_CHANNEL_ID = 7;
const LOW_WATER_BYTES = 256 * 1024;
/** How often unopened connections are checked for a stalled offer/answer (stuck-peers.ts). */
const STUCK_CHECK_MS = 1000;

// y-webrtc's connection objects are not typed; this is the part we touch.
type PeerConn = PendingConn & {
  peer: { _pc: RTCPeerConnection; on(event: 'connect' | 'close', listener: () => void): void };
};
/** How rooms reach peers: the STUN servers the person can see in Settings (none by default). */
export type RoomOptions = {
  iceServers: RTCIceServer[];
  /** A Node peer's WebRTC (tests, benchmarks); a window has its own. */
  wrtc?: unknown;
  /** Keep the heads doc in IndexedDB (default); a Node peer has none. */
  persistHeads?: boolean;
};

type ProviderInternals = {
  key: PromiseLike<CryptoKey | null>;
  room: (UnloadingRoom & { webrtcConns: Map<string, PeerConn> }) | null;
  signalingConns: { url: string; connected: boolean }[];
};

/** What the status bar and sync panel show of one room. */
export type RoomStatus = {
  /** Peers with an open blob channel: members we are syncing with now. */
  peers: number;
  signaling: { url: string; connected: boolean }[];
};

/**
 * One group's presence in its room, on the UI thread (WebRTC exists only in a window):
 * y-webrtc finds peers through the group's signaling servers with the derived password; on
 * each connection a second, negotiated data channel carries blobs (never y-webrtc's own doc
 * sync, which refuses large histories, DESIGN §6).
 */
export function joinRoom(target: SyncTarget, host: LinkHost, options: RoomOptions) {
  const headsDoc = createHeadsDoc(target, host, { persist: options.persistHeads ?? true });
  const doc = headsDoc.doc;
  let closed = false;
  let provider: WebrtcProvider | null = null;
  /** y-webrtc's connections in the room, by peer id (none before it starts). */
  const peerConns = () => (provider as unknown as ProviderInternals | null)?.room?.webrtcConns;
  let unguard: () => void = () => undefined;
  let stuckCheck: ReturnType<typeof setInterval> | undefined;
  let forgetOnUnload: () => void = () => undefined;
  const sessions = new Map<string, Session>();

  const attach = (peerId: string, conn: PeerConn) => {
    const channel = conn.peer._pc.createDataChannel('fellows-blobs', {
      negotiated: true,
      id: BLOB_CHANNEL_ID,
    });
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = LOW_WATER_BYTES;
    const session = createSession(
      {
        send: (bytes) => {
          if (channel.readyState === 'open') channel.send(bytes as Uint8Array<ArrayBuffer>);
        },
        get bufferedAmount() {
          return channel.bufferedAmount;
        },
        drained: () =>
          new Promise<void>((resolve) => {
            channel.addEventListener(
              'bufferedamountlow',
              () => {
                resolve();
              },
              { once: true },
            );
          }),
      },
      host,
    );
    sessions.set(peerId, session);
    channel.onopen = () => {
      session.open().catch(warnFailed('starting a peer session'));
    };
    channel.onmessage = (event: MessageEvent<ArrayBuffer>) => {
      session.onMessage(new Uint8Array(event.data)).catch(warnFailed('a frame from a peer'));
    };
    channel.onclose = () => {
      session.close();
      sessions.delete(peerId);
    };
  };

  let presence: string | null = null;
  const start = () => {
    if (closed) return;
    const room = new WebrtcProvider(target.room, doc, {
      signaling: [...target.signaling],
      password: target.password,
      // `wrtc` only for a Node peer (tests, benchmarks); a window has WebRTC built in.
      peerOpts: {
        config: { iceServers: options.iceServers },
        ...(options.wrtc ? { wrtc: options.wrtc } : {}),
      },
    });
    provider = room;
    const internals = room as unknown as ProviderInternals;
    // Only well-formed, decryptable, never-seen signaling reaches y-webrtc (signal-guard.ts);
    // an announce first lets go of a connection to its sender that never opened.
    unguard = guardRoom(target.room, internals.key, (from) => {
      const pending = peerConns();
      if (pending) dropPendingOnAnnounce(pending, from);
    });
    // y-webrtc makes its Room, and the room's unload handler, once the key is derived.
    void internals.key.then(() => {
      if (!closed && internals.room)
        forgetOnUnload = leaveQuietlyOnUnload(internals.room, peerConns);
    });
    const watched: Watched = new WeakMap();
    stuckCheck = setInterval(() => {
      const pending = peerConns();
      if (pending) closeStuck(pending, watched, Date.now());
    }, STUCK_CHECK_MS);
    for (const conn of internals.signalingConns) guardSignalingConn(conn);
    if (presence !== null) room.awareness.setLocalStateField('p', presence);
    // Presence: every other device's sealed awareness state, as opaque bytes for the engine.
    const awareness = room.awareness;
    awareness.on('change', () => {
      const states: Uint8Array[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const sealed = (state as { p?: unknown }).p;
        if (clientId === awareness.clientID || typeof sealed !== 'string') continue;
        if (sealed.length > (MAX_PRESENCE_BYTES * 4) / 3 + 4) continue;
        try {
          states.push(base64nopad.decode(sealed));
        } catch {
          // Not ours to read: someone in the room wrote garbage.
        }
      }
      host.roomPresence(states).catch(warnFailed('reading presence'));
    });

    room.on('peers', ({ added }: { added: string[] }) => {
      countPeerConnections(added.length);
      for (const peerId of added) {
        const conn = peerConns()?.get(peerId);
        if (!conn) continue;
        if (conn.connected) attach(peerId, conn);
        else
          conn.peer.on('connect', () => {
            attach(peerId, conn);
          });
      }
    });
  };
  void headsDoc.ready.then(start);

  return {
    broadcast(blobs: Uint8Array[]) {
      for (const session of sessions.values()) {
        session.push(blobs).catch(warnFailed('pushing to a peer'));
      }
    },
    offer() {
      for (const session of sessions.values())
        session.offer().catch(warnFailed('offering a catch-up'));
    },
    publishHeads(record: Uint8Array) {
      headsDoc.publish(record);
    },
    setPresence(state: Uint8Array) {
      presence = base64nopad.encode(state);
      provider?.awareness.setLocalStateField('p', presence);
    },
    status(): RoomStatus {
      const conns = provider
        ? (provider as unknown as ProviderInternals).signalingConns
        : target.signaling.map((url) => ({ url, connected: false }));
      return {
        peers: sessions.size,
        signaling: conns.map((conn) => ({ url: conn.url, connected: conn.connected })),
      };
    },
    close(forget = false) {
      closed = true;
      clearInterval(stuckCheck);
      for (const session of sessions.values()) session.close();
      // Ours to close first, quietly: y-webrtc's own closing would subscribe the room again.
      for (const conn of peerConns()?.values() ?? []) closeQuietly(conn);
      provider?.destroy();
      forgetOnUnload();
      unguard();
      headsDoc.destroy(forget);
    },
  };
}
