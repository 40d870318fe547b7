import { externalUrlSchema } from '../../../shared/ipc/contract.ts';
import { browserVault } from './browser-vault.ts';
import { PlatformError, type Platform } from './types.ts';

/** The platform when the app runs as a plain web page (`npm run web`). */
export function browserPlatform(): Platform {
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
    // Notifications and the badge belong to the desktop app; a page shows neither.
    notify: () => Promise.resolve(false),
    setUnread: () => Promise.resolve(),
    // Nothing outside a web page can ask it to open a link or a group.
    on: () => () => undefined,
  };
}
