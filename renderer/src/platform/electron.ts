import type { FellowsBridge } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { PlatformError, type Platform } from './types.ts';

async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new PlatformError(result.error.code, result.error.message);
}

/** The platform inside Electron: every call crosses the validated preload bridge. */
export function electronPlatform(bridge: FellowsBridge): Platform {
  return {
    host: 'electron',
    info: () => unwrap(bridge.app.info()),
    vault: {
      status: () => unwrap(bridge.vault.status()),
      get: (name) => unwrap(bridge.vault.get(name)),
      set: async (name, value) => {
        await unwrap(bridge.vault.set(name, value));
      },
      delete: async (name) => {
        await unwrap(bridge.vault.delete(name));
      },
    },
    openExternal: async (url) => {
      await unwrap(bridge.shell.openExternal(url));
    },
    recycle: async () => {
      await unwrap(bridge.app.recycle());
    },
    notify: (request) => unwrap(bridge.notify.show(request)),
    // Main shows them through the system, which has its own switch.
    notificationAccess: () => 'granted',
    requestNotificationAccess: () => Promise.resolve('granted'),
    setUnread: async (unread) => {
      await unwrap(bridge.app.setUnread(unread));
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}
