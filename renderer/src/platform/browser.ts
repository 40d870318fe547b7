import { externalUrlSchema } from '../../../shared/ipc/contract.ts';
import { createEventHub, type EventName } from '../../../shared/ipc/events.ts';
import { browserVault } from './browser-vault.ts';
import { PlatformError, type Platform } from './types.ts';
import { webNotifications } from './web-notifications.ts';

/** The platform when the app runs as a plain web page (`npm run web`). */
export function browserPlatform(): Platform {
  // The page's own events (a clicked notification's group) go through the same checked hub
  // the desktop app's preload builds, so the screens take them the same way.
  const receivers = new Map<EventName, (payload: unknown) => void>();
  const on = createEventHub(
    (event, receive) => {
      receivers.set(event, receive);
    },
    (line) => {
      console.warn(`fellows: ${line}`);
    },
  );
  const notifications = webNotifications(
    typeof Notification === 'undefined' ? undefined : Notification,
    (groupId) => {
      receivers.get('group:open')?.({ groupId });
    },
    () => {
      window.focus();
    },
  );
  return {
    host: 'web',
    info: () =>
      Promise.resolve({
        name: __APP_NAME__,
        version: __APP_VERSION__,
        platform: 'web',
        host: 'web',
        versions: { userAgent: navigator.userAgent },
      }),
    vault: browserVault(),
    openExternal: (url) => {
      const parsed = externalUrlSchema.safeParse(url);
      if (!parsed.success) {
        return Promise.reject(
          new PlatformError('invalid-argument', parsed.error.issues[0]?.message ?? 'bad link'),
        );
      }
      window.open(parsed.data, '_blank', 'noopener,noreferrer');
      return Promise.resolve();
    },
    recycle: () => {
      // A page cannot ask for a new process; a reload is the most it can do.
      window.location.reload();
      return Promise.resolve();
    },
    ...notifications,
    // A page has no badge: the unread count shows in its title (attention/watch.ts).
    setUnread: () => Promise.resolve(),
    on,
  };
}
