// What a window gives the network host and a Node process lacks: WebRTC (@roamhq/wrtc, passed
// to y-webrtc as `wrtc`), WebSocket (Node 20 has none) and IndexedDB (the heads doc persists
// through y-indexeddb; fake-indexeddb keeps it in memory). Import this first.
import 'fake-indexeddb/auto';
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';

/**
 * ws, with a browser's rule for an error thrown by a handler: it is reported as uncaught (on
 * the next tick) and the socket goes on. In ws itself it unwinds through the frame parser,
 * which then never reads another frame: one bad frame would silence the connection.
 */
class BrowserLikeWebSocket extends WebSocket {}
const guard = (handler: (...args: unknown[]) => unknown) =>
  function (this: unknown, ...args: unknown[]) {
    try {
      return handler.apply(this, args);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
      return undefined;
    }
  };
for (const name of ['onopen', 'onmessage', 'onclose', 'onerror']) {
  const property = Object.getOwnPropertyDescriptor(WebSocket.prototype, name);
  if (!property?.set) continue;
  Object.defineProperty(BrowserLikeWebSocket.prototype, name, {
    ...property,
    set(this: WebSocket, handler: unknown) {
      property.set?.call(
        this,
        typeof handler === 'function' ? guard(handler as () => unknown) : handler,
      );
    },
  });
}
if (!('WebSocket' in globalThis)) Object.assign(globalThis, { WebSocket: BrowserLikeWebSocket });

// Two places where @roamhq/wrtc differs from a browser, which the app's code relies on:
// - a negotiated data channel made on a connected peer connection is open at once and never
//   fires `open` (a browser announces it with an `open` event), so the blob session would
//   never start;
// - its addEventListener ignores `{ once: true }`, so every wait for `bufferedamountlow`
//   would stay subscribed forever.
type Listener = (event: unknown) => void;
type Channel = {
  readyState: string;
  dispatchEvent: (this: Channel, event: { type: string }) => void;
  addEventListener: (this: Channel, type: string, listener: Listener) => void;
  removeEventListener: (this: Channel, type: string, listener: Listener) => void;
};
const shims = wrtc as unknown as {
  RTCPeerConnection: {
    prototype: { createDataChannel: (this: unknown, ...args: unknown[]) => Channel };
  };
  RTCDataChannel: { prototype: Channel };
};
const createDataChannel = shims.RTCPeerConnection.prototype.createDataChannel;
shims.RTCPeerConnection.prototype.createDataChannel = function (this: unknown, ...args) {
  const channel = createDataChannel.apply(this, args);
  // wrtc dispatches on the next tick: after the caller has set `onopen`.
  if (channel.readyState === 'open') channel.dispatchEvent({ type: 'open' });
  return channel;
};
const addEventListener = shims.RTCDataChannel.prototype.addEventListener;
shims.RTCDataChannel.prototype.addEventListener = function (
  this: Channel,
  type: string,
  listener: Listener,
  options?: { once?: boolean },
) {
  if (!options?.once) {
    addEventListener.call(this, type, listener);
    return;
  }
  const once: Listener = (event) => {
    this.removeEventListener(type, once);
    listener.call(this, event);
  };
  addEventListener.call(this, type, once);
};

export { wrtc };

/** Milliseconds on the system-wide monotonic clock: comparable between processes. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
