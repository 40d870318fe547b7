import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, installAppMenu, type MenuActions } from './app-menu.ts';

type Item = MenuItemConstructorOptions;
const platforms = ['darwin', 'win32', 'linux'] as const;

/** The accelerators Electron gives each role by default (lib/browser/api/menu-item-roles.ts). */
function roleAccelerator(role: string, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin';
  const defaults: Record<string, string | undefined> = {
    close: 'CommandOrControl+W',
    copy: 'CommandOrControl+C',
    cut: 'CommandOrControl+X',
    forceReload: 'Shift+CmdOrCtrl+R',
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
    minimize: 'CommandOrControl+M',
    paste: 'CommandOrControl+V',
    pasteAndMatchStyle: mac ? 'Shift+Command+V' : 'Shift+CommandOrControl+V',
    quit: platform === 'win32' ? undefined : 'CommandOrControl+Q',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    reload: 'CmdOrCtrl+R',
    resetZoom: 'CommandOrControl+0',
    selectAll: 'CommandOrControl+A',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
    undo: 'CommandOrControl+Z',
    zoomIn: 'CommandOrControl+Plus',
    zoomOut: 'CommandOrControl+-',
  };
  return defaults[role];
}

/** One spelling per key combination, as the platform sees it ("cmd+shift+z"). */
function normalise(accelerator: string, platform: NodeJS.Platform): string {
  const primary = platform === 'darwin' ? 'cmd' : 'ctrl';
  const aliases: Record<string, string> = {
    commandorcontrol: primary,
    cmdorctrl: primary,
    command: 'cmd',
    cmd: 'cmd',
    control: 'ctrl',
    ctrl: 'ctrl',
    option: 'alt',
    alt: 'alt',
  };
  const keys = accelerator.toLowerCase().split('+');
  const key = keys.pop()!;
  const modifiers = keys.map((k) => aliases[k] ?? k).sort();
  return [...modifiers, key].join('+');
}

/** Every item, depth first. */
function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function accelerators(template: Item[], platform: NodeJS.Platform): string[] {
  return flatten(template).flatMap((item) => {
    const accelerator =
      item.accelerator ?? (item.role ? roleAccelerator(item.role, platform) : undefined);
    return accelerator === undefined ? [] : [normalise(accelerator, platform)];
  });
}

const roles = (template: Item[]) => flatten(template).flatMap((item) => item.role ?? []);
const labels = (template: Item[]) => template.map((item) => item.label ?? item.role);
const byLabel = (template: Item[], label: string) =>
  flatten(template).find((item) => item.label === label);

function actions() {
  return {
    newGroup: vi.fn<() => void>(),
    joinGroup: vi.fn<() => void>(),
    openSettings: vi.fn<() => void>(),
    openHelp: vi.fn<() => void>(),
  } satisfies MenuActions;
}

describe('appMenuTemplate', () => {
  it.each(platforms)('has the standard edit, view, window and help roles on %s', (platform) => {
    const template = appMenuTemplate(platform, actions());
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'minimize',
      'close',
      'quit',
      'about',
      'help',
    ]) {
      expect(roles(template), role).toContain(role);
    }
  });

  it('gives macOS its app menu, with Settings… and Quit, first', () => {
    const template = appMenuTemplate('darwin', actions());
    expect(labels(template)).toEqual(['Fellows', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = template[0]!.submenu as Item[];
    expect(appMenu.map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'about',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(roles(template)).toContain('window');
    expect(roles(template)).toContain('pasteAndMatchStyle');
  });

  it.each(['win32', 'linux'] as const)(
    'gives %s a File menu with the group items, Settings and Quit',
    (platform) => {
      const template = appMenuTemplate(platform, actions());
      expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      const file = (template[0]!.submenu as Item[]).map((i) => i.role ?? i.label ?? i.type);
      expect(file).toEqual([
        'New Group…',
        'Join Group…',
        'separator',
        'Settings',
        'separator',
        'quit',
      ]);
      expect(roles(template)).not.toContain('services');
      expect(roles(template)).not.toContain('hide');
    },
  );

  it.each(platforms)('has no two items on one shortcut on %s, dev tools included', (platform) => {
    for (const devTools of [false, true]) {
      const all = accelerators(appMenuTemplate(platform, actions(), { devTools }), platform);
      expect(all.length).toBeGreaterThan(10);
      expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
    }
  });

  it.each(platforms)('leaves Cmd/Ctrl+K to the page on %s', (platform) => {
    const primary = platform === 'darwin' ? 'cmd' : 'ctrl';
    const all = accelerators(appMenuTemplate(platform, actions(), { devTools: true }), platform);
    expect(all).not.toContain(`${primary}+k`);
  });

  it.each(platforms)('binds the app shortcuts to the app actions on %s', (platform) => {
    const a = actions();
    const template = appMenuTemplate(platform, a);
    const settings = byLabel(template, platform === 'darwin' ? 'Settings…' : 'Settings')!;
    const primary = platform === 'darwin' ? 'cmd' : 'ctrl';
    expect(normalise(settings.accelerator!, platform)).toBe(`${primary}+,`);
    expect(normalise(byLabel(template, 'New Group…')!.accelerator!, platform)).toBe(`${primary}+n`);
    expect(normalise(byLabel(template, 'Join Group…')!.accelerator!, platform)).toBe(
      `${primary}+j`,
    );
    for (const [label, action] of [
      ['New Group…', a.newGroup],
      ['Join Group…', a.joinGroup],
      [settings.label!, a.openSettings],
      ['Fellows Help', a.openHelp],
    ] as const) {
      const click = byLabel(template, label)!.click as () => void;
      click();
      expect(action, label).toHaveBeenCalledTimes(1);
    }
  });

  it('offers reload and the developer tools only on dev runs', () => {
    for (const platform of platforms) {
      expect(roles(appMenuTemplate(platform, actions()))).not.toContain('toggleDevTools');
      expect(roles(appMenuTemplate(platform, actions()))).not.toContain('reload');
      expect(roles(appMenuTemplate(platform, actions(), { devTools: true }))).toContain(
        'toggleDevTools',
      );
    }
  });

  it('has no help link unless the documentation action is given', () => {
    const withoutHelp: MenuActions = { ...actions(), openHelp: undefined };
    for (const platform of platforms) {
      const template = appMenuTemplate(platform, withoutHelp);
      expect(byLabel(template, 'Fellows Help')).toBeUndefined();
      const help = template.at(-1)!;
      expect(help.role).toBe('help');
      // Only roles and separators: nothing in Help reaches the network.
      expect((help.submenu as Item[]).every((i) => i.click === undefined)).toBe(true);
    }
  });
});

describe('installAppMenu', () => {
  it('builds the template and sets it as the application menu', () => {
    const built = { id: 'menu' };
    const menu = {
      buildFromTemplate: vi.fn(() => built),
      setApplicationMenu: vi.fn(),
    };
    const template = appMenuTemplate('linux', actions());
    installAppMenu(menu as never, template);
    expect(menu.buildFromTemplate).toHaveBeenCalledWith(template);
    expect(menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});
