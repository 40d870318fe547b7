import { describe, expect, it } from 'vitest';
import {
  closeQuietly,
  closeStuck,
  dropPendingOnAnnounce,
  ICE_STALL_MS,
  leaveQuietlyOnUnload,
  STUCK_MS,
  type PendingConn,
  type UnloadingRoom,
  type Watched,
} from './stuck-peers.ts';

type State = Pick<RTCPeerConnection, 'signalingState' | 'remoteDescription'>;

/** A y-webrtc connection whose close handler, like y-webrtc's, removes it from the map by id. */
function conn(conns: Map<string, PendingConn>, id: string, pc: State, connected = false) {
  const listeners = new Map<string, (() => void)[]>();
  const peer = {
    _pc: pc,
    destroyed: false,
    on(event: string, listener: () => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    removeAllListeners(event: string) {
      listeners.delete(event);
    },
    destroy() {
      peer.destroyed = true;
      queueMicrotask(() => {
        for (const listener of listeners.get('close') ?? []) listener();
      });
    },
  };
  const c: PendingConn & { peer: typeof peer } = { connected, closed: false, peer };
  const announced: string[] = [];
  peer.on('close', () => {
    c.closed = true;
    if (conns.has(id)) {
      conns.delete(id);
      announced.push(id);
    }
  });
  conns.set(id, c);
  return { c, announced };
}

const waitingForAnswer: State = { signalingState: 'have-local-offer', remoteDescription: null };
const waitingForOffer: State = { signalingState: 'stable', remoteDescription: null };
const negotiated = {
  signalingState: 'stable',
  remoteDescription: { type: 'answer', sdp: '' },
} as State;

describe('healing connections that never open', () => {
  it('an announce from a peer drops our unopened connection to it, quietly', async () => {
    const conns = new Map<string, PendingConn>();
    const { c, announced } = conn(conns, 'ada', waitingForAnswer);
    expect(dropPendingOnAnnounce(conns, 'ada')).toBe(true);
    expect(conns.has('ada')).toBe(false);
    expect(c.peer.destroyed).toBe(true);
    // The connection y-webrtc makes next, under the same id, is not removed by the old one.
    const next = conn(conns, 'ada', waitingForAnswer);
    await Promise.resolve();
    expect(conns.get('ada')).toBe(next.c);
    expect(announced).toEqual([]);
  });

  it('an announce leaves an open connection, and other peers, alone', () => {
    const conns = new Map<string, PendingConn>();
    const open = conn(conns, 'ada', negotiated, true);
    const other = conn(conns, 'bo', waitingForAnswer);
    expect(dropPendingOnAnnounce(conns, 'ada')).toBe(false);
    expect(dropPendingOnAnnounce(conns, 'cy')).toBe(false);
    expect(open.c.peer.destroyed).toBe(false);
    expect(other.c.peer.destroyed).toBe(false);
    expect(conns.size).toBe(2);
  });

  it('closes, the ordinary way, a connection still without offer or answer after STUCK_MS', async () => {
    const conns = new Map<string, PendingConn>();
    const since: Watched = new WeakMap();
    const noAnswer = conn(conns, 'ada', waitingForAnswer);
    const noOffer = conn(conns, 'bo', waitingForOffer);
    const checking = conn(conns, 'cy', negotiated); // ICE has longer
    const open = conn(conns, 'dee', negotiated, true);
    expect(closeStuck(conns, since, 1000)).toBe(0);
    expect(closeStuck(conns, since, 1000 + STUCK_MS - 1)).toBe(0);
    expect(closeStuck(conns, since, 1000 + STUCK_MS)).toBe(2);
    await Promise.resolve();
    expect(noAnswer.announced).toEqual(['ada']);
    expect(noOffer.announced).toEqual(['bo']);
    expect(checking.c.peer.destroyed).toBe(false);
    expect(open.c.peer.destroyed).toBe(false);
    expect([...conns.keys()]).toEqual(['cy', 'dee']);
  });

  it('closes, the ordinary way, a connection ICE has not opened ICE_STALL_MS after its exchange', async () => {
    const conns = new Map<string, PendingConn>();
    const since: Watched = new WeakMap();
    const checking = conn(conns, 'ada', negotiated);
    const state = { signalingState: 'have-local-offer', remoteDescription: null } as State;
    const late = conn(conns, 'bo', state);
    expect(closeStuck(conns, since, 0)).toBe(0);
    // Bo's answer comes in just before the 5 s rule would close his connection.
    Object.assign(state, negotiated);
    expect(closeStuck(conns, since, STUCK_MS - 1)).toBe(0);
    expect(closeStuck(conns, since, ICE_STALL_MS - 1)).toBe(0);
    expect(closeStuck(conns, since, ICE_STALL_MS)).toBe(1);
    await Promise.resolve();
    expect(checking.announced).toEqual(['ada']);
    // Bo's is timed from when his exchange was seen done.
    expect(closeStuck(conns, since, STUCK_MS - 1 + ICE_STALL_MS - 1)).toBe(0);
    expect(closeStuck(conns, since, STUCK_MS - 1 + ICE_STALL_MS)).toBe(1);
    await Promise.resolve();
    expect(late.announced).toEqual(['bo']);
  });

  it('times a connection from when it was first seen unopened, not from the first check', () => {
    const conns = new Map<string, PendingConn>();
    const since: Watched = new WeakMap();
    closeStuck(conns, since, 0);
    const late = conn(conns, 'ada', waitingForAnswer);
    expect(closeStuck(conns, since, 10 * STUCK_MS)).toBe(0);
    expect(closeStuck(conns, since, 11 * STUCK_MS - 1)).toBe(0);
    expect(late.c.peer.destroyed).toBe(false);
  });

  it('closing quietly (leaving a room) runs none of y-webrtc’s close handlers, open or not', async () => {
    const conns = new Map<string, PendingConn>();
    const open = conn(conns, 'ada', negotiated, true);
    const pending = conn(conns, 'bo', waitingForAnswer);
    for (const c of conns.values()) closeQuietly(c);
    await Promise.resolve();
    expect(open.c.peer.destroyed && pending.c.peer.destroyed).toBe(true);
    // y-webrtc would have announced us (subscribing the room's topic again) for each.
    expect([...open.announced, ...pending.announced]).toEqual([]);
  });

  describe('closing or reloading the page', () => {
    /**
     * Two rooms in one page, each with y-webrtc's unload handler as y-webrtc registers it: it
     * says goodbye over the room's open connections, then leaves every room in the page.
     */
    function page() {
      const target = new EventTarget();
      const all: Map<string, PendingConn>[] = [];
      const goodbyes: string[] = [];
      const room = (name: string) => {
        const conns = new Map<string, PendingConn>();
        all.push(conns);
        const handler = () => {
          for (const [id, c] of conns)
            if (!(c.peer as { destroyed?: boolean }).destroyed) goodbyes.push(`${name}→${id}`);
          for (const roomConns of all) for (const c of roomConns.values()) c.peer.destroy();
        };
        const r: UnloadingRoom = { _beforeUnloadHandler: handler };
        target.addEventListener('beforeunload', handler);
        return { conns, r };
      };
      return { target, goodbyes, room };
    }
    type Made = ReturnType<typeof conn>;
    const announcedBy = (made: Made[]) => made.flatMap((m) => m.announced);

    it('stock y-webrtc announces us in every room as the page goes (the behaviour replaced)', async () => {
      const { target, room } = page();
      const a = room('a');
      const made = [conn(a.conns, 'ada', negotiated, true), conn(a.conns, 'bo', waitingForAnswer)];
      target.dispatchEvent(new Event('beforeunload'));
      await Promise.resolve();
      expect(announcedBy(made)).toEqual(['ada', 'bo']);
    });

    it('leaves every room quietly, after saying goodbye over the open connections', async () => {
      const { target, goodbyes, room } = page();
      const a = room('a');
      const b = room('b');
      leaveQuietlyOnUnload(a.r, () => a.conns, target);
      leaveQuietlyOnUnload(b.r, () => b.conns, target);
      const made = [
        conn(a.conns, 'ada', negotiated, true),
        conn(a.conns, 'bo', waitingForAnswer),
        conn(b.conns, 'cy', negotiated, true),
      ];
      target.dispatchEvent(new Event('beforeunload'));
      await Promise.resolve();
      expect(made.every((m) => m.c.peer.destroyed)).toBe(true);
      expect(announcedBy(made)).toEqual([]);
      // Room a's handler ran first and closed room b's connections too, as y-webrtc's does.
      expect(goodbyes).toEqual(['a→ada', 'a→bo']);
    });

    it('a room left earlier is forgotten; without a window nothing changes', async () => {
      const { target, room } = page();
      const a = room('a');
      const b = room('b');
      const forget = leaveQuietlyOnUnload(a.r, () => a.conns, target);
      leaveQuietlyOnUnload(b.r, () => b.conns, target);
      forget();
      const left = conn(a.conns, 'ada', negotiated, true);
      const still = conn(b.conns, 'bo', negotiated, true);
      target.dispatchEvent(new Event('beforeunload'));
      await Promise.resolve();
      // Not muted: in the app a left room's connections are already closed quietly.
      expect(left.announced).toEqual(['ada']);
      expect(still.announced).toEqual([]);

      const handler = () => undefined;
      const r: UnloadingRoom = { _beforeUnloadHandler: handler };
      const forgetNothing = leaveQuietlyOnUnload(r, () => undefined, undefined);
      forgetNothing();
      expect(r._beforeUnloadHandler).toBe(handler);
    });
  });
});
