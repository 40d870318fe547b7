import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import type { SyncTarget } from '../../../shared/repo/network.ts';
import { createSession, type Session, type SessionHost } from '../../../shared/sync/session.ts';

/** The negotiated id of the blob channel, the same on both sides (MACHINE-NOTES). */
const BLOB_CHANNEL_ID = 7;
const LOW_WATER_BYTES = 256 * 1024;

// y-webrtc's connection objects are not typed; this is the part we touch.
type PeerConn = {
  connected: boolean;
  peer: { _pc: RTCPeerConnection; on(event: 'connect' | 'close', listener: () => void): void };
};
/** How rooms reach peers: the STUN servers the person can see in Settings (none by default). */
export type RoomOptions = { iceServers: RTCIceServer[]; wrtc?: unknown };

type ProviderInternals = { room: { webrtcConns: Map<string, PeerConn> } | null };

/**
 * One group's presence in its room, on the UI thread (WebRTC exists only in a window):
 * y-webrtc finds peers through the group's signaling servers with the derived password; on
 * each connection a second, negotiated data channel carries blobs (never y-webrtc's own doc
 * sync, which refuses large histories, DESIGN §6).
 */
export function joinRoom(target: SyncTarget, host: SessionHost, options: RoomOptions) {
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(target.room, doc, {
    signaling: [...target.signaling],
    password: target.password,
    // `wrtc` only for a Node peer (tests, benchmarks); a window has WebRTC built in.
    peerOpts: {
      config: { iceServers: options.iceServers },
      ...(options.wrtc ? { wrtc: options.wrtc } : {}),
    },
  });
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
      session.open().catch((error: unknown) => {
        console.warn('fellows: a peer session could not start', error);
      });
    };
    channel.onmessage = (event: MessageEvent<ArrayBuffer>) => {
      session.onMessage(new Uint8Array(event.data)).catch((error: unknown) => {
        console.warn('fellows: a frame from a peer failed', error);
      });
    };
    channel.onclose = () => {
      session.close();
      sessions.delete(peerId);
    };
  };

  provider.on('peers', ({ added }: { added: string[] }) => {
    const conns = (provider as unknown as ProviderInternals).room?.webrtcConns;
    for (const peerId of added) {
      const conn = conns?.get(peerId);
      if (!conn) continue;
      if (conn.connected) attach(peerId, conn);
      else
        conn.peer.on('connect', () => {
          attach(peerId, conn);
        });
    }
  });

  return {
    broadcast(blobs: Uint8Array[]) {
      for (const session of sessions.values()) {
        session.push(blobs).catch((error: unknown) => {
          console.warn('fellows: pushing to a peer failed', error);
        });
      }
    },
    peers: () => sessions.size,
    close() {
      for (const session of sessions.values()) session.close();
      provider.destroy();
      doc.destroy();
    },
  };
}
