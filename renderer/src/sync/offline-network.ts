import type { Network } from '../../../shared/repo/network.ts';

/**
 * A network that reaches nobody: the engine works fully offline with it (writes, history,
 * unread counts), and blobs wait in the log until a real transport connects.
 */
export function offlineNetwork(): Network {
  return {
    connect: () => ({
      broadcast: () => undefined,
      offer: () => undefined,
      publishHeads: () => undefined,
      setPresence: () => undefined,
      close: () => undefined,
    }),
    subscribe: () => () => undefined,
    publish: () => undefined,
  };
}
