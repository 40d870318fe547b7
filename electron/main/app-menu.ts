import type { Menu, MenuItemConstructorOptions } from 'electron';

/**
 * What the app's own menu items do. Each needs the renderer, so main forwards it there
 * (the main→renderer event path); the renderer decides what opening a screen means.
 */
export type MenuActions = {
  newGroup: () => void;
  joinGroup: () => void;
  openSettings: () => void;
  /** Opens the project's documentation through the validated `openExternal`; omitted when unset. */
  openHelp?: () => void;
};

export type MenuOptions = {
  /** Reload and the developer tools: unpackaged dev runs only, never for a person using the app. */
  devTools: boolean;
};

/**
 * The app's shortcuts. Cmd/Ctrl+K is deliberately absent: quick switch belongs to the
 * renderer, and a menu accelerator would swallow the key before the page sees it.
 */
export const appShortcuts = {
  newGroup: 'CmdOrCtrl+N',
  joinGroup: 'CmdOrCtrl+J',
  settings: 'CmdOrCtrl+,',
} as const;

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };
const macPasteItems: Item[] = [{ role: 'pasteAndMatchStyle' }];
const devItems: Item[] = [
  { role: 'reload' },
  { role: 'forceReload' },
  { role: 'toggleDevTools' },
  separator,
];

/**
 * The application menu as plain data for `Menu.buildFromTemplate`: the platform's standard
 * roles (so native shortcuts, Services, window management and text editing work as
 * people expect) plus the app's own items. macOS gets its app menu with Settings and Quit;
 * Windows and Linux get a File menu with both.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  options: MenuOptions = { devTools: false },
): Item[] {
  const mac = platform === 'darwin';
  const settings: Item = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: appShortcuts.settings,
    click: actions.openSettings,
  };
  const groupItems: Item[] = [
    { label: 'New Group…', accelerator: appShortcuts.newGroup, click: actions.newGroup },
    { label: 'Join Group…', accelerator: appShortcuts.joinGroup, click: actions.joinGroup },
  ];

  const appMenu: Item = {
    label: 'Fellows',
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: Item = {
    label: mac ? 'File' : '&File',
    submenu: mac
      ? [...groupItems, separator, { role: 'close' }]
      : [...groupItems, separator, settings, separator, { role: 'quit' }],
  };
  const editMenu: Item = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? macPasteItems : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const viewMenu: Item = {
    label: mac ? 'View' : '&View',
    submenu: [
      ...(options.devTools ? devItems : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  // On macOS `window` makes this the menu where the system lists the app's windows.
  const windowMenu: Item = {
    label: mac ? 'Window' : '&Window',
    submenu: mac
      ? [
          { role: 'minimize' },
          { role: 'zoom' },
          separator,
          { role: 'front' },
          separator,
          { role: 'window' },
        ]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: Item[] = actions.openHelp ? [{ label: 'Fellows Help', click: actions.openHelp }] : [];
  const helpMenu: Item = {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    // macOS puts its help search here by itself; elsewhere About lives in Help.
    submenu: mac ? help : [...help, ...(help.length > 0 ? [separator] : []), { role: 'about' }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Sets the application menu (`Menu` is Electron's, passed in so tests need no Electron). */
export function installAppMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  template: Item[],
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(template));
}
