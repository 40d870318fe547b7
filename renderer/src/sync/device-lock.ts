/** Just what we use of the Web Locks API (navigator.locks). */
export type LockManagerLike = {
  request(
    name: string,
    options: { ifAvailable?: true },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<void>;
};

export const DEVICE_LOCK = 'fellows-sync-engine';

/** This page's lock manager, if it has one. */
export const pageLocks = (): LockManagerLike | undefined =>
  (navigator as { locks?: LockManagerLike }).locks;

/** Why the engine waits (logs and tests; the UI says it in the person's language). */
export const ELSEWHERE_MESSAGE =
  'Fellows is already open in another tab or window on this device; this one opens when that one closes.';

/**
 * Asks for the device's lock (`ifAvailable`: only if no page holds it; else waiting until it
 * is free) and, once granted, holds it for the life of the page. Resolves whether it is ours.
 */
function requestDeviceLock(
  locks: LockManagerLike,
  options: { ifAvailable?: true },
): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    locks
      .request(DEVICE_LOCK, options, (lock) => {
        resolve(lock !== null);
        // Held until the page goes away.
        return lock === null ? Promise.resolve() : new Promise<void>(() => undefined);
      })
      .catch(reject);
  });
}

/**
 * Only one tab or window per device runs the sync engine (DESIGN §5): two would write with
 * the same clientIDs and fork this device's own chains. Takes the device's lock and holds it
 * for the life of the page; resolves false if another page holds it. Where the API is
 * missing (it is in every Chromium we ship), it resolves true rather than lock people out.
 */
export function acquireDeviceLock(locks: LockManagerLike | undefined): Promise<boolean> {
  return locks ? requestDeviceLock(locks, { ifAvailable: true }) : Promise.resolve(true);
}

let held: Promise<boolean> | null = null;

/**
 * This page's claim on the device lock, made once: the app asks as it starts (so the last
 * group's window is drawn only in the page that will run the engine), the sync store later.
 */
export function holdDeviceLock(locks: LockManagerLike | undefined = pageLocks()): Promise<boolean> {
  return (held ??= acquireDeviceLock(locks));
}

/**
 * Waits until the page that holds the device lock has gone (a tab closed, a window reloaded
 * elsewhere), then holds it for the life of this page: a second tab takes over by itself,
 * with no reload. Resolves at once where the API is missing.
 */
export async function awaitDeviceLock(locks: LockManagerLike | undefined): Promise<void> {
  if (locks) await requestDeviceLock(locks, {});
}
