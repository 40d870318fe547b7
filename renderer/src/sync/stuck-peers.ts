/**
 * Healing for y-webrtc connections that can never open. y-webrtc makes one connection per
 * remote peer and keeps it until it closes, but some never open and never close: when two
 * devices enter a room at the same moment (a "from join" admission starts a new room on
 * both sides at once) both offer, one side fails on the crossed offer, closes and announces
 * itself again, and the other side ignores that announce because it still holds its own
 * connection, which waits for an answer that will never come. Measured in Chromium on
 * loopback: 6 of 247 simultaneous entries stuck for good, 0–10% a run (bench/connect.bench.ts).
 *
 * Two rules, both about connections that have not opened:
 * - an announce from a peer means that peer holds no working connection to us: a pending
 *   one of ours is dropped quietly, so y-webrtc answers the announce with a fresh offer;
 * - a connection whose offer/answer exchange has not finished after `STUCK_MS` is closed the
 *   ordinary way, which makes y-webrtc announce us again. Once the exchange is done, ICE
 *   decides: it fails and closes on its own, except when it has nothing to try. With no
 *   candidate crossing either way (each side's sent to a connection the other has since
 *   replaced), Chromium's ICE stays "new" for good (measured: 45 s, no event); so a
 *   connection still unopened `ICE_STALL_MS` after its exchange is closed the same way.
 *
 * And one about leaving: a page that closes or reloads does not announce itself as it goes
 * (`leaveQuietlyOnUnload`), so its peers do not open connections to a page that is gone.
 */

/** The parts of y-webrtc's WebrtcConn (and its simple-peer) this module touches. */
export type PendingConn = {
  connected: boolean;
  closed: boolean;
  peer: {
    _pc: Pick<RTCPeerConnection, 'signalingState' | 'remoteDescription'>;
    destroy(): void;
    removeAllListeners(event: string): unknown;
  };
};

/** Connections let go of in this page, by rule (the connect bench reports them). */
const counts = { onAnnounce: 0, stuck: 0, iceStalled: 0 };
export const healed = (): Readonly<typeof counts> => ({ ...counts });

/** Far longer than an offer and its answer take through a signaling server (~100 ms). */
export const STUCK_MS = 5000;
/**
 * Far longer than ICE takes to connect a reachable peer (loopback: ~10 ms; through STUN,
 * seconds), and shorter than a person waits before thinking the app is broken.
 */
export const ICE_STALL_MS = 15_000;

/** When each unopened connection was first seen, and first seen with its exchange done. */
export type Watched = WeakMap<PendingConn, { seen: number; exchanged: number | null }>;

/**
 * Called with the sender of each announce on a room, before y-webrtc sees it. Drops our
 * connection to that peer if it has not opened; returns whether it did.
 */
export function dropPendingOnAnnounce(conns: Map<string, PendingConn>, from: string): boolean {
  const conn = conns.get(from);
  if (!conn || conn.connected) return false;
  conns.delete(from);
  // Quietly: y-webrtc's close handler would remove the connection that replaces this one
  // (it looks it up by peer id) and announce us once more.
  closeQuietly(conn);
  counts.onAnnounce++;
  return true;
}

/**
 * Closes a connection without y-webrtc's close and error handlers, which announce us in the
 * room again, subscribing to its topic first. Leaving a room must close its connections this
 * way: y-webrtc unsubscribes, then closes them, and each close subscribed the topic again —
 * every room left with peers in it stayed subscribed on the signaling server until the
 * socket closed (measured in bench/connect.bench.ts), counting against the server's
 * per-connection topic cap (64 by default) and drawing that room's traffic.
 */
export function closeQuietly(conn: PendingConn): void {
  mute(conn);
  conn.closed = true;
  conn.peer.destroy();
}

/** Takes off y-webrtc's close and error handlers: closing it will not announce us. */
function mute(conn: PendingConn): void {
  conn.peer.removeAllListeners('close');
  conn.peer.removeAllListeners('error');
}

/** Whether the connection's offer/answer exchange is still unfinished. */
function negotiating(conn: PendingConn): boolean {
  const pc = conn.peer._pc;
  return pc.signalingState !== 'stable' || pc.remoteDescription === null;
}

/**
 * Closes connections that have been negotiating for `STUCK_MS` or more, or have done so and
 * still not opened `ICE_STALL_MS` later. `watched` remembers when each connection was first
 * seen unopened; call it every second or so.
 */
export function closeStuck(conns: Map<string, PendingConn>, watched: Watched, now: number): number {
  let closed = 0;
  for (const conn of conns.values()) {
    if (conn.connected || conn.closed) continue;
    let times = watched.get(conn);
    if (!times) watched.set(conn, (times = { seen: now, exchanged: null }));
    let rule: 'stuck' | 'iceStalled' | null = null;
    if (negotiating(conn)) {
      if (now - times.seen >= STUCK_MS) rule = 'stuck';
    } else if (times.exchanged === null) times.exchanged = now;
    else if (now - times.exchanged >= ICE_STALL_MS) rule = 'iceStalled';
    if (rule === null) continue;
    // The ordinary way: y-webrtc forgets it and announces us again.
    conn.peer.destroy();
    closed++;
    counts[rule]++;
  }
  return closed;
}

/** The part of y-webrtc's Room (made once the room's key is derived) `leaveQuietlyOnUnload` replaces. */
export type UnloadingRoom = { _beforeUnloadHandler?: () => void };
type UnloadTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
type Conns = () => Map<string, PendingConn> | undefined;

/** Every room's connections in this page, for whichever unload handler runs first. */
const inPage = new Set<Conns>();

/**
 * Makes closing or reloading the page leave the room quietly. y-webrtc's own `beforeunload`
 * handler leaves every room by destroying its connections, and each close announces us in the
 * room again as the page goes: every peer that hears it offers to a page that is gone, holds
 * that connection until `closeStuck` gives up on it, and then announces itself, which drops
 * (`dropPendingOnAnnounce`) a connection the reloaded page may be setting up with it
 * (measured in the connect bench's rejoin phase). The handler put in its place first mutes
 * the connections of every room in the page (y-webrtc's handler, whichever provider's runs
 * first, leaves them all), then runs y-webrtc's, which still tells peers we are gone over the
 * open connections before closing them. The room's `destroy()` (the provider's) removes it as
 * it would have removed y-webrtc's; the function returned forgets the room's connections.
 */
export function leaveQuietlyOnUnload(
  room: UnloadingRoom,
  conns: Conns,
  target: UnloadTarget | undefined = typeof window === 'undefined' ? undefined : window,
): () => void {
  const theirs = room._beforeUnloadHandler;
  if (!target || typeof theirs !== 'function') return () => undefined;
  inPage.add(conns);
  target.removeEventListener('beforeunload', theirs);
  const ours = () => {
    for (const roomConns of inPage) for (const conn of roomConns()?.values() ?? []) mute(conn);
    theirs();
  };
  room._beforeUnloadHandler = ours;
  target.addEventListener('beforeunload', ours);
  return () => {
    inPage.delete(conns);
  };
}
