import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  APP_ORIGIN,
  appSchemePrivileges,
  decideNavigation,
  decidePermission,
  decidePermissionCheck,
  decideWindowOpen,
  describeUrl,
  devContentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
  safeExternalUrl,
  secureWebPreferences,
  type HardenableSession,
} from './security.ts';

const DEV = 'http://localhost:5173';

/** URLs that must never be navigated to nor handed to the system browser. */
const hostileUrls = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'https://user:secret@example.com/',
  'http://user@example.com/',
  'not a url',
  '',
  'https://',
  'ftp://example.com/file',
  'app://fellows.evil.com/',
  'chrome://settings',
  'https://exa mple.com/',
  'https://example.com/\u0000',
];

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the page, with the preload as its only bridge', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page no Node.js anywhere', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security and turns off risky features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
  });

  it('keeps the sync engine running while hidden', () => {
    expect(prefs.backgroundThrottling).toBe(false);
  });

  it('spell-checks with the OS on macOS and Windows, and never downloads dictionaries on Linux', () => {
    expect(secureWebPreferences('/p.cjs', 'darwin').spellcheck).toBe(true);
    expect(secureWebPreferences('/p.cjs', 'win32').spellcheck).toBe(true);
    expect(secureWebPreferences('/p.cjs', 'linux').spellcheck).toBe(false);
  });
});

describe('appSchemePrivileges', () => {
  it('makes app:// a standard secure origin that cannot bypass the CSP', () => {
    expect(appSchemePrivileges).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      codeCache: true,
    });
    expect(appSchemePrivileges.bypassCSP).toBeUndefined();
    expect(appSchemePrivileges.corsEnabled).toBeUndefined();
    expect(appSchemePrivileges.allowServiceWorkers).toBeUndefined();
  });
});

