/** Just what we use of the Web Locks API (navigator.locks). */
export type LockManagerLike = {
  request(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<void>;
};

export const DEVICE_LOCK = 'fellows-sync-engine';

export const ELSEWHERE_MESSAGE =
  'Fellows is already open in another tab or window on this device. Close it, then reload this one.';

/**
 * Only one tab or window per device runs the sync engine (DESIGN §5): two would write with
 * the same clientIDs and fork this device's own chains. Takes the device's lock and holds it
 * for the life of the page; resolves false if another page holds it. Where the API is
 * missing (it is in every Chromium we ship), it resolves true rather than lock people out.
 */
export function acquireDeviceLock(locks: LockManagerLike | undefined): Promise<boolean> {
  if (!locks) return Promise.resolve(true);
  return new Promise<boolean>((resolve, reject) => {
    locks
      .request(DEVICE_LOCK, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // Held until the page goes away.
        return lock === null ? Promise.resolve() : new Promise<void>(() => undefined);
      })
      .catch(reject);
  });
}
