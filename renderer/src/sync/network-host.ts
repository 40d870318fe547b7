import * as Comlink from 'comlink';
import type { SyncTarget } from '../../../shared/repo/network.ts';
import type { SessionHost } from '../../../shared/sync/session.ts';
import { signalPubSub } from './pubsub.ts';
import { joinRoom, type RoomOptions } from './webrtc-host.ts';

/**
 * The network, served from the UI thread to the sync-engine worker over Comlink: rooms
 * (WebRTC) and the signaling pub/sub. Only the servers a group names are ever contacted.
 */
export function createNetworkHost(options: RoomOptions) {
  const rooms = new Map<number, ReturnType<typeof joinRoom>>();
  const pubsub = signalPubSub();
  const unsubscribers = new Map<number, () => void>();
  let next = 0;
  const host = {
    connect(target: SyncTarget, sessionHost: SessionHost): number {
      const id = ++next;
      rooms.set(id, joinRoom(target, sessionHost, options));
      return id;
    },
    broadcast(id: number, blobs: Uint8Array[]): void {
      rooms.get(id)?.broadcast(blobs);
    },
    close(id: number): void {
      rooms.get(id)?.close();
      rooms.delete(id);
    },
    subscribe(urls: string[], topic: string, listener: (bytes: Uint8Array) => void): number {
      const id = ++next;
      unsubscribers.set(id, pubsub.subscribe(urls, topic, listener));
      return id;
    },
    unsubscribe(id: number): void {
      unsubscribers.get(id)?.();
      unsubscribers.delete(id);
    },
    publish(urls: string[], topic: string, bytes: Uint8Array): void {
      pubsub.publish(urls, topic, bytes);
    },
    peers: () => [...rooms.values()].reduce((n, room) => n + room.peers(), 0),
  };
  return host;
}

export type NetworkHost = ReturnType<typeof createNetworkHost>;
export { Comlink };
