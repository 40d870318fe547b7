import type { MenuCommand } from '../../../shared/ipc/events.ts';
import type { Platform } from '../platform/types.ts';

/** Something the desktop app asked the page to open. */
export type OpenRequest =
  | { kind: 'join'; link: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'menu'; command: MenuCommand };

/** Requests kept while no screen can take them (before onboarding ends, say). */
export const MAX_PENDING_REQUESTS = 5;

/**
 * What the desktop app asked to open, kept until a screen can act on it: a deep link that
 * started Fellows before the person onboarded waits for the groups view. Created once, when
 * the page starts, so nothing main sends is missed.
 */
export type OpenRequests = {
  /**
   * Hands each request to `handler`, the waiting ones first, until the returned function is
   * called. One consumer at a time: a newer one replaces the older.
   */
  consume(handler: (request: OpenRequest) => void): () => void;
};

export function createOpenRequests(platform: Pick<Platform, 'on'>): OpenRequests {
  const pending: OpenRequest[] = [];
  let consumer: ((request: OpenRequest) => void) | null = null;

  const arrive = (request: OpenRequest) => {
    if (consumer !== null) {
      consumer(request);
      return;
    }
    pending.push(request);
    if (pending.length > MAX_PENDING_REQUESTS) pending.shift();
  };
  platform.on('link:open', ({ link }) => {
    arrive({ kind: 'join', link });
  });
  platform.on('group:open', ({ groupId }) => {
    arrive({ kind: 'group', groupId });
  });
  platform.on('menu:command', ({ command }) => {
    arrive({ kind: 'menu', command });
  });

  return {
    consume(handler) {
      consumer = handler;
      for (const request of pending.splice(0)) handler(request);
      return () => {
        if (consumer === handler) consumer = null;
      };
    },
  };
}
