import { useSyncExternalStore } from 'react';

const MINUTE_MS = 60_000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The first look after a quiet spell must not be hours old.
  now = Date.now();
  timer ??= setInterval(tick, MINUTE_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The time now, to the minute: what "Today" and "Yesterday" are counted from. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
