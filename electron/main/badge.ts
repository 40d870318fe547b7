import type { NativeImage } from 'electron';
import type { Unread } from '../../shared/ipc/notification.ts';

/** The part of Electron's `app` the badge uses (`dock` exists only on macOS). */
export type BadgeApp = {
  dock?: { setBadge(text: string): void } | undefined;
  setBadgeCount(count?: number): boolean;
};

/** The part of a `BrowserWindow` the Windows taskbar overlay needs. */
export type OverlayWindow = {
  isDestroyed(): boolean;
  setOverlayIcon(overlay: NativeImage | null, description: string): void;
};

export type BadgeDeps = {
  platform: NodeJS.Platform;
  app: BadgeApp;
  /** The main window, if there is one (it may be recreated). */
  window: () => OverlayWindow | null;
  /** The overlay image for Windows, loaded when first needed. */
  overlayIcon: () => NativeImage;
};

export type Badge = {
  set(unread: Unread): void;
  /** Draws the current state again, e.g. on a window that was just created. */
  refresh(): void;
};

/** What a badge shows for a count: nothing for none, and "99+" past 99. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** How the app describes its unread state in a tooltip or to a screen reader. */
export function unreadDescription(count: number): string {
  if (count <= 0) return 'Fellows';
  return `Fellows — ${badgeText(count)} unread`;
}

/**
 * The unread badge where each system shows one: the Dock on macOS, the launcher on Linux
 * (Unity's launcher API: GNOME with Dash to Dock, KDE; elsewhere `setBadgeCount` returns
 * false and nothing shows), and an overlay on the taskbar button on Windows.
 */
export function createBadge(deps: BadgeDeps): Badge {
  let current = 0;
  const apply = () => {
    switch (deps.platform) {
      case 'darwin':
        deps.app.dock?.setBadge(badgeText(current));
        return;
      case 'win32': {
        const window = deps.window();
        if (window === null || window.isDestroyed()) return;
        if (current === 0) window.setOverlayIcon(null, '');
        else window.setOverlayIcon(deps.overlayIcon(), unreadDescription(current));
        return;
      }
      default:
        // False where the desktop has no launcher badges: the tray still shows the state.
        deps.app.setBadgeCount(current);
    }
  };
  return {
    set(unread) {
      if (unread.count === current) return;
      current = unread.count;
      apply();
    },
    refresh: apply,
  };
}
