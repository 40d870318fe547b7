// What a window gives the network host and a Node process lacks: WebRTC (@roamhq/wrtc, passed
// to y-webrtc as `wrtc`), WebSocket (Node 20 has none) and IndexedDB (the heads doc persists
// through y-indexeddb; fake-indexeddb keeps it in memory). Import this first.
import 'fake-indexeddb/auto';
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';

if (!('WebSocket' in globalThis)) Object.assign(globalThis, { WebSocket });

export { wrtc };

/** Milliseconds on the system-wide monotonic clock: comparable between processes. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
