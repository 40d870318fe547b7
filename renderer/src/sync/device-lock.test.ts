import { describe, expect, it } from 'vitest';
import { acquireDeviceLock, type LockManagerLike } from './device-lock.ts';

/** A lock manager with Web Locks' `ifAvailable` semantics, in memory. */
function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        await callback({ name });
      } finally {
        held.delete(name);
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
});
