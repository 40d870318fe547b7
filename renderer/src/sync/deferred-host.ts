import type { NetworkHost } from './network-host.ts';

/** The network host's calls, each answered once the host is there. */
export type DeferredHost = {
  [K in keyof NetworkHost]: (
    ...args: Parameters<NetworkHost[K]>
  ) => Promise<ReturnType<NetworkHost[K]>>;
};

/** Every method of the host: the compiler holds this to its whole shape. */
const METHODS = {
  connect: true,
  broadcast: true,
  offer: true,
  publishHeads: true,
  setPresence: true,
  close: true,
  subscribe: true,
  unsubscribe: true,
  publish: true,
  status: true,
} as const satisfies Record<keyof NetworkHost, true>;

/**
 * The network host for the worker before its module has loaded (a third of the app's code,
 * loaded apart): the engine starts at once, and its first calls (joining rooms, a few hundred
 * ms later) wait for the host, in the order they were made. Every call fails as the load did.
 */
export function deferredHost(loading: Promise<NetworkHost>): DeferredHost {
  const host: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(METHODS) as (keyof NetworkHost)[]) {
    host[name] = async (...args) => {
      const loaded = await loading;
      return (loaded[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return host as DeferredHost;
}
