/** A hybrid logical clock reading: wall-clock ms, and a counter for events in the same ms. */
export type Hlc = { wall: number; counter: number };

/** How far ahead of our wall clock a remote time may pull our clock (DESIGN §4). */
export const DEFAULT_FUTURE_TOLERANCE_MS = 5 * 60_000;

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.counter - b.counter;
}

export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return compareHlc(a, b) >= 0 ? a : b;
}

export type HybridClock = {
  /** The time for a new local event: after everything seen, and never before the wall clock. */
  tick(): Hlc;
  /**
   * Takes in a remote time. Times more than the tolerance ahead of our wall clock do not move
   * the clock (one peer with a broken clock must not drag everyone into the future) and are
   * reported as `future`, so the UI can flag the message.
   */
  observe(remote: Hlc): { future: boolean };
  /** The latest time issued or observed. */
  current(): Hlc;
};

export function createClock(
  now: () => number,
  toleranceMs = DEFAULT_FUTURE_TOLERANCE_MS,
  start: Hlc = { wall: 0, counter: 0 },
): HybridClock {
  let last: Hlc = start;
  return {
    tick() {
      const wall = now();
      last =
        wall > last.wall ? { wall, counter: 0 } : { wall: last.wall, counter: last.counter + 1 };
      return last;
    },
    observe(remote) {
      if (remote.wall > now() + toleranceMs) return { future: true };
      last = maxHlc(last, remote);
      return { future: false };
    },
    current: () => last,
  };
}
