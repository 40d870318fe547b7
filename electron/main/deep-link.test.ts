import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { encodeInvite, inviteLink, type Invite } from '../../shared/invite/code.ts';
import { encodeLinkOffer } from '../../shared/link/code.ts';
import {
  checkDeepLink,
  describeDeepLink,
  installDeepLinks,
  linkFromArgv,
  registerProtocolClient,
} from './deep-link.ts';

const invite: Invite = {
  version: 1,
  groupId: new Uint8Array(32).fill(1),
  inviteSecret: new Uint8Array(16).fill(2),
  inviter: new Uint8Array(32).fill(3),
  expiresAt: null,
  groupName: 'Allotment crew',
  signaling: ['wss://signal.example.org'],
};
const link = inviteLink(invite);
const code = encodeInvite(invite);

/** The same link with one character of its code changed, so the checksum no longer fits. */
function withTypo(text: string): string {
  const at = text.length - 10;
  return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
}

describe('linkFromArgv', () => {
  it('finds the fellows: link among what Windows and Linux pass', () => {
    expect(linkFromArgv(['/opt/Fellows/fellows', link])).toBe(link);
    expect(linkFromArgv(['C:\\Fellows\\Fellows.exe', '--allow-file-access', link])).toBe(link);
    // A dev run: electron, its script, then the link.
    expect(linkFromArgv(['/x/electron', '/repo/out/main/index.js', link])).toBe(link);
    expect(linkFromArgv(['fellows', 'FELLOWS://join/abc'])).toBe('FELLOWS://join/abc');
  });

  it('ignores switches, other arguments and other schemes', () => {
    expect(linkFromArgv([])).toBeNull();
    expect(linkFromArgv(['/opt/Fellows/fellows', '--user-data-dir=/tmp/x'])).toBeNull();
    expect(linkFromArgv(['fellows', 'https://example.org', 'file:///etc/passwd'])).toBeNull();
    expect(linkFromArgv(['fellows', `--x=${link}`])).toBeNull();
    expect(linkFromArgv(['fellows', 'fellowship.txt'])).toBeNull();
  });

  it('takes the first link when there are several', () => {
    expect(linkFromArgv(['app', link, 'fellows://join/other'])).toBe(link);
  });
});

describe('checkDeepLink', () => {
  it('passes a well-formed invite link in its canonical form', () => {
    expect(checkDeepLink(link)).toEqual({ ok: true, link });
    // What an OS may do to a link on the way: a trailing slash, an upper-case scheme.
    expect(checkDeepLink(`${link}/`)).toEqual({ ok: true, link });
    expect(checkDeepLink(`FELLOWS://JOIN/${code}`)).toEqual({ ok: true, link });
  });

  it('passes an expired invite: the join form explains it to the person', () => {
    const expired = inviteLink({ ...invite, expiresAt: Date.UTC(2020, 0, 1) });
    expect(checkDeepLink(expired)).toEqual({ ok: true, link: expired });
  });

  it('refuses other schemes and other fellows: hosts', () => {
    for (const other of [
      `https://example.org/${code}`,
      `javascript:alert(1)//fellows://join/${code}`,
      `fellows://settings/${code}`,
      `fellows:join/${code}`,
      `fellows://join.evil/${code}`,
      code,
    ]) {
      expect(checkDeepLink(other), other).toMatchObject({ ok: false });
    }
  });

  it('refuses device link codes: they are never opened from a link', () => {
    const offer = encodeLinkOffer({
      version: 1,
      linkSecret: new Uint8Array(16).fill(4),
      person: new Uint8Array(32).fill(5),
      expiresAt: Date.UTC(2030, 0, 1),
      signaling: ['wss://signal.example.org'],
    });
    expect(offer.startsWith('fellows://link/')).toBe(true);
    expect(checkDeepLink(offer)).toEqual({
      ok: false,
      reason: 'device link codes are entered by hand on the new device, never opened',
    });
  });

  it('refuses oversized input before decoding anything', () => {
    expect(checkDeepLink(`fellows://join/${'A'.repeat(5000)}`)).toEqual({
      ok: false,
      reason: 'it is longer than any invite link',
    });
  });

  it('refuses garbage, hidden characters and values that are not text', () => {
    for (const bad of [
      '',
      'fellows://join/',
      `fellows://join/${code}?x=1`,
      `fellows://join/${code}#frag`,
      `fellows://join/${code.slice(0, 40)} ${code.slice(40)}`,
      `fellows://join/${code}\u0000`,
      ` ${link}`,
      `\u0000${link}`,
      `fellows://join/%41${code}`,
      'fellows://join/../../etc/passwd',
      'not a link at all',
      42,
      null,
      undefined,
      { toString: () => link },
    ]) {
      expect(checkDeepLink(bad), String(bad)).toMatchObject({ ok: false });
    }
  });

  it('refuses a link whose code decodeInvite rejects', () => {
    expect(checkDeepLink(withTypo(link))).toEqual({
      ok: false,
      reason: 'its invite is not valid (bad-checksum)',
    });
    expect(checkDeepLink(link.slice(0, 60))).toMatchObject({ ok: false });
    expect(checkDeepLink('fellows://join/AAAA')).toMatchObject({ ok: false });
  });
});

