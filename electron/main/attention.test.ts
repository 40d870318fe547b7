import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_USER_MODEL_ID, installAttention, type AttentionDeps } from './attention.ts';
import type { NotificationClass } from './notifications.ts';
import { fakeTray } from './testing.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const GROUP = 'cd'.repeat(32);

function fakeImage(path: string, empty = false) {
  return { path, isEmpty: () => empty } as unknown as NativeImage;
}

/** Each test's directory for the mute file, removed after it. */
const dirs: string[] = [];

async function setup(overrides: Partial<AttentionDeps> = {}) {
  const shown: string[] = [];
  const Notification = class {
    private click = () => {};
    constructor(readonly options: { title?: string }) {}
    static isSupported = () => true;
    show() {
      shown.push(this.options.title ?? '');
      clicks.push(this.click);
    }
    close() {}
    on(event: string, listener: (...args: never[]) => void) {
      if (event === 'click') this.click = listener;
      return this;
    }
  } satisfies NotificationClass;
  const clicks: (() => void)[] = [];
  const tray = fakeTray();
  const menus: MenuItemConstructorOptions[][] = [];
  const app = {
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    setBadgeCount: vi.fn(() => true),
  };
  const dir = await mkdtemp(join(tmpdir(), 'fellows-attention-'));
  dirs.push(dir);
  const deps: AttentionDeps = {
    platform: 'linux',
    app,
    layout: { isPackaged: false, resourcesPath: '/nowhere', mainDir: join(repo, 'out', 'main') },
    muteFile: join(dir, 'notifications.json'),
    Notification,
    createTray: vi.fn(() => tray),
    buildMenu: (template) => {
      menus.push(template);
      return { template } as unknown as Menu;
    },
    loadImage: vi.fn((path: string) => fakeImage(path)),
    window: () => null,
    showWindow: vi.fn(),
    openGroup: vi.fn(),
    markQuitting: vi.fn(),
    ...overrides,
  };
  const attention = await installAttention(deps);
  const item = (id: string) => menus.at(-1)!.find((i) => i.id === id)!;
  const click = (id: string) => {
    (item(id).click as () => void)();
  };
  return { attention, deps, app, tray, shown, clicks, item, click };
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('installAttention', () => {
  it('loads the tray icons from build/tray in a dev run', async () => {
    const { deps } = await setup();
    const loaded = vi.mocked(deps.loadImage).mock.calls.map(([path]) => path);
    expect(loaded).toEqual([
      join(repo, 'build', 'tray', 'tray.png'),
      join(repo, 'build', 'tray', 'tray-unread.png'),
    ]);
  });

  it('mute in the tray silences notifications, and persists', async () => {
    const first = await setup();
    expect(first.attention.notify({ groupId: GROUP, title: 'Book club', body: 'Ada: hi' })).toBe(
      true,
    );
    first.click('mute');
    expect(first.item('mute').checked).toBe(true);
    expect(first.attention.notify({ groupId: GROUP, title: 'Again', body: 'Ada: hi' })).toBe(false);
    expect(first.shown).toEqual(['Book club']);
    await vi.waitFor(async () => {
      const again = await setup({ muteFile: first.deps.muteFile });
      expect(again.item('mute').checked).toBe(true);
    });
  });

  it('a click on a notification shows the window and opens the group', async () => {
    const { attention, deps, clicks } = await setup();
    attention.notify({ groupId: GROUP, title: 'Book club', body: 'Ada: hi' });
    clicks[0]!();
    expect(deps.showWindow).toHaveBeenCalled();
    expect(deps.openGroup).toHaveBeenCalledWith(GROUP);
  });

  it('unread totals reach the badge and the tray', async () => {
    const { attention, app, tray } = await setup();
    attention.setUnread({ count: 4 });
    expect(app.setBadgeCount).toHaveBeenCalledWith(4);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Fellows — 4 unread');
  });

  it('Quit in the tray marks the quit, then quits', async () => {
    const { deps, app, click } = await setup();
    click('quit');
    expect(deps.markQuitting).toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalled();
  });

  it('sets the app user model id on Windows only', async () => {
    expect((await setup({ platform: 'win32' })).app.setAppUserModelId).toHaveBeenCalledWith(
      APP_USER_MODEL_ID,
    );
    expect((await setup()).app.setAppUserModelId).not.toHaveBeenCalled();
  });

  it('carries on without a tray where none can be made, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { attention } = await setup({
      createTray: () => {
        throw new Error('no status area');
      },
    });
    expect(attention.trayAvailable()).toBe(false);
    expect(() => {
      attention.setUnread({ count: 2 });
    }).not.toThrow();
    expect(warn).toHaveBeenCalledWith('attention: no tray icon (Error)');
  });

  it('lets the e2e suite reach the tray menu in an unpackaged run only', async () => {
    const hooks = globalThis as { fellowsTrayMenu?: unknown };
    delete hooks.fellowsTrayMenu;
    await setup({ layout: { isPackaged: true, resourcesPath: join(repo, 'build'), mainDir: '/' } });
    expect(hooks.fellowsTrayMenu).toBeUndefined();
    await setup();
    expect(hooks.fellowsTrayMenu).toBeDefined();
    delete hooks.fellowsTrayMenu;
  });

  it('reports a missing icon file', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { attention } = await setup({ loadImage: (path) => fakeImage(path, true) });
    expect(attention.trayAvailable()).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/tray\.png is missing or unreadable/));
  });
});
