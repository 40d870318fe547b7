import { type FrameRejection } from './protocol.ts';
import { TokenBucket } from './rate.ts';

/** Why the server refused a connection, dropped a message or closed a connection. */
export type RejectReason =
  | FrameRejection
  | 'server-full'
  | 'address-full'
  | 'shutting-down'
  | 'binary-frame'
  | 'frame-too-large'
  | 'bad-frame'
  | 'rate-messages'
  | 'rate-bytes'
  | 'connection-topic-limit'
  | 'server-topic-limit'
  | 'slow-consumer'
  | 'no-pong'
  | 'no-subscription'
  | 'abuse'
  | 'internal-error';

/** Receives finished log lines (default: console.warn). */
export type LogSink = (line: string) => void;

/** What a rejection line may carry: never payloads or topics, only ids, counts and codes. */
export type RejectFields = {
  conn?: number;
  count?: number;
  /** What was done: `drop`, `close:1008`, `terminate`, `http:429`, ... */
  action?: string;
  /** A fixed error code from ws (e.g. WS_ERR_INVALID_UTF8), never message text. */
  code?: string;
};

/**
 * One line per rejection, e.g.
 *   2026-11-22T10:00:00.000Z signal reject reason=rate-messages addr=203.0.113.7 conn=42 action=drop
 * Lines are themselves rate limited, so a flood cannot flood the log: lines over the budget
 * are counted and reported in one summary line once the budget allows.
 */
export class RejectLog {
  readonly #bucket: TokenBucket;
  #suppressed = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sink: LogSink,
    linesPerSecond: number,
    burst: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#bucket = new TokenBucket(burst, linesPerSecond);
  }

  reject(reason: RejectReason, addr: string, fields: RejectFields = {}): void {
    if (!this.#bucket.take()) {
      this.#suppressed += 1;
      this.#scheduleSummary();
      return;
    }
    const parts = [`reason=${reason}`, `addr=${addr}`];
    // Spreads may carry explicit undefineds; skip them.
    for (const [key, value] of Object.entries(
      fields as Record<string, string | number | undefined>,
    )) {
      if (value !== undefined) parts.push(`${key}=${String(value)}`);
    }
    this.#write(`signal reject ${parts.join(' ')}`);
  }

  /** Writes the summary of suppressed lines now, if any (on shutdown). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#suppressed === 0) return;
    const n = this.#suppressed;
    this.#suppressed = 0;
    this.#write(`signal suppressed ${n} reject lines (log rate limit)`);
  }

  #scheduleSummary(): void {
    if (this.#timer !== undefined) return;
    const wait = Math.max(1000, this.#bucket.msUntil(1));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#bucket.take()) this.flush();
      else this.#scheduleSummary();
    }, wait);
    this.#timer.unref();
  }

  #write(line: string): void {
    try {
      this.sink(`${this.now().toISOString()} ${line}`);
    } catch {
      // A broken log sink (closed stdout) must not take the server down with it.
    }
  }
}
