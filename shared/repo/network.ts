import type { SessionHost } from '../sync/session.ts';

/**
 * What the repo needs from the network (DESIGN §6), small enough that the WebRTC/y-webrtc
 * transport and the in-memory one used in tests both fit it.
 */
/** Where a group's members meet: derived from the epoch secret, with the group's servers. */
export type SyncTarget = {
  room: string;
  password: string;
  signaling: readonly string[];
  /** Hex group id: a local label (status per group); it is never sent. */
  group: string;
  /** The room's epoch: a local label too, so the status shown is the current room's. */
  epoch: number;
  /** This device in the room: its heads-doc entry key (hex device key) and stable clientID. */
  device: string;
  clientId: number;
};

/**
 * What a link asks of the local engine: the sync session's host (DESIGN §6), plus what the
 * room's shared state says — every device's heads record in the heads doc, and every
 * awareness state (sealed presence). Both are unverified bytes from the room.
 */
export type LinkHost = SessionHost & {
  roomHeads(records: Uint8Array[]): Promise<void>;
  roomPresence(states: Uint8Array[]): Promise<void>;
};

/** This device's presence in one group's room. */
export type GroupLink = {
  /** Pushes new blobs to every connected peer at once. */
  broadcast(blobs: Uint8Array[]): void;
  /** After a catch-up: offers every peer, as ranges, what we gained that it lacks. */
  offer(): void;
  /** Writes this device's signed have-vector into the room's heads doc. */
  publishHeads(record: Uint8Array): void;
  /** Sets this device's sealed awareness state. */
  setPresence(state: Uint8Array): void;
  /** Leaves the room; `forget` also deletes what was kept of it on this device. */
  close(forget?: boolean): void;
};

export type Network = {
  /** Joins a group's room: derived from the epoch secret, never the group id. */
  connect(target: SyncTarget, host: LinkHost): GroupLink;
  /**
   * The signaling servers' pub/sub, used for admission only: no mesh, no history. `urls`
   * are the servers to use: the group's for members, the invite's for a joiner.
   */
  subscribe(
    urls: readonly string[],
    topic: string,
    onMessage: (bytes: Uint8Array) => void,
  ): () => void;
  publish(urls: readonly string[], topic: string, bytes: Uint8Array): void;
};

type Endpoint = {
  id: number;
  online: boolean;
  links: Map<string, LinkHost>;
  subs: Map<string, Set<(b: Uint8Array) => void>>;
  /** Per room: this endpoint's heads-doc entry and awareness state. */
  heads: Map<string, Uint8Array>;
  presence: Map<string, Uint8Array>;
};

/**
 * An in-memory network for tests: every endpoint reaches every other that is online.
 * Delivery is asynchronous (a microtask), like a real one; joining a room, or coming back
 * online, exchanges whole logs with each peer in it (the simplest repair).
 */
export function memoryNetwork() {
  const endpoints: Endpoint[] = [];
  const later = (work: () => Promise<void> | void) => {
    void Promise.resolve().then(work);
  };
  const exchange = (room: string, a: Endpoint, b: Endpoint) => {
    const from = a.links.get(room);
    const to = b.links.get(room);
    if (!from || !to || !a.online || !b.online) return;
    later(async () => {
      // The simplest repair: send every device's blobs the other lacks, as ranges, asking
      // again while that moves it on (a host answers a bounded slice at a time).
      for (let moved = true; moved;) {
        moved = false;
        const theirs = await to.heads();
        for (const [clientId, head] of await from.heads()) {
          const known = theirs.get(clientId) ?? 0;
          if (head <= known) continue;
          await to.receiveRange(await from.blobsAfter(clientId, known));
          if (((await to.heads()).get(clientId) ?? 0) > known) moved = true;
        }
      }
    });
  };
  const catchUp = (me: Endpoint, room: string) => {
    for (const other of endpoints) {
      if (other === me) continue;
      exchange(room, other, me);
      exchange(room, me, other);
    }
    shareRoomState(room);
  };
  // The heads doc and awareness, simplified: every online endpoint in the room sees every
  // other's last heads entry (the doc keeps those of endpoints that went away) and the
  // presence of those online now.
  const shareRoomState = (room: string) => {
    const inRoom = endpoints.filter((e) => e.online && e.links.has(room));
    for (const me of inRoom) {
      const heads = endpoints.flatMap((e) => (e === me ? [] : (e.heads.get(room) ?? [])));
      const presence = inRoom.flatMap((e) => (e === me ? [] : (e.presence.get(room) ?? [])));
      const link = me.links.get(room);
      later(async () => {
        await link?.roomHeads(heads);
        await link?.roomPresence(presence);
      });
    }
  };

  return {
    /** A new device on the network. */
    endpoint(): Network & { setOnline(online: boolean): void } {
      const me: Endpoint = {
        id: endpoints.length,
        online: true,
        links: new Map(),
        subs: new Map(),
        heads: new Map(),
        presence: new Map(),
      };
      endpoints.push(me);
      return {
        connect({ room }, host) {
          me.links.set(room, host);
          catchUp(me, room);
          return {
            broadcast(blobs) {
              if (!me.online) return;
              for (const other of endpoints) {
                const link = other.links.get(room);
                if (other !== me && other.online && link)
                  later(async () => {
                    await link.receive(blobs);
                  });
              }
            },
            offer() {
              if (me.online) catchUp(me, room);
            },
            publishHeads(record) {
              me.heads.set(room, record);
              if (me.online) shareRoomState(room);
            },
            setPresence(state) {
              me.presence.set(room, state);
              if (me.online) shareRoomState(room);
            },
            close(_forget) {
              me.links.delete(room);
              me.presence.delete(room);
              shareRoomState(room);
            },
          };
        },
        subscribe(_urls, topic, onMessage) {
          let set = me.subs.get(topic);
          if (!set) {
            set = new Set();
            me.subs.set(topic, set);
          }
          set.add(onMessage);
          return () => set.delete(onMessage);
        },
        publish(_urls, topic, bytes) {
          if (!me.online) return;
          for (const other of endpoints) {
            if (other === me || !other.online) continue;
            for (const listener of other.subs.get(topic) ?? [])
              later(() => {
                listener(bytes.slice());
              });
          }
        },
        setOnline(online) {
          me.online = online;
          for (const room of me.links.keys()) {
            if (online) catchUp(me, room);
            else shareRoomState(room);
          }
        },
      };
    },
  };
}
