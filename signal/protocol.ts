/**
 * y-webrtc's signaling protocol, as its client (src/y-webrtc.js) sends it and its server
 * (bin/server.js) understands it: JSON text frames
 *   {type:'subscribe', topics:[...]}  {type:'unsubscribe', topics:[...]}
 *   {type:'publish', topic, ...}      {type:'ping'}  → {type:'pong'}
 * Every frame is `unknown` until parsed here; a failure names its reason, never its content.
 */

export type ClientMessage =
  | { type: 'subscribe'; topics: string[] }
  | { type: 'unsubscribe'; topics: string[] }
  | { type: 'publish'; topic: string }
  | { type: 'ping' };

export type FrameRejection =
  | 'not-json'
  | 'not-object'
  | 'bad-type'
  | 'unknown-type'
  | 'topics-not-array'
  | 'too-many-topics-in-frame'
  | 'topic-not-string'
  | 'topic-empty'
  | 'topic-too-long';

export type ParseResult =
  { ok: true; message: ClientMessage } | { ok: false; reason: FrameRejection };

export type ProtocolLimits = { maxTopicLength: number; maxTopicsPerConnection: number };

export const pongFrame = JSON.stringify({ type: 'pong' });

function checkTopic(topic: unknown, limits: ProtocolLimits): FrameRejection | undefined {
  if (typeof topic !== 'string') return 'topic-not-string';
  if (topic.length === 0) return 'topic-empty';
  if (topic.length > limits.maxTopicLength) return 'topic-too-long';
  return undefined;
}

function parseTopics(value: unknown, limits: ProtocolLimits): string[] | FrameRejection {
  if (!Array.isArray(value)) return 'topics-not-array';
  // No client may hold more than this many topics, so a longer list is never honest.
  if (value.length > limits.maxTopicsPerConnection) return 'too-many-topics-in-frame';
  const topics: string[] = [];
  for (const topic of value as unknown[]) {
    const bad = checkTopic(topic, limits);
    if (bad !== undefined) return bad;
    topics.push(topic as string);
  }
  return topics;
}

/** Parses one text frame. Only the fields the server acts on are checked; the rest is relayed. */
export function parseFrame(text: string, limits: ProtocolLimits): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not-object' };
  }
  const frame = value as Record<string, unknown>;
  const type = frame.type;
  if (typeof type !== 'string') return { ok: false, reason: 'bad-type' };
  switch (type) {
    case 'subscribe':
    case 'unsubscribe': {
      const topics = parseTopics(frame.topics, limits);
      if (typeof topics === 'string') return { ok: false, reason: topics };
      return { ok: true, message: { type, topics } };
    }
    case 'publish': {
      const bad = checkTopic(frame.topic, limits);
      if (bad !== undefined) return { ok: false, reason: bad };
      return { ok: true, message: { type, topic: frame.topic as string } };
    }
    case 'ping':
      return { ok: true, message: { type } };
    default:
      return { ok: false, reason: 'unknown-type' };
  }
}

/**
 * The frame a publish is relayed as: the sender's own text with `clients` (the topic's
 * subscriber count, as y-webrtc's server sets it) appended. Appending instead of
 * re-serialising keeps the payload byte-for-byte and never recurses into hostile nesting
 * (JSON.stringify overflows the stack on deep arrays; JSON.parse does not). A duplicate
 * `clients` key is harmless: JSON.parse keeps the last one.
 */
export function relayFrame(text: string, clients: number): string {
  const end = text.lastIndexOf('}');
  return `${text.slice(0, end)},"clients":${clients}}`;
}
