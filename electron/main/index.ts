// The app entry: it composes the modules next to it and holds no logic of its own.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  nativeTheme,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { SIGNALING_SCHEMES } from '../../shared/csp.ts';
import { createHandlers } from './handlers.ts';
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

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: join(here, '../preload/index.cjs'),
      dark: nativeTheme.shouldUseDarkColors,
    }),
  );
  window.once('ready-to-show', () => {
    window.show();
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

async function start(): Promise<void> {
  await app.whenReady();
  // Groups name their own signaling servers (shared/csp.ts): allow the WebSocket schemes.
  protocol.handle(
    APP_SCHEME,
    serveRenderer(join(here, '../renderer'), { connectSources: () => SIGNALING_SCHEMES }),
  );
  hardenSession(session.defaultSession, { devServerUrl });

  const vault = createVault({ safeStorage, filePath: join(app.getPath('userData'), 'vault.json') });
  registerIpc(
    ipcMain,
    createHandlers({
      app,
      platform: process.platform,
      versions: process.versions,
      vault,
      openExternal,
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
  // Hardened before anything can create a web contents: every window, popup and webview.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal, devServerUrl });
  });
  app.on('second-instance', showMainWindow);
  // macOS: clicking the Dock icon with no window open brings one back.
  app.on('activate', showMainWindow);
  // Hide-on-close and the tray come later; until then closing the window quits (not on macOS).
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
