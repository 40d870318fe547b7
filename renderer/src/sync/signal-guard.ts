import { base64 } from '@scure/base';
import * as decoding from 'lib0/decoding';

/**
 * A guard in front of y-webrtc's signaling handler. y-webrtc decodes whatever is published on
 * a room's topic before decrypting it (garbage throws in the socket's handler; a forged
 * envelope's failed decrypt is an unhandled rejection), and its encryption has no freshness:
 * sealed offers, answers and candidates recorded on the topic decrypt again when sent back
 * and cut live connections. Whoever can do that must know the room name — the signaling
 * server's operator, a former member — but the server sees the topic, so we do not rely on
 * it. Each publish on one of our rooms' topics goes on to y-webrtc only if it is a
 * well-formed envelope that decrypts with the room's key and whose ciphertext has not been
 * seen in this page (honest publishes use a fresh IV each time, so a repeat is a replay).
 */
type Observer = (message: unknown) => void;
type SignalingConnLike = { _observers: Map<string, Set<Observer>> };

type Room = {
  key: PromiseLike<CryptoKey | null>;
  seen: Set<string>;
  onAnnounce: ((from: string) => void) | undefined;
};

const rooms = new Map<string, Room>();
const guarded = new WeakSet<object>();
/** Ciphertexts remembered per room: more than any session's honest signaling. */
const MAX_SEEN = 4096;
/** Larger than any honest signaling message (an offer with candidates is a few KB). */
const MAX_DATA = 64 * 1024;

/**
 * Registers a room's topic and key; returns the function that forgets it. `onAnnounce` hears
 * the sender of each admitted announce before y-webrtc does (stuck-peers.ts).
 */
export function guardRoom(
  topic: string,
  key: PromiseLike<CryptoKey | null>,
  onAnnounce?: (from: string) => void,
): () => void {
  const room: Room = { key, seen: new Set<string>(), onAnnounce };
  rooms.set(topic, room);
  return () => {
    if (rooms.get(topic) === room) rooms.delete(topic);
  };
}

/** The sender of a decrypted announce (y-webrtc writes lib0's `writeAny`), or null. */
function announcer(plain: ArrayBuffer): string | null {
  try {
    const value: unknown = decoding.readAny(decoding.createDecoder(new Uint8Array(plain)));
    if (typeof value !== 'object' || value === null) return null;
    const { type, from } = value as Record<string, unknown>;
    return type === 'announce' && typeof from === 'string' ? from : null;
  } catch {
    return null;
  }
}

async function admissible(message: unknown): Promise<boolean> {
  if (typeof message !== 'object' || message === null) return false;
  const { type, topic, data } = message as Record<string, unknown>;
  if (type !== 'publish') return true;
  const room = typeof topic === 'string' ? rooms.get(topic) : undefined;
  if (!room) return true; // not one of our rooms: y-webrtc ignores it
  if (typeof data !== 'string' || data.length > MAX_DATA || room.seen.has(data)) return false;
  let plain: ArrayBuffer;
  try {
    const decoder = decoding.createDecoder(base64.decode(data));
    if (decoding.readVarString(decoder) !== 'AES-GCM') return false;
    const iv = decoding.readVarUint8Array(decoder);
    const cipher = decoding.readVarUint8Array(decoder);
    const key = await room.key;
    if (!key) return false;
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> },
      key,
      cipher as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
  room.seen.add(data);
  if (room.seen.size > MAX_SEEN) {
    const oldest = room.seen.values().next().value;
    if (oldest !== undefined) room.seen.delete(oldest);
  }
  const from = room.onAnnounce ? announcer(plain) : null;
  try {
    if (from !== null) room.onAnnounce?.(from);
  } catch {
    // Healing a connection must never stop the signaling behind it.
  }
  return true;
}

/** Puts the guard in front of a signaling connection's message observers (once each). */
export function guardSignalingConn(conn: unknown): void {
  const internals = conn as SignalingConnLike;
  if (guarded.has(internals) || !(internals._observers instanceof Map)) return;
  guarded.add(internals);
  const observers = internals._observers.get('message');
  if (!observers) return;
  let queue: Promise<void> = Promise.resolve();
  for (const observer of [...observers]) {
    observers.delete(observer);
    observers.add((message) => {
      // In order, as they arrived: a later frame never overtakes an earlier one's check.
      queue = queue.then(async () => {
        if (!(await admissible(message))) return;
        try {
          observer(message);
        } catch {
          // y-webrtc failing on one message must not stop the next.
        }
      });
    });
  }
}
