import * as Comlink from 'comlink';
import type { LinkHost, SyncTarget } from '../../../shared/repo/network.ts';
import { signalPubSub } from './pubsub.ts';
import { joinRoom, type RoomOptions, type RoomStatus } from './webrtc-host.ts';

/**
 * The network, served from the UI thread to the sync-engine worker over Comlink: rooms
 * (WebRTC) and the signaling pub/sub. Only the servers a group names are ever contacted.
 */
export function createNetworkHost(options: RoomOptions) {
  const rooms = new Map<number, ReturnType<typeof joinRoom>>();
  const groupOf = new Map<number, { group: string; epoch: number }>();
  const pubsub = signalPubSub();
  const unsubscribers = new Map<number, () => void>();
  let next = 0;
  const host = {
    connect(target: SyncTarget, linkHost: LinkHost): number {
      const id = ++next;
      rooms.set(id, joinRoom(target, linkHost, options));
      groupOf.set(id, { group: target.group, epoch: target.epoch });
      return id;
    },
    broadcast(id: number, blobs: Uint8Array[]): void {
      rooms.get(id)?.broadcast(blobs);
    },
    offer(id: number): void {
      rooms.get(id)?.offer();
    },
    publishHeads(id: number, record: Uint8Array): void {
      rooms.get(id)?.publishHeads(record);
    },
    setPresence(id: number, state: Uint8Array): void {
      rooms.get(id)?.setPresence(state);
    },
    close(id: number, forget: unknown = false): void {
      // From the worker: only a real `true` deletes anything.
      rooms.get(id)?.close(forget === true);
      rooms.delete(id);
      groupOf.delete(id);
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
    /**
     * One group's room as the UI shows it — the room of `epoch`, the group's current one, so
     * peers still in an older room (someone removed, among them) are not counted — or null
     * while the group has none.
     */
    status(group: string, epoch: number | null): RoomStatus | null {
      let any: RoomStatus | null = null;
      for (const [id, room] of rooms) {
        const of = groupOf.get(id);
        if (of?.group !== group) continue;
        if (of.epoch === epoch) return room.status();
        any ??= room.status();
      }
      return any;
    },
  };
  return host;
}

export type NetworkHost = ReturnType<typeof createNetworkHost>;
export { Comlink };
