import { base64nopad } from '@scure/base';

/**
 * Publish/subscribe through the group's signaling servers, for admission only (DESIGN §3):
 * the join request and its answer, sealed, on a topic derived from the invite secret. It
 * speaks y-webrtc's signaling protocol, so the same servers serve both.
 */
export function signalPubSub() {
  type Socket = {
    ws: WebSocket | null;
    topics: Set<string>;
    retry: number;
    timer: ReturnType<typeof setTimeout> | null;
  };
  const sockets = new Map<string, Socket>();
  const listeners = new Map<string, Set<(bytes: Uint8Array) => void>>();

  function connect(url: string, socket: Socket): void {
    const ws = new WebSocket(url);
    socket.ws = ws;
    ws.onopen = () => {
      socket.retry = 0;
      if (socket.topics.size > 0)
        ws.send(JSON.stringify({ type: 'subscribe', topics: [...socket.topics] }));
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      const { type, topic, data } = message as { type?: unknown; topic?: unknown; data?: unknown };
      if (type !== 'publish' || typeof topic !== 'string' || typeof data !== 'string') return;
      let bytes: Uint8Array;
      try {
        bytes = base64nopad.decode(data);
      } catch {
        return;
      }
      for (const listener of listeners.get(topic) ?? []) listener(bytes);
    };
    ws.onclose = () => {
      socket.ws = null;
      if (!sockets.has(url)) return;
      // Reconnect with backoff (capped): the server may be restarting.
      const delay = Math.min(30_000, 500 * 2 ** socket.retry++);
      socket.timer = setTimeout(() => {
        connect(url, socket);
      }, delay);
    };
  }

  function socketFor(url: string): Socket {
    let socket = sockets.get(url);
    if (!socket) {
      socket = { ws: null, topics: new Set(), retry: 0, timer: null };
      sockets.set(url, socket);
      connect(url, socket);
    }
    return socket;
  }

  const send = (socket: Socket, message: unknown) => {
    if (socket.ws?.readyState === WebSocket.OPEN) socket.ws.send(JSON.stringify(message));
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
          send(socket, { type: 'subscribe', topics: [topic] });
        }
      }
      return () => {
        set.delete(listener);
      };
    },
    publish(urls: readonly string[], topic: string, bytes: Uint8Array): void {
      for (const url of urls) {
        const socket = socketFor(url);
        const message = { type: 'publish', topic, data: base64nopad.encode(bytes) };
        if (socket.ws?.readyState === WebSocket.OPEN) send(socket, message);
        else
          socket.ws?.addEventListener(
            'open',
            () => {
              send(socket, message);
            },
            { once: true },
          );
      }
    },
  };
}