describe('describeDeepLink', () => {
  it('says scheme, known host and length, never the code', () => {
    expect(describeDeepLink(link)).toBe(`fellows://join/… (${link.length} characters)`);
    expect(describeDeepLink('fellows://link/SECRETCODE')).toBe('fellows://link/… (25 characters)');
    expect(describeDeepLink('fellows://SECRETCODE')).toBe('a fellows: link (20 characters)');
    expect(describeDeepLink('https://example.org/x')).toBe('a https: link (21 characters)');
    expect(describeDeepLink('no scheme')).toBe('text that is not a link (9 characters)');
    expect(describeDeepLink(7)).toBe('a value of type number');
  });
});

describe('registerProtocolClient', () => {
  const fakeApp = () => ({ setAsDefaultProtocolClient: vi.fn(() => true) });

  it('registers the packaged app as it is', () => {
    const app = fakeApp();
    const proc = { execPath: '/opt/Fellows/fellows', argv: ['/opt/Fellows/fellows'] };
    expect(registerProtocolClient(app, proc)).toBe(true);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('fellows');
  });

  it('in a dev run names the Electron binary and the absolute script path', () => {
    const app = fakeApp();
    const proc = {
      defaultApp: true,
      execPath: '/repo/node_modules/electron/dist/electron',
      argv: ['/repo/node_modules/electron/dist/electron', 'out/main/index.js', link],
    };
    expect(registerProtocolClient(app, proc)).toBe(true);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('fellows', proc.execPath, [
      resolve('out/main/index.js'),
    ]);
  });

  it('registers nothing in a dev run without a script to point at', () => {
    const app = fakeApp();
    const proc = { defaultApp: true, execPath: '/x/electron', argv: ['/x/electron', '--inspect'] };
    expect(registerProtocolClient(app, proc)).toBe(false);
    expect(app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('passes on the refusal of the system', () => {
    const app = { setAsDefaultProtocolClient: vi.fn(() => false) };
    expect(registerProtocolClient(app, { execPath: '/x', argv: ['/x'] })).toBe(false);
  });
});

describe('installDeepLinks', () => {
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function setup(argv: string[] = ['/opt/Fellows/fellows']) {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const app = {
      setAsDefaultProtocolClient: vi.fn(() => true),
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, listener);
      }),
    };
    const send = vi.fn();
    const showWindow = vi.fn();
    installDeepLinks({
      app,
      process: { execPath: '/opt/Fellows/fellows', argv },
      outbox: { send },
      showWindow,
    });
    const emit = (event: string, ...args: unknown[]) => {
      listeners.get(event)?.(...args);
    };
    return { app, send, showWindow, emit };
  }

  it('registers the scheme and opens the link of a cold start', () => {
    const { app, send, showWindow } = setup(['/opt/Fellows/fellows', `${link}/`]);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('fellows');
    expect(send).toHaveBeenCalledWith('link:open', { link });
    expect(showWindow).toHaveBeenCalled();
  });

  it("forwards a second instance's link and brings the window forward", () => {
    const { send, showWindow, emit } = setup();
    expect(send).not.toHaveBeenCalled();
    emit('second-instance', {}, ['C:\\Fellows\\Fellows.exe', '--flag', link], 'C:\\');
    expect(send).toHaveBeenCalledWith('link:open', { link });
    expect(showWindow).toHaveBeenCalledTimes(1);
    // A second launch without a link is not a deep link (index.ts shows the window for it).
    emit('second-instance', {}, ['C:\\Fellows\\Fellows.exe'], 'C:\\');
    expect(send).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it("takes macOS's open-url and keeps Electron from handling it too", () => {
    const { send, emit } = setup();
    const event = { preventDefault: vi.fn() };
    emit('open-url', event, link);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(send).toHaveBeenCalledWith('link:open', { link });
  });

  it('refuses a bad link with one log line that holds no secret', () => {
    const { send, showWindow, emit } = setup();
    const secret = withTypo(link);
    emit('open-url', { preventDefault: vi.fn() }, secret);
    emit('second-instance', {}, ['fellows', 'fellows://link/SECRETSECRETSECRET'], '/');
    expect(send).not.toHaveBeenCalled();
    expect(showWindow).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]).toEqual([
      `deep link: refused fellows://join/… (${secret.length} characters): its invite is not valid (bad-checksum)`,
    ]);
    const logged = warn.mock.calls.flat().join('\n');
    expect(logged).not.toContain(code.slice(0, 20));
    expect(logged).not.toContain('SECRET');
  });
});
