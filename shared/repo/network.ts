/**
 * What the repo needs from the network (DESIGN §6), small enough that the WebRTC/y-webrtc
 * transport and the in-memory one used in tests both fit it.
 */
export type GroupLinkHandlers = {
  /** Blobs pushed by peers, or sent in answer to our catch-up. */
  onBlobs(blobs: Uint8Array[]): void;
  /** Everything this device holds for the group, to answer a peer's catch-up. */
  localLog(): Promise<Uint8Array[]>;
};

/** This device's presence in one group's room. */
export type GroupLink = {
  /** Pushes new blobs to every connected peer at once. */
  broadcast(blobs: Uint8Array[]): void;
  close(): void;
};

export type Network = {
  /** Joins a group's room: `room` is derived from the epoch secret, never the group id. */
  connect(room: string, handlers: GroupLinkHandlers): GroupLink;
  /** The signaling server's pub/sub, used for admission only: no mesh, no history. */
  subscribe(topic: string, onMessage: (bytes: Uint8Array) => void): () => void;
  publish(topic: string, bytes: Uint8Array): void;
};

type Endpoint = {
  id: number;
  online: boolean;
  links: Map<string, GroupLinkHandlers>;
  subs: Map<string, Set<(b: Uint8Array) => void>>;
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
      const log = await from.localLog();
      if (log.length > 0) to.onBlobs(log);
    });
  };
  const catchUp = (me: Endpoint, room: string) => {
    for (const other of endpoints) {
      if (other === me) continue;
      exchange(room, other, me);
      exchange(room, me, other);
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
      };
      endpoints.push(me);
      return {
        connect(room, handlers) {
          me.links.set(room, handlers);
          catchUp(me, room);
          return {
            broadcast(blobs) {
              if (!me.online) return;
              for (const other of endpoints) {
                const link = other.links.get(room);
                if (other !== me && other.online && link)
                  later(() => {
                    link.onBlobs(blobs);
                  });
              }
            },
            close() {
              me.links.delete(room);
            },
          };
        },
        subscribe(topic, onMessage) {
          let set = me.subs.get(topic);
          if (!set) {
            set = new Set();
            me.subs.set(topic, set);
          }
          set.add(onMessage);
          return () => set.delete(onMessage);
        },
        publish(topic, bytes) {
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
          if (online) for (const room of me.links.keys()) catchUp(me, room);
        },
      };
    },
  };
}
