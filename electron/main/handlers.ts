import type { AppInfo } from '../../shared/ipc/contract.ts';
import type { NotificationRequest, Unread } from '../../shared/ipc/notification.ts';
import { RefusedArgumentError } from './errors.ts';
import type { Handlers } from './ipc.ts';
import { safeExternalUrl } from './security.ts';
import type { Vault } from './vault.ts';

export type HandlerDeps = {
  app: { getName(): string; getVersion(): string };
  platform: NodeJS.Platform;
  /** `process.versions`; only the runtime versions a bug report needs are passed on. */
  versions: Readonly<Record<string, string | undefined>>;
  vault: Vault;
  /** `shell.openExternal`. */
  openExternal: (url: string) => Promise<void>;
  /** Replaces the window's renderer process with a fresh one (see `recycleRenderer`). */
  recycleRenderer: () => void;
  /** Shows a parsed notification request (notifications.ts); false when not shown. */
  notify: (request: NotificationRequest) => boolean;
  /** Updates the badge and the tray with the unread total. */
  setUnread: (unread: Unread) => void;
};

/** The implementation of every IPC channel, built from the services main owns. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { vault } = deps;
  return {
    'app:info': () => appInfo(deps),
    'app:recycle': () => {
      // After the reply is on its way: the process that asked is about to be replaced.
      setTimeout(deps.recycleRenderer, 50);
      return null;
    },
    'app:setUnread': (unread) => {
      deps.setUnread(unread);
      return null;
    },
    'vault:status': () => vault.status(),
    'vault:get': (name) => vault.get(name),
    'vault:set': async (name, value) => {
      await vault.set(name, value);
      return null;
    },
    'vault:delete': async (name) => {
      await vault.delete(name);
      return null;
    },
    'shell:openExternal': async (url) => {
      // The contract checked the text; parse it for real before the OS sees it.
      const safe = safeExternalUrl(url);
      if (safe === null)
        throw new RefusedArgumentError('Only plain http and https links can be opened.');
      await deps.openExternal(safe);
      return null;
    },
    'notify:show': (request) => deps.notify(request),
  };
}

/** What the renderer may know about the app and the runtime it runs on. */
export function appInfo(deps: Pick<HandlerDeps, 'app' | 'platform' | 'versions'>): AppInfo {
  const versions: Record<string, string> = {};
  for (const key of ['electron', 'chrome', 'node']) {
    const version = deps.versions[key];
    if (version !== undefined) versions[key] = version;
  }
  return {
    name: deps.app.getName(),
    version: deps.app.getVersion(),
    platform: desktopPlatform(deps.platform),
    host: 'electron',
    versions,
  };
}

/** Electron ships for three systems; the BSDs and others run the Linux build's code paths. */
function desktopPlatform(platform: NodeJS.Platform): AppInfo['platform'] {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}
