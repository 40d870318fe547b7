/**
 * Chromium allows ~500 RTCPeerConnections per renderer process and rarely frees closed ones
 * (DESIGN §6, MACHINE-NOTES). Past that, new peers silently fail to connect. So the app
 * counts the connections it has made and, well before the cap, starts again in a fresh
 * renderer, at a moment nobody notices: the window hidden, or nobody at the keyboard for a
 * while, and never with a draft being written. Everything is on disk, so nothing is lost.
 */
export const RECYCLE_AT = 400;
/** Nobody has touched the window for this long: a reload will not interrupt them. */
export const IDLE_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30_000;

export type RecycleMoment = {
  connectionsMade: number;
  hidden: boolean;
  idleMs: number;
  /** Something unsent in a composer or form: never reload then. */
  busy: boolean;
};

export function shouldRecycle(moment: RecycleMoment): boolean {
  if (moment.connectionsMade < RECYCLE_AT || moment.busy) return false;
  return moment.hidden || moment.idleMs >= IDLE_MS;
}

/** Watches for that moment and calls `recycle` once; returns the function that stops it. */
export function watchForRecycle(deps: {
  connectionsMade: () => number;
  recycle: () => Promise<void>;
}): () => void {
  let lastInput = Date.now();
  let done = false;
  const touched = () => {
    lastInput = Date.now();
  };
  const events = ['pointerdown', 'keydown', 'wheel'] as const;
  for (const type of events) window.addEventListener(type, touched, { passive: true });
  const busy = () =>
    [...document.querySelectorAll('textarea, input[type="text"]')].some(
      (field) => (field as HTMLTextAreaElement).value.trim() !== '',
    );
  const check = () => {
    const moment = {
      connectionsMade: deps.connectionsMade(),
      hidden: document.visibilityState === 'hidden',
      idleMs: Date.now() - lastInput,
      busy: busy(),
    };
    if (done || !shouldRecycle(moment)) return;
    done = true;
    console.info(`fellows: starting afresh after ${moment.connectionsMade} peer connections`);
    deps.recycle().catch((error: unknown) => {
      console.error('fellows: could not start afresh', error);
    });
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', check);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
    for (const type of events) window.removeEventListener(type, touched);
  };
}
