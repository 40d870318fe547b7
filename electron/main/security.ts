import type { CustomScheme, Privileges, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp.ts';
import { externalUrlSchema } from '../../shared/ipc/contract.ts';

/** The privileged scheme the renderer is served from, so its origin never changes. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fellows';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * `standard` gives the scheme real origins (IndexedDB, relative URLs), `secure` makes it a
 * secure context (WebCrypto, clipboard), `supportFetchAPI` lets the page fetch its own
 * assets, `codeCache` keeps startup fast. No `bypassCSP`: our CSP must apply. No
 * `corsEnabled` and no service workers: nothing cross-origin ever loads from this scheme.
 */
export const appSchemePrivileges: Privileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
};

/** The argument for `protocol.registerSchemesAsPrivileged`. */
export const appSchemes: CustomScheme[] = [{ scheme: APP_SCHEME, privileges: appSchemePrivileges }];

export type Decision = 'allow' | 'deny';

/**
 * The web preferences of every window: the page is an untrusted sandboxed web page that
 * reaches the system only through the preload's bridge.
 */
export function secureWebPreferences(
  preloadPath: string,
  platform: NodeJS.Platform = process.platform,
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // On Linux Chromium's spell-checker downloads dictionaries from Google's CDN: a network
    // call the person never agreed to, so it is off there; macOS and Windows use the OS's
    // own spell-checker. Must match `spellcheckConfig` (spellcheck.ts, which tests it).
    spellcheck: platform === 'darwin' || platform === 'win32',
    // The sync engine lives in the renderer: it must keep running while the window is hidden.
    backgroundThrottling: false,
    safeDialogs: true,
  };
}

/** Parses a URL without throwing: `null` for anything that is not a string or not a URL. */
export function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The origin of a dev server URL, or `null` unless it is a plain http(s) origin. */
function devOrigin(devServerUrl: string | undefined): string | null {
  const dev = parseUrl(devServerUrl);
  if (dev === null || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return null;
  return dev.origin;
}

/**
 * Whether a URL belongs to the app: `app://fellows/...`, or (only when a dev server URL is
 * given, which main does for unpackaged dev runs) exactly that server's origin. Never throws.
 */
export function isAppUrl(url: unknown, devServerUrl?: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  // `app:` is not a scheme Node knows, so its `origin` is "null": compare the parts instead.
  // `host` includes any port, so `app://fellows:1/` is refused.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = devOrigin(devServerUrl);
  return dev !== null && parsed.origin === dev;
}

/** Top-level and frame navigation: the app never leaves its own pages. */
export function decideNavigation(url: unknown, devServerUrl?: string): Decision {
  return isAppUrl(url, devServerUrl) ? 'allow' : 'deny';
}

/**
 * A URL that may be handed to the operating system's browser, normalised, or `null`.
 * The shared schema checks the text; a real URL parser then confirms it is http(s) with a
 * host and no credentials, so what we open is exactly what we checked.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (!externalUrlSchema.safeParse(value).success) return null;
  const parsed = parseUrl(value);
  if (parsed === null) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** `window.open` and `target=_blank`: never a new Electron window; web links go to the browser. */
export function decideWindowOpen(url: unknown): WindowOpenDecision {
  return { action: 'deny', openExternally: safeExternalUrl(url) };
}

/**
 * Permissions the app uses, and only from its own origin: writing sanitised text to the
 * clipboard, and persistent storage so Chromium never evicts a group's only local copy under
 * disk pressure (DESIGN §7). Everything else is denied, including `media` (WebRTC data
 * channels need no camera or microphone) and the web `notifications` permission: main shows
 * desktop notifications itself, from a validated, text-only request (notifications.ts).
 */
const grantablePermissions: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'persistent-storage',
]);

/** `session.setPermissionRequestHandler` policy. */
export function decidePermission(
  permission: string,
  requestingUrl: unknown,
  devServerUrl?: string,
): Decision {
  return grantablePermissions.has(permission) && isAppUrl(requestingUrl, devServerUrl)
    ? 'allow'
    : 'deny';
}

export type PermissionCheckDetails = {
  isMainFrame: boolean;
  requestingUrl?: string;
  embeddingOrigin?: string;
};

/**
 * `session.setPermissionCheckHandler` policy: the same as for requests, and every origin
 * the check names (requesting, embedding, the frame's URL) must be the app's.
 */
export function decidePermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
  devServerUrl?: string,
): Decision {
  if (!details.isMainFrame) return 'deny';
  if (details.embeddingOrigin !== undefined && !isAppUrl(details.embeddingOrigin, devServerUrl)) {
    return 'deny';
  }
  if (details.requestingUrl !== undefined && !isAppUrl(details.requestingUrl, devServerUrl)) {
    return 'deny';
  }
  return decidePermission(permission, requestingOrigin, devServerUrl);
}

