import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import type { NotificationRequest, Unread } from '../../shared/ipc/notification.ts';
import { createBadge, type BadgeApp, type OverlayWindow } from './badge.ts';
import { loadMuteSetting, type MuteSetting } from './mute.ts';
import { createNotifier, type NotificationClass } from './notifications.ts';
import { createAppTray, type AppTray, type TrayLike } from './tray.ts';
import { trayAssetPaths, type AppLayout } from './tray-assets.ts';

/** The id Windows groups the app's toasts and taskbar button under: electron-builder's appId. */
export const APP_USER_MODEL_ID = 'org.fellows.desktop';

export type AttentionDeps = {
  platform: NodeJS.Platform;
  app: BadgeApp & {
    setAppUserModelId(id: string): void;
    quit(): void;
  };
  layout: AppLayout;
  /** The mute setting's file, `<userData>/notifications.json`. */
  muteFile: string;
  Notification: NotificationClass;
  /** `(image) => new Tray(image)`. */
  createTray: (image: NativeImage) => TrayLike;
  /** `Menu.buildFromTemplate`. */
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** `nativeImage.createFromPath`. */
  loadImage: (path: string) => NativeImage;
  window: () => OverlayWindow | null;
  showWindow: () => void;
  openGroup: (groupId: string) => void;
  markQuitting: () => void;
};

/** What main's IPC handlers and window code use. */
export type Attention = {
  notify: (request: NotificationRequest) => boolean;
  setUnread: (unread: Unread) => void;
  /** Whether a tray icon is there to bring a hidden window back. */
  trayAvailable: () => boolean;
  /** Puts the badge on a window that was just created (Windows draws it per window). */
  refreshBadge: () => void;
};

/**
 * Notifications, the unread badge and the tray: how Fellows reaches the person while its
 * window is hidden. Call after `app` is ready (trays and images need it).
 */
export async function installAttention(deps: AttentionDeps): Promise<Attention> {
  // Without it, Windows shows no toasts for an app it cannot tie to its Start menu entry.
  if (deps.platform === 'win32') deps.app.setAppUserModelId(APP_USER_MODEL_ID);
  const mute: MuteSetting = await loadMuteSetting({ filePath: deps.muteFile });
  const paths = trayAssetPaths(deps.layout);
  const image = (path: string) => {
    const loaded = deps.loadImage(path);
    if (loaded.isEmpty()) console.warn(`attention: the image ${path} is missing or unreadable`);
    return loaded;
  };
  let overlay: NativeImage | undefined;
  const badge = createBadge({
    platform: deps.platform,
    app: deps.app,
    window: deps.window,
    overlayIcon: () => (overlay ??= image(paths.overlay)),
  });
  let tray: AppTray | null = null;
  try {
    tray = createAppTray({
      platform: deps.platform,
      createTray: deps.createTray,
      buildMenu: (template) => {
        const menu = deps.buildMenu(template);
        // The e2e suite reaches the tray's menu through Playwright's app.evaluate, which sees
        // only main's globals (never a page): only in an unpackaged run.
        if (!deps.layout.isPackaged) Object.assign(globalThis, { fellowsTrayMenu: menu });
        return menu;
      },
      icons: { idle: image(paths.idle), unread: image(paths.unread) },
      showWindow: deps.showWindow,
      isMuted: mute.isMuted,
      setMuted: mute.setMuted,
      markQuitting: deps.markQuitting,
      quit: () => {
        deps.app.quit();
      },
    });
  } catch (error) {
    // No tray (a desktop without one): the window then closes instead of hiding.
    console.warn(`attention: no tray icon (${error instanceof Error ? error.name : 'unknown'})`);
  }
  const notifier = createNotifier({
    Notification: deps.Notification,
    isMuted: mute.isMuted,
    showWindow: deps.showWindow,
    openGroup: deps.openGroup,
  });
  return {
    notify: (request) => notifier.show(request),
    setUnread: (unread) => {
      badge.set(unread);
      tray?.setUnread(unread.count);
    },
    trayAvailable: () => tray !== null,
    refreshBadge: () => {
      badge.refresh();
    },
  };
}
