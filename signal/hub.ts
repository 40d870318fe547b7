/** The heart of the server: connections, topics, relaying, limits and the rejection log. */
import { WebSocket, type RawData } from 'ws';
import { byteLength, type Conn, type Ending, policy, toText } from './conn.ts';
import { type SignalLimits } from './limits.ts';
import { type RejectFields, type RejectLog, type RejectReason } from './log.ts';
import { parseFrame, pongFrame, relayFrame } from './protocol.ts';
import { TokenBucket } from './rate.ts';
import { TopicRegistry } from './topics.ts';

export type SignalStats = {
  connections: number;
  /** Distinct remote addresses with an open connection. */
  addresses: number;
  topics: number;
  subscriptions: number;
  messagesIn: number;
  bytesIn: number;
  framesOut: number;
  rejected: Partial<Record<RejectReason, number>>;
};

export type Refusal = { reason: RejectReason; status: number };

/** Relays publishes to subscribers, within the limits; all state is freed as clients leave. */
export class Hub {
  readonly #conns = new Set<Conn>();
  readonly #perAddress = new Map<string, number>();
  readonly #topics: TopicRegistry<Conn>;
  readonly #rejected = new Map<RejectReason, number>();
  readonly #pong = Buffer.from(pongFrame);
  #nextId = 1;
  #messagesIn = 0;
  #bytesIn = 0;
  #framesOut = 0;
  #closing = false;

  constructor(
    private readonly limits: SignalLimits,
    private readonly log: RejectLog,
  ) {
    this.#topics = new TopicRegistry(limits.maxTopics);
  }