/** The frame an IPC message came from, as much of Electron's `WebFrameMain` as we need. */
export type SenderFrame = { readonly url: string; readonly parent: unknown };

/**
 * Whether an IPC message may be served: it must come from a live top-level frame showing
 * an app page. A subframe or a foreign page never reaches the handlers.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  devServerUrl?: string,
): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, devServerUrl);
}

/**
 * A URL shortened for a log line: scheme and host only, since paths and queries can carry
 * invite codes or tokens.
 */
export function describeUrl(url: unknown): string {
  const parsed = parseUrl(url);
  if (parsed === null) return 'a malformed URL';
  if (parsed.host === '') return `a ${parsed.protocol} URL`;
  return `${parsed.protocol}//${parsed.host}/…`;
}

/**
 * The CSP for pages from the Vite dev server (unpackaged dev runs only). It is the
 * production policy plus what Vite's dev client needs: its HMR websocket, the inline React
 * Refresh preamble and the `<style>` tags it injects. Packaged builds never use it.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = devOrigin(devServerUrl);
  if (origin === null) throw new Error('The dev server URL must be an http(s) URL.');
  const socket = origin.replace(/^http/, 'ws');
  const policy = contentSecurityPolicy([origin, socket]);
  const relaxed = policy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
  if (relaxed === policy) throw new Error('The CSP no longer has the directives dev relaxes.');
  return relaxed;
}

/** A navigation or webview event: Electron's events carry more, this is what we read. */
type Preventable = { preventDefault(): void };
type NavigationEvent = Preventable & { readonly url: string };

/** The part of Electron's `WebContents` that `hardenWebContents` wires. */
export type HardenableContents = {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

export type HardenDeps = {
  /** Opens a validated http(s) link in the system browser (`shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  /** The Vite dev server URL on unpackaged dev runs; never set in a packaged app. */
  devServerUrl?: string;
};

/**
 * Denies every navigation away from the app, every new window and every `<webview>` for
 * one web contents; call it from `app.on('web-contents-created')` so no contents escapes.
 */
export function hardenWebContents(contents: HardenableContents, deps: HardenDeps): void {
  const guardNavigation = (kind: string) => (event: NavigationEvent) => {
    if (decideNavigation(event.url, deps.devServerUrl) === 'allow') return;
    event.preventDefault();
    console.warn(`security: refused ${kind} to ${describeUrl(event.url)}`);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    const { action, openExternally } = decideWindowOpen(url);
    if (openExternally === null) {
      console.warn(`security: refused to open a window for ${describeUrl(url)}`);
    } else {
      deps.openExternal(openExternally).catch((error: unknown) => {
        console.warn(`security: the system browser did not open ${describeUrl(url)}`, error);
      });
    }
    return { action };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('security: refused to attach a <webview>');
  });
}

type PermissionRequestDetails = { isMainFrame: boolean; requestingUrl: string };
type HeadersDetails = { responseHeaders?: Record<string, string[]> };
type HeadersResponse = { responseHeaders?: Record<string, string | string[]> };

/** The part of Electron's `Session` that `hardenSession` wires. */
export type HardenableSession = {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionRequestDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: PermissionCheckDetails,
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      filter: { urls: string[] },
      listener: (details: HeadersDetails, callback: (response: HeadersResponse) => void) => void,
    ): void;
  };
};

/**
 * Installs the permission policy on a session and, on dev runs, the CSP for pages from the
 * dev server (the `app://` handler sets its own CSP on every response).
 */
export function hardenSession(
  session: HardenableSession,
  deps: Pick<HardenDeps, 'devServerUrl'>,
): void {
  const { devServerUrl } = deps;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    // Only the app's own top frame may ask; there are no subframes, so any is suspect.
    const allowed =
      details.isMainFrame &&
      decidePermission(permission, details.requestingUrl, devServerUrl) === 'allow';
    if (!allowed) {
      console.warn(
        `security: refused permission ${permission} to ${describeUrl(details.requestingUrl)}`,
      );
    }
    callback(allowed);
  });
  // Checks are frequent (every Notification.permission read): no log line for them.
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      decidePermissionCheck(permission, requestingOrigin, details, devServerUrl) === 'allow',
  );
  // USB, HID, serial and Bluetooth devices: the app uses none.
  session.setDevicePermissionHandler(() => false);

  const origin = devOrigin(devServerUrl);
  if (devServerUrl === undefined || origin === null) return;
  const policy = devContentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    const headers = withoutHeader(details.responseHeaders ?? {}, 'content-security-policy');
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** A copy of response headers without one header, whatever its case. */
function withoutHeader(headers: Record<string, string[]>, name: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}