describe('isAppUrl', () => {
  it('accepts pages of the app origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'app://fellows:8080/',
    'app://user@fellows/',
    'https://fellows/',
    'app:fellows',
    ...hostileUrls,
  ])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('never throws on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(isAppUrl(value)).toBe(false);
    }
  });

  it('accepts the dev server origin only when one is configured', () => {
    expect(isAppUrl(`${DEV}/index.html`)).toBe(false);
    expect(isAppUrl(`${DEV}/index.html`, DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isAppUrl('file:///tmp/x.html', 'file:///tmp/')).toBe(false);
    expect(isAppUrl('anything', 'garbage')).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('allows the app and denies everything else', () => {
    expect(decideNavigation(`${APP_ORIGIN}/index.html#/groups`)).toBe('allow');
    expect(decideNavigation('https://example.com/')).toBe('deny');
    for (const url of hostileUrls) expect(decideNavigation(url)).toBe('deny');
  });
});

describe('decideWindowOpen', () => {
  it('never opens a window, but sends plain web links to the browser', () => {
    expect(decideWindowOpen('https://example.com/a?b=c#d')).toEqual({
      action: 'deny',
      openExternally: 'https://example.com/a?b=c#d',
    });
    expect(decideWindowOpen('http://example.com')).toEqual({
      action: 'deny',
      openExternally: 'http://example.com/',
    });
  });

  it.each(hostileUrls)('refuses and does not open %j', (url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
  });

  it('does not open app pages externally either', () => {
    expect(decideWindowOpen(`${APP_ORIGIN}/index.html`).openExternally).toBeNull();
  });

  it('refuses overlong links', () => {
    expect(safeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBeNull();
  });
});

describe('decidePermission', () => {
  it('allows sanitised clipboard writes and persistent storage from the app', () => {
    expect(decidePermission('clipboard-sanitized-write', `${APP_ORIGIN}/`)).toBe('allow');
    expect(decidePermission('persistent-storage', `${APP_ORIGIN}/`)).toBe('allow');
    expect(decidePermission('persistent-storage', 'https://example.com/')).toBe('deny');
  });

  it('denies the same permissions to any other origin', () => {
    expect(decidePermission('persistent-storage', 'https://example.com/')).toBe('deny');
    expect(decidePermission('persistent-storage', `${DEV}/`)).toBe('deny');
    expect(decidePermission('persistent-storage', `${DEV}/`, DEV)).toBe('allow');
  });

  it.each([
    // Main shows notifications from a validated request; the page never needs the web API.
    'notifications',
    'media',
    'geolocation',
    'openExternal',
    'display-capture',
    'clipboard-read',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'midiSysex',
    'pointerLock',
    'unknown',
    'made-up',
  ])('denies %s even to the app', (permission) => {
    expect(decidePermission(permission, `${APP_ORIGIN}/index.html`)).toBe('deny');
  });
});

describe('decidePermissionCheck', () => {
  const top = { isMainFrame: true, requestingUrl: `${APP_ORIGIN}/index.html` };

  it('follows the request policy', () => {
    expect(decidePermissionCheck('persistent-storage', APP_ORIGIN, top)).toBe('allow');
    expect(decidePermissionCheck('media', APP_ORIGIN, top)).toBe('deny');
    expect(decidePermissionCheck('persistent-storage', 'https://example.com', top)).toBe('deny');
  });

  it('denies subframes, foreign embedders and foreign frame URLs', () => {
    expect(
      decidePermissionCheck('persistent-storage', APP_ORIGIN, { ...top, isMainFrame: false }),
    ).toBe('deny');
    expect(
      decidePermissionCheck('persistent-storage', APP_ORIGIN, {
        ...top,
        embeddingOrigin: 'https://example.com',
      }),
    ).toBe('deny');
    expect(
      decidePermissionCheck('persistent-storage', APP_ORIGIN, {
        isMainFrame: true,
        requestingUrl: 'https://example.com/',
      }),
    ).toBe('deny');
  });
});

describe('isTrustedSender', () => {
  const appFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };

  it('trusts the top frame of an app page', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
  });

  it('refuses a missing frame, a subframe and a foreign page', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ ...appFrame, parent: appFrame })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null })).toBe(false);
  });

  it('trusts the dev server only when it is configured', () => {
    const devFrame = { url: `${DEV}/index.html`, parent: null };
    expect(isTrustedSender(devFrame)).toBe(false);
    expect(isTrustedSender(devFrame, DEV)).toBe(true);
  });
});

describe('describeUrl', () => {
  it('keeps scheme and host but drops paths, queries and credentials', () => {
    expect(describeUrl('https://u:p@example.com/invite/SECRET?t=TOKEN')).toBe(
      'https://example.com/…',
    );
    expect(describeUrl('javascript:alert(1)')).toBe('a javascript: URL');
    expect(describeUrl('%%%')).toBe('a malformed URL');
  });
});

/** A web contents that emits Electron's navigation events and records the window handler. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a preventable event and says whether a listener prevented it. */
  fire(name: string, url?: string): boolean {
    let prevented = false;
    const event = {
      url: url ?? '',
      preventDefault: () => {
        prevented = true;
      },
    };
    this.emit(name, event, url);
    return prevented;
  }
}

