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

type Channel = {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: null): void };
};
const channel = (globalThis as unknown as { MessageChannel?: new () => Channel }).MessageChannel;

/**
 * Resolves in a later task, so that messages waiting for the thread are handled first. A
 * message channel's task, where there is one: chained timeouts are clamped to 4 ms each.
 */
export function yieldToHost(): Promise<void> {
  if (!channel) return new Promise((resolve) => after(0, resolve));
  return new Promise((resolve) => {
    const { port1, port2 } = new channel();
    port1.onmessage = () => {
      port1.onmessage = null;
      resolve();
    };
    port2.postMessage(null);
  });
}
