import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createLifecycle } from './lifecycle.ts';
import { createAppTray, trayMenuTemplate, type TrayDeps, type TrayLike } from './tray.ts';
import { fakeTray } from './testing.ts';

const idle = { name: 'idle' } as unknown as NativeImage;
const unread = { name: 'unread' } as unknown as NativeImage;

/** Clicks a menu item the way Electron would (the arguments are not used by ours). */
function click(item: MenuItemConstructorOptions | undefined): void {
  expect(item?.click).toBeTypeOf('function');
  (item!.click as () => void)();
}

function byId(template: MenuItemConstructorOptions[], id: string) {
  return template.find((item) => item.id === id);
}

function setup(overrides: Partial<TrayDeps> = {}) {
  const tray = fakeTray();
  const menus: MenuItemConstructorOptions[][] = [];
  let muted = false;
  const lifecycle = createLifecycle();
  const quit = vi.fn(() => {
    // What the window's close handler will see while the app quits.
    expect(lifecycle.isQuitting()).toBe(true);
  });
  const deps = {
    platform: 'linux' as NodeJS.Platform,
    createTray: vi.fn(() => tray),
    buildMenu: (template: MenuItemConstructorOptions[]) => {
      menus.push(template);
      return { template } as unknown as Menu;
    },
    icons: { idle, unread },
    showWindow: vi.fn(),
    isMuted: () => muted,
    setMuted: vi.fn((value: boolean) => {
      muted = value;
      return Promise.resolve();
    }),
    markQuitting: () => {
      lifecycle.markQuitting();
    },
    quit,
    ...overrides,
  };
  const appTray = createAppTray(deps);
  return { appTray, tray, deps, menus, lifecycle, latestMenu: () => menus.at(-1)! };
}

describe('trayMenuTemplate', () => {
  const actions = { open: vi.fn(), setMuted: vi.fn(), quit: vi.fn() };

  it('offers open, mute and quit, in that order', () => {
    const template = trayMenuTemplate({ muted: false }, actions);
    expect(template.map((item) => item.label ?? item.type)).toEqual([
      'Open Fellows',
      'Mute notifications',
      'separator',
      'Quit Fellows',
    ]);
  });

  it('shows the mute state as a checkbox and flips it', () => {
    const off = trayMenuTemplate({ muted: false }, actions);
    expect(byId(off, 'mute')).toMatchObject({ type: 'checkbox', checked: false });
    click(byId(off, 'mute'));
    expect(actions.setMuted).toHaveBeenLastCalledWith(true);

    const on = trayMenuTemplate({ muted: true }, actions);
    expect(byId(on, 'mute')).toMatchObject({ checked: true });
    click(byId(on, 'mute'));
    expect(actions.setMuted).toHaveBeenLastCalledWith(false);
  });

  it('open and quit call their actions', () => {
    const template = trayMenuTemplate({ muted: false }, actions);
    click(byId(template, 'open'));
    expect(actions.open).toHaveBeenCalledTimes(1);
    click(byId(template, 'quit'));
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });
});

describe('createAppTray', () => {
  it("takes Electron's Tray", () => {
    expectTypeOf<Tray>().toExtend<TrayLike>();
  });

  it('starts with the plain icon, the app name as tooltip and the menu', () => {
    const { tray, deps, latestMenu } = setup();
    expect(deps.createTray).toHaveBeenCalledWith(idle);
    expect(tray.setToolTip).toHaveBeenCalledWith('Fellows');
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
    expect(byId(latestMenu(), 'mute')).toMatchObject({ checked: false });
  });

  it('starts with the saved mute state', () => {
    const { latestMenu } = setup({ isMuted: () => true });
    expect(byId(latestMenu(), 'mute')).toMatchObject({ checked: true });
  });

  it('shows the unread state in the icon and tooltip, and back', () => {
    const { appTray, tray } = setup();
    appTray.setUnread(3);
    expect(tray.setImage).toHaveBeenLastCalledWith(unread);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Fellows — 3 unread');
    appTray.setUnread(0);
    expect(tray.setImage).toHaveBeenLastCalledWith(idle);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Fellows');
  });

  it('mute saves the setting and rebuilds the menu with the box ticked', () => {
    const { deps, latestMenu, tray } = setup();
    click(byId(latestMenu(), 'mute'));
    expect(deps.setMuted).toHaveBeenCalledWith(true);
    expect(byId(latestMenu(), 'mute')).toMatchObject({ checked: true });
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    click(byId(latestMenu(), 'mute'));
    expect(deps.setMuted).toHaveBeenLastCalledWith(false);
    expect(byId(latestMenu(), 'mute')).toMatchObject({ checked: false });
  });

  it('logs, without throwing, when the mute setting cannot be saved', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = Object.assign(new Error('EACCES'), { name: 'PermissionError' });
    const { latestMenu } = setup({ setMuted: () => Promise.reject(failure) });
    click(byId(latestMenu(), 'mute'));
    await vi.waitFor(() => {
      expect(error).toHaveBeenCalledWith('tray: the mute setting was not saved (PermissionError)');
    });
    error.mockRestore();
  });

  it('Open Fellows shows the window', () => {
    const { deps, latestMenu } = setup();
    click(byId(latestMenu(), 'open'));
    expect(deps.showWindow).toHaveBeenCalledTimes(1);
  });

  it('Quit Fellows marks the quit as real, then quits', () => {
    const { deps, latestMenu, lifecycle } = setup();
    expect(lifecycle.isQuitting()).toBe(false);
    click(byId(latestMenu(), 'quit'));
    expect(deps.quit).toHaveBeenCalledTimes(1);
    expect(lifecycle.isQuitting()).toBe(true);
  });

  it('a click on the icon shows the window on Windows and Linux, not on macOS', () => {
    const linux = setup();
    expect(linux.tray.on).toHaveBeenCalledWith('click', linux.deps.showWindow);
    expect(setup({ platform: 'win32' }).tray.on).toHaveBeenCalledWith(
      'click',
      expect.any(Function),
    );
    expect(setup({ platform: 'darwin' }).tray.on).not.toHaveBeenCalled();
  });

  it('destroys the icon on request', () => {
    const { appTray, tray } = setup();
    appTray.destroy();
    expect(tray.destroy).toHaveBeenCalledTimes(1);
  });
});
