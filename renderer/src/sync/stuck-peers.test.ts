import { describe, expect, it } from 'vitest';
import {
  closeQuietly,
  closeStuck,
  dropPendingOnAnnounce,
  STUCK_MS,
  type PendingConn,
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
    const since = new WeakMap<PendingConn, number>();
    const noAnswer = conn(conns, 'ada', waitingForAnswer);
    const noOffer = conn(conns, 'bo', waitingForOffer);
    const checking = conn(conns, 'cy', negotiated); // ICE decides: it fails on its own
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

  it('times a connection from when it was first seen unopened, not from the first check', () => {
    const conns = new Map<string, PendingConn>();
    const since = new WeakMap<PendingConn, number>();
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
});
