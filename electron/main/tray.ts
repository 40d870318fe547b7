import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { unreadDescription } from './badge.ts';

export type TrayMenuState = { muted: boolean };

export type TrayMenuActions = {
  open(): void;
  setMuted(muted: boolean): void;
  quit(): void;
};

/**
 * The tray's menu as plain data. The mute item's click sets the opposite of the state the
 * menu was built with; the tray rebuilds the menu after every change (Linux caches it).
 */
export function trayMenuTemplate(
  state: TrayMenuState,
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  return [
    {
      id: 'open',
      label: 'Open Fellows',
      click: () => {
        actions.open();
      },
    },
    {
      id: 'mute',
      label: 'Mute notifications',
      type: 'checkbox',
      checked: state.muted,
      click: () => {
        actions.setMuted(!state.muted);
      },
    },
    { type: 'separator' },
    {
      id: 'quit',
      label: 'Quit Fellows',
      click: () => {
        actions.quit();
      },
    },
  ];
}

/** The part of an Electron `Tray` this module uses. */
export type TrayLike = {
  setImage(image: NativeImage): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
};

export type TrayDeps = {
  platform: NodeJS.Platform;
  /** `new Tray(image)`. */
  createTray: (image: NativeImage) => TrayLike;
  /** `Menu.buildFromTemplate`. */
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  icons: { idle: NativeImage; unread: NativeImage };
  showWindow: () => void;
  isMuted: () => boolean;
  setMuted: (muted: boolean) => Promise<void>;
  /** Marks the quit as real, so closing the window does not just hide it. */
  markQuitting: () => void;
  /** `app.quit`. */
  quit: () => void;
};

export type AppTray = {
  /** Shows the unread state in the icon and the tooltip. */
  setUnread(count: number): void;
  destroy(): void;
};

/**
 * The tray icon: it shows whether anything is unread, and its menu opens the window, mutes
 * notifications and quits (really: the window's close only hides it).
 */
export function createAppTray(deps: TrayDeps): AppTray {
  let unread = 0;
  const tray = deps.createTray(deps.icons.idle);
  const actions: TrayMenuActions = {
    open: deps.showWindow,
    setMuted(muted) {
      deps.setMuted(muted).catch((error: unknown) => {
        console.error(`tray: the mute setting was not saved (${errorName(error)})`);
      });
      refreshMenu();
    },
    quit() {
      deps.markQuitting();
      deps.quit();
    },
  };
  function refreshMenu() {
    tray.setContextMenu(deps.buildMenu(trayMenuTemplate({ muted: deps.isMuted() }, actions)));
  }
  const draw = () => {
    tray.setImage(unread > 0 ? deps.icons.unread : deps.icons.idle);
    tray.setToolTip(unreadDescription(unread));
  };
  // macOS opens the menu on a click; elsewhere a click on the icon brings the window back.
  if (deps.platform !== 'darwin') tray.on('click', deps.showWindow);
  tray.setToolTip(unreadDescription(0));
  refreshMenu();
  return {
    setUnread(count) {
      if (count === unread) return;
      unread = count;
      draw();
    },
    destroy: () => {
      tray.destroy();
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
