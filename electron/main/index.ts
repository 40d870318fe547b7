// The app entry: it composes the modules next to it and holds no logic of its own.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { SIGNALING_SCHEMES } from '../../shared/csp.ts';
import type { MenuCommand } from '../../shared/ipc/events.ts';
import { appMenuTemplate, installAppMenu } from './app-menu.ts';
import { installAttention, type Attention } from './attention.ts';
import { installContextMenu } from './context-menu.ts';
import { installDeepLinks } from './deep-link.ts';
import { createHandlers } from './handlers.ts';
import { installHideOnClose } from './hide-on-close.ts';
import { isQuitting, markQuitting } from './lifecycle.ts';
import { createRendererOutbox } from './renderer-events.ts';
import { installSpellcheck } from './spellcheck.ts';
import { createWindowStateStore, displayAreas, restoreBounds } from './window-state.ts';
import { registerIpc } from './ipc.ts';
import { serveRenderer } from './protocol.ts';
import {
  APP_ORIGIN,
  APP_SCHEME,
  appSchemes,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
} from './security.ts';
import { createVault } from './vault.ts';
import { mainWindowOptions } from './window.ts';

const here = dirname(fileURLToPath(import.meta.url));
// Only an unpackaged dev run may load the Vite dev server; a packaged app ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

// Must happen before `ready`: it gives app:// its origin, secure context and fetch support.
protocol.registerSchemesAsPrivileged(appSchemes);

let mainWindow: BrowserWindow | null = null;
// Set once app:// is served and IPC is registered; no window may exist before that.
let started = false;
// Events for the page (deep links, notification clicks, menu items) wait here while it loads.
const outbox = createRendererOutbox();
// Notifications, the unread badge and the tray; set once the app is ready.
let attention: Attention | null = null;
const windowState = createWindowStateStore({
  filePath: join(app.getPath('userData'), 'window-state.json'),
});

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: join(here, '../preload/index.cjs'),
      dark: nativeTheme.shouldUseDarkColors,
      bounds: restoreBounds(windowState.current(), displayAreas(screen)),
    }),
  );
  outbox.attach(window);
  // Maximized or full screen again before it first shows; saved as it moves and closes.
  windowState.track(window);
  // Closing hides it where a tray (or, on macOS, the Dock) brings it back: the sync engine
  // lives in this page and must keep syncing and relaying.
  installHideOnClose(window, {
    platform: process.platform,
    isQuitting,
    markQuitting,
    trayAvailable: () => attention?.trayAvailable() ?? false,
  });
  installContextMenu(window.webContents, {
    devTools: !app.isPackaged,
    popup: (template) => {
      Menu.buildFromTemplate(template).popup({ window });
    },
  });
  window.once('ready-to-show', () => {
    window.show();
    // Windows draws the unread overlay per window.
    attention?.refreshBadge();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    console.error('main: the window could not load the app', error);
  });
  return window;
}

function showMainWindow(): void {
  // macOS may send 'activate' (and a second launch 'second-instance') before start() ends.
  if (!started) return;
  if (mainWindow === null) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

const openExternal = (url: string) => shell.openExternal(url);

/** An application-menu item that opens a screen of the page. */
const menuCommand = (command: MenuCommand) => () => {
  showMainWindow();
  outbox.send('menu:command', { command });
};

async function start(): Promise<void> {
  await app.whenReady();
  // Groups name their own signaling servers (shared/csp.ts): allow the WebSocket schemes.
  protocol.handle(
    APP_SCHEME,
    serveRenderer(join(here, '../renderer'), { connectSources: () => SIGNALING_SCHEMES }),
  );
  hardenSession(session.defaultSession, { devServerUrl });
  installSpellcheck(session.defaultSession, process.platform);
  windowState.load();
  installAppMenu(
    Menu,
    appMenuTemplate(
      process.platform,
      {
        newGroup: menuCommand('new-group'),
        joinGroup: menuCommand('join-group'),
        openSettings: menuCommand('settings'),
      },
      { devTools: !app.isPackaged },
    ),
  );
  attention = await installAttention({
    platform: process.platform,
    app,
    layout: { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, mainDir: here },
    muteFile: join(app.getPath('userData'), 'notifications.json'),
    Notification,
    createTray: (image) => new Tray(image),
    buildMenu: Menu.buildFromTemplate.bind(Menu),
    loadImage: (path) => nativeImage.createFromPath(path),
    window: () => mainWindow,
    showWindow: showMainWindow,
    openGroup: (groupId) => {
      outbox.send('group:open', { groupId });
    },
    markQuitting,
  });
  const { notify, setUnread } = attention;

  const vault = createVault({ safeStorage, filePath: join(app.getPath('userData'), 'vault.json') });
  registerIpc(
    ipcMain,
    createHandlers({
      app,
      platform: process.platform,
      versions: process.versions,
      vault,
      openExternal,
      notify,
      setUnread,
      recycleRenderer: () => {
        // Chromium frees few closed RTCPeerConnections before its ~500-per-process cap: a
        // reload in the same process would not help, a new renderer process does (DESIGN §6).
        const contents = mainWindow?.webContents;
        if (!contents || contents.isDestroyed()) return;
        contents.forcefullyCrashRenderer();
        contents.reload();
      },
    }),
    (frame) => isTrustedSender(frame, devServerUrl),
  );

  started = true;
  showMainWindow();
}

if (app.requestSingleInstanceLock()) {
  // fellows://join/… links: macOS may send them before ready, so this comes first.
  installDeepLinks({ app, process, outbox, showWindow: showMainWindow });
  // Hardened before anything can create a web contents: every window, popup and webview.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal, devServerUrl });
  });
  // Every session gets the spell-check that downloads nothing (spellcheck.ts).
  app.on('session-created', (created) => {
    installSpellcheck(created, process.platform);
  });
  app.on('second-instance', showMainWindow);
  // macOS: clicking the Dock icon with no window open brings one back.
  app.on('activate', showMainWindow);
  // Cmd+Q, the menu's Quit, logging out: the window's close must not just hide it then.
  app.on('before-quit', markQuitting);
  // The window really closes only while quitting, or on Windows and Linux without a tray:
  // either way Fellows quits (macOS keeps apps open without windows).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('main: Fellows could not start', error);
    app.exit(1);
  });
} else {
  // Another Fellows is running: it was told via 'second-instance' and shows its window.
  app.quit();
}