describe('hardenWebContents', () => {
  const setup = () => {
    const contents = new FakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    hardenWebContents(contents, { openExternal });
    return { contents, openExternal };
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'lets %s stay inside the app and stops it from leaving',
    (name) => {
      const { contents } = setup();
      expect(contents.fire(name, `${APP_ORIGIN}/index.html#/x`)).toBe(false);
      for (const url of ['https://example.com/', ...hostileUrls]) {
        expect(contents.fire(name, url)).toBe(true);
      }
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^security: refused .* to /));
    },
  );

  it('allows the dev server only when configured', () => {
    const contents = new FakeContents();
    hardenWebContents(contents, { openExternal: () => Promise.resolve(), devServerUrl: DEV });
    expect(contents.fire('will-navigate', `${DEV}/index.html`)).toBe(false);
    expect(setup().contents.fire('will-navigate', `${DEV}/index.html`)).toBe(true);
  });

  it('opens https links in the browser and never opens a window', () => {
    const { contents, openExternal } = setup();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/page' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/page');
  });

  it('refuses hostile links without opening them, and logs the refusal', () => {
    const { contents, openExternal } = setup();
    for (const url of hostileUrls) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/refused to open a window/));
  });

  it('logs, rather than throws, when the browser cannot be opened', async () => {
    const contents = new FakeContents();
    hardenWebContents(contents, { openExternal: () => Promise.reject(new Error('no browser')) });
    contents.windowOpenHandler!({ url: 'https://example.com/' });
    await vi.waitFor(() => {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/did not open/), expect.any(Error));
    });
  });

  it('prevents every <webview> from attaching', () => {
    const { contents } = setup();
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(warn).toHaveBeenCalledWith('security: refused to attach a <webview>');
  });
});

type RequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<HardenableSession['setPermissionCheckHandler']>[0];
type HeadersListener = Parameters<HardenableSession['webRequest']['onHeadersReceived']>[1];

/** A session that records the handlers it is given. */
function fakeSession() {
  const handlers: {
    request?: RequestHandler;
    check?: CheckHandler;
    device?: () => boolean;
    headers?: { urls: string[]; listener: HeadersListener };
  } = {};
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler) => (handlers.device = handler),
    webRequest: {
      onHeadersReceived: (filter, listener) => (handlers.headers = { ...filter, listener }),
    },
  };
  return { session, handlers };
}

describe('hardenSession', () => {
  const request = (
    handler: RequestHandler,
    permission: string,
    url: string,
    isMainFrame = true,
  ) => {
    let granted: boolean | undefined;
    handler({}, permission, (g) => (granted = g), { isMainFrame, requestingUrl: url });
    return granted;
  };

  it('answers permission requests with the policy', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, {});
    const handler = handlers.request!;
    expect(request(handler, 'persistent-storage', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(request(handler, 'persistent-storage', 'https://example.com/')).toBe(false);
    expect(request(handler, 'persistent-storage', `${APP_ORIGIN}/index.html`, false)).toBe(false);
    for (const permission of ['media', 'geolocation', 'openExternal', 'display-capture']) {
      expect(request(handler, permission, `${APP_ORIGIN}/index.html`)).toBe(false);
    }
    expect(warn).toHaveBeenCalledWith('security: refused permission media to app://fellows/…');
  });

  it('answers permission checks and device checks', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, {});
    const top = { isMainFrame: true };
    expect(handlers.check!(null, 'persistent-storage', APP_ORIGIN, top)).toBe(true);
    expect(handlers.check!(null, 'media', APP_ORIGIN, top)).toBe(false);
    expect(handlers.check!(null, 'persistent-storage', 'https://example.com', top)).toBe(false);
    expect(handlers.device!()).toBe(false);
  });

  it('sets no headers hook outside dev runs', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, {});
    expect(handlers.headers).toBeUndefined();
  });

  it('replaces the dev server CSP with the dev policy', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { devServerUrl: DEV });
    expect(handlers.headers!.urls).toEqual([`${DEV}/*`]);
    let response: { responseHeaders?: Record<string, string | string[]> } | undefined;
    handlers.headers!.listener(
      {
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      },
      (r) => (response = r),
    );
    expect(response!.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [devContentSecurityPolicy(DEV)],
    });
  });
});

describe('devContentSecurityPolicy', () => {
  it("adds only the dev server's socket and Vite's inline preamble", () => {
    const policy = devContentSecurityPolicy(DEV);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`connect-src 'self' ${DEV} ws://localhost:5173`);
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('refuses a dev server URL that is not http(s)', () => {
    expect(() => devContentSecurityPolicy('file:///tmp')).toThrow(/http/);
  });
});
