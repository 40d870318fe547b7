/** Milliseconds from a monotonic clock. */
export type Clock = () => number;

const monotonic: Clock = () => performance.now();

/**
 * A token bucket: holds up to `capacity` tokens and refills continuously at `perSecond`.
 * Starts full, so a fresh connection gets its whole burst.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: Clock = monotonic,
  ) {
    this.#tokens = capacity;
    this.#last = now();
  }

  /** Takes `n` tokens if there are that many; otherwise takes none and says no. */
  take(n = 1): boolean {
    this.#refill();
    if (this.#tokens < n) return false;
    this.#tokens -= n;
    return true;
  }

  /** Tokens available now. */
  get available(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Milliseconds until `n` tokens are available (0 if they are now). */
  msUntil(n = 1): number {
    this.#refill();
    return this.#tokens >= n ? 0 : ((n - this.#tokens) / this.perSecond) * 1000;
  }

  #refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.#last);
    this.#last = t;
    this.#tokens = Math.min(this.capacity, this.#tokens + (elapsed / 1000) * this.perSecond);
  }
}
