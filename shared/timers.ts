/**
 * Timers: every host shared/ runs in (windows, workers, Node) has `setTimeout`, but shared/'s
 * TypeScript lib has neither DOM nor Node types, so they are typed here once.
 */
export type Timer = { readonly timer: unique symbol };

const host = globalThis as unknown as {
  setTimeout(run: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
};

export function after(ms: number, run: () => void): Timer {
  return host.setTimeout(run, ms);
}

export function cancel(timer: Timer | null): void {
  if (timer !== null) host.clearTimeout(timer);
}
