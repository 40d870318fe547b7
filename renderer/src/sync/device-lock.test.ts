import { describe, expect, it } from 'vitest';
import {
  acquireDeviceLock,
  awaitDeviceLock,
  holdDeviceLock,
  type LockManagerLike,
} from './device-lock.ts';

/** A lock manager with Web Locks' semantics in memory: `ifAvailable`, or wait in turn. */
function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  return {
    async request(name, options, callback) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve) => {
          waiting.set(name, [...(waiting.get(name) ?? []), resolve]);
        });
      }
      held.add(name);
      try {
        await callback({ name });
      } finally {
        held.delete(name);
        const [next, ...rest] = waiting.get(name) ?? [];
        waiting.set(name, rest);
        next?.();
      }
    },
  };
}

describe('one sync engine per device', () => {
  it('lets the first page run and tells the second one', async () => {
    const locks = fakeLocks();
    expect(await acquireDeviceLock(locks)).toBe(true);
    expect(await acquireDeviceLock(locks)).toBe(false);
  });

  it('does not lock anyone out where the API is missing', async () => {
    expect(await acquireDeviceLock(undefined)).toBe(true);
  });

  it('claims the lock once per page: the start and the sync store get the same answer', async () => {
    const locks = fakeLocks();
    const atStart = holdDeviceLock(locks);
    expect(await atStart).toBe(true);
    // Asked again (the sync store): the page's own claim, not a second one refused.
    expect(holdDeviceLock(locks)).toBe(atStart);
    expect(await acquireDeviceLock(locks)).toBe(false);
  });

  it('a page that found the lock held takes over once the holder has gone', async () => {
    const locks = fakeLocks();
    // The first page holds the lock until it closes.
    let close: () => void = () => undefined;
    void locks.request(
      'fellows-sync-engine',
      {},
      () => new Promise<void>((done) => (close = done)),
    );
    expect(await acquireDeviceLock(locks)).toBe(false);
    let mine = false;
    const waiting = awaitDeviceLock(locks).then(() => (mine = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(mine).toBe(false);
    close();
    await waiting;
    expect(mine).toBe(true);
    // Held from then on.
    expect(await acquireDeviceLock(locks)).toBe(false);
  });

  it('does not wait where the API is missing', async () => {
    await expect(awaitDeviceLock(undefined)).resolves.toBeUndefined();
  });
});
