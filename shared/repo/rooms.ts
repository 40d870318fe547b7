// The rooms one group is in (DESIGN §6, §8). Each epoch has its own room; a member is in the
// current epoch's, and stays in older ones while some member has not moved on, so that one
// who was away finds the keyring there. Someone out of the group is in none.
import { parseBlob } from '../blob/parse.ts';
import type { GroupEngine } from '../group/engine.ts';
import { epochKeys, type EpochKeys } from '../group/epoch.ts';
import { writeEpoch } from '../group/epochs.ts';
import { activeDevices } from '../membership/state.ts';
import type { GroupLink, LinkHost, Network } from './network.ts';
import type { RoomState } from './room-state.ts';

/** Older rooms kept for members who have not moved yet, at most (the newest ones). */
const OLD_ROOMS = 3;

export type GroupRoomsDeps = {
  network: Network;
  engine: GroupEngine;
  signaling: readonly string[];
  group: string;
  device: string;
  clientId: number;
  /** The epoch secrets this device holds (the group record's), by epoch. */
  secrets: () => ReadonlyMap<number, Uint8Array>;
  room: RoomState;
  /** The engine side of every link; which room it serves does not matter to it. */
  host: LinkHost;
};

export function createGroupRooms(deps: GroupRoomsDeps) {
  const { engine } = deps;
  const groupId = engine.groupId;
  const links = new Map<number, { keys: EpochKeys; link: GroupLink }>();
  let current: number | null = null;
  let closed = false;
  let heads: Uint8Array | null = null;
  let presence: Uint8Array | null = null;

  const keysOf = (epoch: number) => {
    const secret = deps.secrets().get(epoch);
    return secret ? epochKeys(groupId, epoch, secret) : null;
  };
  const join = (epoch: number) => {
    const keys = keysOf(epoch);
    if (!keys || links.has(epoch)) return;
    const link = deps.network.connect(
      {
        room: keys.room,
        password: keys.signalingPassword,
        signaling: deps.signaling,
        group: deps.group,
        epoch,
        device: deps.device,
        clientId: deps.clientId,
      },
      roomHost(epoch),
    );
    links.set(epoch, { keys, link });
    if (heads) link.publishHeads(heads);
  };
  const leave = (epoch: number, forget = false) => {
    links.get(epoch)?.link.close(forget);
    links.delete(epoch);
  };

  /** Whether a blob was sealed in `epoch` or one of an older generation. */
  const notNewer = (epoch: number, blob: Uint8Array) => {
    const parsed = parseBlob(blob, false);
    if (!parsed.ok) return false;
    const epochs = engine.members().epochs;
    const own = epochs.get(parsed.parsed.header.epoch)?.generation;
    return own !== undefined && own <= (epochs.get(epoch)?.generation ?? -1);
  };

  /**
   * A room's side of the sync. Once the room is an older one, catch-up answers there stop at
   * a device's first blob of a newer epoch: someone who was away still gets the rotation
   * (sealed in the old epoch) and moves; someone removed, who can still be in the old room,
   * is not handed the ciphertext of everything written since (its size and timing would say
   * how the group goes on).
   */
  const roomHost = (epoch: number): LinkHost => ({
    ...deps.host,
    blobsAfter: async (clientId, seq) => {
      const blobs = await deps.host.blobsAfter(clientId, seq);
      if (epoch === current) return blobs;
      const cut = blobs.findIndex((blob) => !notNewer(epoch, blob));
      return cut < 0 ? blobs : blobs.slice(0, cut);
    },
  });

  /** Whether every other member device holds the rotation that started `epoch`. */
  const everyoneMoved = (epoch: number) => {
    const state = engine.members();
    const start = state.epochs.get(epoch)?.by;
    if (!start) return true;
    return activeDevices(state).every(
      (device) =>
        device === deps.device || (deps.room.haveOf(device)?.get(start.clientId) ?? 0) >= start.seq,
    );
  };

  /** Joins and leaves rooms to match where the group is now. */
  const sync = () => {
    if (closed) return;
    const state = engine.members();
    const me = state.devices.get(deps.device);
    if (me && me.removed !== null) {
      // Out of the group: nothing more to send or fetch here. (A joiner not yet in the log
      // is not out: it is catching up to its own admission.)
      for (const epoch of [...links.keys()]) leave(epoch);
      current = null;
      return;
    }
    let now = writeEpoch(engine.core());
    if (now !== current) {
      join(now);
      // Its secret may not be kept with the group yet: stay where we are until it is.
      if (links.has(now)) {
        current = now;
        if (presence) links.get(now)?.link.setPresence(presence);
      } else if (current !== null) now = current;
    }
    const generationOf = (epoch: number) => state.epochs.get(epoch)?.generation ?? -1;
    const older = [...deps.secrets().keys()]
      .filter((epoch) => epoch !== now && state.epochs.get(epoch)?.valid)
      .sort((a, b) => generationOf(b) - generationOf(a))
      .slice(0, OLD_ROOMS);
    const keep = everyoneMoved(now) ? new Set<number>() : new Set(older);
    for (const epoch of keep) join(epoch);
    for (const epoch of [...links.keys()]) if (epoch !== now && !keep.has(epoch)) leave(epoch);
  };

  return {
    sync,
    /** The current epoch's keys: presence is sealed with its content key. */
    currentKeys(): EpochKeys | null {
      return current === null ? null : (links.get(current)?.keys ?? keysOf(current));
    },
    /**
     * Pushes blobs: all to the current room; to an older room only those sealed in its epoch
     * (the keyring that gets the members who were away out of it), never newer content.
     */
    broadcast(blobs: Uint8Array[]) {
      for (const [epoch, { link }] of links) {
        const fit =
          epoch === current
            ? blobs
            : blobs.filter((blob) => {
                const parsed = parseBlob(blob, false);
                return parsed.ok && parsed.parsed.header.epoch === epoch;
              });
        if (fit.length > 0) link.broadcast(fit);
      }
    },
    offer() {
      for (const { link } of links.values()) link.offer();
    },
    publishHeads(record: Uint8Array) {
      heads = record;
      for (const { link } of links.values()) link.publishHeads(record);
    },
    setPresence(state: Uint8Array) {
      presence = state;
      if (current !== null) links.get(current)?.link.setPresence(state);
    },
    /** Epochs whose rooms this device is in (tests, the sync panel). */
    rooms: () => [...links.keys()],
    /** The epoch whose room this device writes and shows presence in, or null when out. */
    currentEpoch: () => current,
    /** Leaves every room; `forget` also deletes what was kept of them on this device. */
    close(forget = false) {
      closed = true;
      for (const epoch of [...links.keys()]) leave(epoch, forget);
    },
  };
}

export type GroupRooms = ReturnType<typeof createGroupRooms>;
