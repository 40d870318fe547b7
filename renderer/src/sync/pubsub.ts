import { base64nopad } from '@scure/base';

/** Reconnect delays: 0.5 s doubling to at most this, with jitter so peers do not stampede. */
export const MAX_RETRY_MS = 5_000;
/** Ping an open socket this often; no answer within PONG_WAIT_MS means it is dead. */
export const PING_EVERY_MS = 20_000;
const PONG_WAIT_MS = 10_000;
/** Publishes kept while a server is unreachable, per server; the oldest go first. */
const MAX_PENDING = 64;

type Socket = {
  ws: WebSocket | null;
  topics: Set<string>;
  /** Frames to send once the socket is open (a publish must survive a reconnect). */
  pending: string[];
  retry: number;
  timer: ReturnType<typeof setTimeout> | null;
  ping: ReturnType<typeof setInterval> | null;
  heardAt: number;
};

/**
 * Publish/subscribe through the group's signaling servers, for admission only (DESIGN §3):
 * the join request and its answer, sealed, on a topic derived from the invite secret. It
 * speaks y-webrtc's signaling protocol, so the same servers serve both. Each server gets one
 * socket that reconnects with backoff, re-subscribes, sends what was published while it was
 * away, and pings so a half-open connection is noticed.
 */
export function signalPubSub() {
  const sockets = new Map<string, Socket>();
  const listeners = new Map<string, Set<(bytes: Uint8Array) => void>>();

  function deliver(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { type, topic, data: payload } = message as Record<string, unknown>;
    if (type !== 'publish' || typeof topic !== 'string' || typeof payload !== 'string') return;
    let bytes: Uint8Array;
    try {
      bytes = base64nopad.decode(payload);
    } catch {
      return;
    }
    for (const listener of listeners.get(topic) ?? []) listener(bytes);
  }

  function connect(url: string, socket: Socket): void {
    const ws = new WebSocket(url);
    socket.ws = ws;
    ws.onopen = () => {
      socket.retry = 0;
      socket.heardAt = Date.now();
      if (socket.topics.size > 0)
        ws.send(JSON.stringify({ type: 'subscribe', topics: [...socket.topics] }));
      for (const frame of socket.pending.splice(0)) ws.send(frame);
      socket.ping = setInterval(() => {
        if (Date.now() - socket.heardAt > PING_EVERY_MS + PONG_WAIT_MS) ws.close();
        else if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}');
      }, PING_EVERY_MS);
    };
    ws.onmessage = (event: MessageEvent) => {
      socket.heardAt = Date.now();
      deliver(event.data);
    };
    ws.onclose = () => {
      socket.ws = null;
      if (socket.ping) clearInterval(socket.ping);
      socket.ping = null;
      if (sockets.get(url) !== socket) return;
      // The server may be restarting: try again soon, then less often.
      const delay = Math.min(MAX_RETRY_MS, 500 * 2 ** socket.retry++) * (0.75 + Math.random() / 2);
      socket.timer = setTimeout(() => {
        connect(url, socket);
      }, delay);
    };
  }

  function socketFor(url: string): Socket {
    let socket = sockets.get(url);
    if (!socket) {
      socket = {
        ws: null,
        topics: new Set(),
        pending: [],
        retry: 0,
        timer: null,
        ping: null,
        heardAt: 0,
      };
      sockets.set(url, socket);
      connect(url, socket);
    }
    return socket;
  }

  /** Sends now if the socket is open; otherwise keeps it for when it is (bounded). */
  const send = (socket: Socket, message: unknown, keep: boolean) => {
    const frame = JSON.stringify(message);
    if (socket.ws?.readyState === WebSocket.OPEN) socket.ws.send(frame);
    else if (keep) {
      socket.pending.push(frame);
      if (socket.pending.length > MAX_PENDING) socket.pending.shift();
    }
  };

  return {
    subscribe(
      urls: readonly string[],
      topic: string,
      listener: (bytes: Uint8Array) => void,
    ): () => void {
      let set = listeners.get(topic);
      if (!set) {
        set = new Set();
        listeners.set(topic, set);
      }
      set.add(listener);
      for (const url of urls) {
        const socket = socketFor(url);
        if (!socket.topics.has(topic)) {
          socket.topics.add(topic);
          // Not kept: on (re)connect every topic is subscribed afresh.
          send(socket, { type: 'subscribe', topics: [topic] }, false);
        }
      }
      return () => {
        set.delete(listener);
      };
    },
    publish(urls: readonly string[], topic: string, bytes: Uint8Array): void {
      for (const url of urls) {
        send(socketFor(url), { type: 'publish', topic, data: base64nopad.encode(bytes) }, true);
      }
    },
    /** Closes every socket for good (tests; the app keeps them for its lifetime). */
    close(): void {
      for (const [url, socket] of sockets) {
        sockets.delete(url);
        if (socket.timer) clearTimeout(socket.timer);
        if (socket.ping) clearInterval(socket.ping);
        socket.ws?.close();
      }
    },
  };
}