  /** Why a new connection from `address` must be refused, if it must. */
  refusal(address: string): Refusal | undefined {
    if (this.#closing) return { reason: 'shutting-down', status: 503 };
    if (this.#conns.size >= this.limits.maxConnections) {
      return { reason: 'server-full', status: 503 };
    }
    if ((this.#perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
      return { reason: 'address-full', status: 429 };
    }
    return undefined;
  }

  /** Records a refused upgrade (the caller answers it over HTTP). */
  refused(address: string, refusal: Refusal): void {
    this.#count(refusal.reason);
    this.log.reject(refusal.reason, address, { action: `http:${refusal.status}` });
  }

  accept(ws: WebSocket, address: string): void {
    const { limits } = this;
    const conn: Conn = {
      id: this.#nextId++,
      address,
      ws,
      topics: new Set(),
      messages: new TokenBucket(limits.messageBurst, limits.messagesPerSecond),
      bytes: new TokenBucket(limits.byteBurst, limits.bytesPerSecond),
      strikes: new TokenBucket(limits.maxStrikes, limits.strikeDecayPerSecond),
      alive: true,
      closed: false,
      topicless: undefined,
    };
    this.#conns.add(conn);
    this.#perAddress.set(address, (this.#perAddress.get(address) ?? 0) + 1);
    this.#armTopicless(conn);
    ws.on('message', (data, isBinary) => {
      this.#guard(conn, () => {
        this.#onMessage(conn, data, isBinary);
      });
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (error) => {
      this.#guard(conn, () => {
        this.#onError(conn, error);
      });
    });
    ws.on('close', () => {
      this.#forget(conn);
    });
  }

  /** Pings every connection; drops those that did not answer the previous ping. */
  sweep(): void {
    for (const conn of this.#conns) {
      if (conn.closed) continue;
      if (!conn.alive) {
        this.#end(conn, 'no-pong', 'terminate');
        continue;
      }
      conn.alive = false;
      try {
        conn.ws.ping();
      } catch {
        // The socket is already going; its close event cleans up.
      }
    }
  }

  /** Refuses new connections and closes the open ones with 1001 (going away). */
  shutdown(): void {
    this.#closing = true;
    for (const conn of this.#conns) {
      conn.closed = true;
      this.#release(conn);
      conn.ws.close(1001, 'server shutting down');
    }
  }

  /** Cuts whatever is still open (after shutdown's grace period). */
  terminateAll(): void {
    for (const conn of this.#conns) conn.ws.terminate();
  }

  stats(): SignalStats {
    return {
      connections: this.#conns.size,
      addresses: this.#perAddress.size,
      topics: this.#topics.size,
      subscriptions: this.#topics.subscriptions,
      messagesIn: this.#messagesIn,
      bytesIn: this.#bytesIn,
      framesOut: this.#framesOut,
      rejected: Object.fromEntries(this.#rejected),
    };
  }

  #onMessage(conn: Conn, data: RawData, isBinary: boolean): void {
    if (conn.closed) return;
    conn.alive = true;
    const early = this.#precheck(conn, byteLength(data), isBinary);
    if (early !== undefined) {
      this.#reject(conn, early);
      return;
    }
    const text = toText(data);
    const parsed = parseFrame(text, this.limits);
    if (!parsed.ok) {
      this.#reject(conn, parsed.reason);
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'subscribe':
        this.#subscribe(conn, message.topics);
        break;
      case 'unsubscribe':
        this.#unsubscribe(conn, message.topics);
        break;
      case 'publish':
        this.#publish(message.topic, text);
        break;
      case 'ping':
        this.#send(conn, this.#pong);
        break;
    }
  }

  /** Rate limits and frame kind: checked before any parsing, so a flood costs next to nothing. */
  #precheck(conn: Conn, size: number, isBinary: boolean): RejectReason | undefined {
    this.#messagesIn += 1;
    this.#bytesIn += size;
    if (!conn.messages.take()) return 'rate-messages';
    if (!conn.bytes.take(size)) return 'rate-bytes';
    if (isBinary) return 'binary-frame';
    return undefined;
  }

  #subscribe(conn: Conn, topics: readonly string[]): void {
    let overConnection = 0;
    let overServer = 0;
    for (const topic of topics) {
      if (conn.topics.has(topic)) continue; // y-webrtc re-subscribes whenever a peer drops
      if (conn.topics.size >= this.limits.maxTopicsPerConnection) {
        overConnection += 1;
        continue;
      }
      if (this.#topics.add(topic, conn) === 'full') {
        overServer += 1;
        continue;
      }
      conn.topics.add(topic);
    }
    if (conn.topics.size > 0) {
      clearTimeout(conn.topicless);
      conn.topicless = undefined;
    }
    if (overConnection > 0) this.#reject(conn, 'connection-topic-limit', { count: overConnection });
    // The server being full is not this client's fault: logged, but no strike.
    if (overServer > 0) this.#note(conn, 'server-topic-limit', { count: overServer });
  }

  #unsubscribe(conn: Conn, topics: readonly string[]): void {
    for (const topic of topics) {
      if (conn.topics.delete(topic)) this.#topics.remove(topic, conn);
    }
    this.#armTopicless(conn);
  }

  /** Relays to every subscriber, the sender included if subscribed (as y-webrtc's server does). */
  #publish(topic: string, text: string): void {
    const subscribers = this.#topics.subscribers(topic);
    if (subscribers === undefined) return;
    const frame = Buffer.from(relayFrame(text, subscribers.size));
    for (const receiver of [...subscribers]) this.#send(receiver, frame);
  }

  #send(conn: Conn, frame: Buffer): void {
    if (conn.closed || conn.ws.readyState !== WebSocket.OPEN) return;
    // A reader that does not read would make the server buffer without bound.
    if (conn.ws.bufferedAmount + frame.length > this.limits.maxBufferedBytes) {
      this.#end(conn, 'slow-consumer', 'terminate');
      return;
    }
    conn.ws.send(frame, { binary: false });
    this.#framesOut += 1;
  }

  #onError(conn: Conn, error: Error): void {
    // ws has already failed the connection (1002/1007/1009); say why, by code only.
    const code = (error as Error & { code?: unknown }).code;
    const known = typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'unknown';
    const tooLarge = known === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
    this.#count(tooLarge ? 'frame-too-large' : 'bad-frame');
    this.log.reject(tooLarge ? 'frame-too-large' : 'bad-frame', conn.address, {
      conn: conn.id,
      code: known,
      action: tooLarge ? 'close:1009' : 'close',
    });
    conn.closed = true;
    this.#release(conn);
  }

  /** A dropped message: logged, counted, and a strike; too many strikes close the connection. */
  #reject(conn: Conn, reason: RejectReason, fields: RejectFields = {}): void {
    this.#note(conn, reason, { ...fields, action: 'drop' });
    if (!conn.strikes.take()) this.#end(conn, 'abuse', policy('policy violation'));
  }

  #note(conn: Conn, reason: RejectReason, fields: RejectFields): void {
    this.#count(reason);
    this.log.reject(reason, conn.address, { conn: conn.id, ...fields });
  }

  #end(conn: Conn, reason: RejectReason, ending: Ending): void {
    if (conn.closed) return;
    const action = ending === 'terminate' ? 'terminate' : `close:${ending.code}`;
    this.#note(conn, reason, { action });
    conn.closed = true;
    this.#release(conn);
    if (ending === 'terminate') conn.ws.terminate();
    else conn.ws.close(ending.code, ending.text);
  }

  #armTopicless(conn: Conn): void {
    if (conn.topics.size > 0 || conn.topicless !== undefined || conn.closed) return;
    conn.topicless = setTimeout(() => {
      conn.topicless = undefined;
      if (conn.topics.size === 0) this.#end(conn, 'no-subscription', policy('no subscription'));
    }, this.limits.subscribeTimeoutMs);
    conn.topicless.unref();
  }

  /** Frees the connection's topics (at once, not when the socket finally closes). */
  #release(conn: Conn): void {
    for (const topic of conn.topics) this.#topics.remove(topic, conn);
    conn.topics.clear();
    clearTimeout(conn.topicless);
    conn.topicless = undefined;
  }

  #forget(conn: Conn): void {
    conn.closed = true;
    this.#release(conn);
    if (!this.#conns.delete(conn)) return;
    const left = (this.#perAddress.get(conn.address) ?? 1) - 1;
    if (left > 0) this.#perAddress.set(conn.address, left);
    else this.#perAddress.delete(conn.address);
  }

  #count(reason: RejectReason): void {
    this.#rejected.set(reason, (this.#rejected.get(reason) ?? 0) + 1);
  }

  /** Nothing a client sends may crash the server: a bug costs that one connection. */
  #guard(conn: Conn, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.#count('internal-error');
      this.log.reject('internal-error', conn.address, {
        conn: conn.id,
        code: error instanceof Error && /^\w{1,64}$/.test(error.name) ? error.name : 'unknown',
        action: 'terminate',
      });
      conn.closed = true;
      this.#release(conn);
      conn.ws.terminate();
    }
  }
}
