import { resolve } from 'node:path';
import {
  decodeInvite,
  InviteError,
  inviteLink,
  MAX_INVITE_INPUT_LENGTH,
} from '../../shared/invite/code.ts';
import type { RendererOutbox } from './renderer-events.ts';

/** The scheme Fellows registers with the operating system. */
export const DEEP_LINK_SCHEME = 'fellows';

/** The one form a deep link may take: an invite code after `fellows://join/`, maybe a `/`. */
const JOIN_LINK = /^fellows:\/\/join\/[A-Za-z0-9_-]+\/?$/i;
const DEVICE_LINK = /^fellows:\/\/link\//i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export type DeepLinkCheck = { ok: true; link: string } | { ok: false; reason: string };

/**
 * The `fellows:` URL among command-line arguments, or null: how Windows and Linux pass a
 * link, at a cold start and in a second instance's argv. Switches, the executable, the script
 * and any other argument are ignored; the first `fellows:` argument wins.
 */
export function linkFromArgv(argv: readonly unknown[]): string | null {
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg.startsWith('-')) continue;
    if (arg.slice(0, DEEP_LINK_SCHEME.length + 1).toLowerCase() === `${DEEP_LINK_SCHEME}:`) {
      return arg;
    }
  }
  return null;
}

/**
 * Decides, before the page sees anything, whether a deep link may be opened. Only a
 * well-formed `fellows://join/<code>` passes, with a code `decodeInvite` accepts (checksum,
 * version, every field); the page then gets it re-encoded in its one canonical form. An
 * expired invite passes: the join form tells the person it expired. Device link codes
 * (`fellows://link/…`) are refused: they make this laptop a device of someone, so they are
 * only ever typed or scanned on purpose in onboarding, never opened from a link.
 */
export function checkDeepLink(raw: unknown): DeepLinkCheck {
  if (typeof raw !== 'string') return refuse('it is not text');
  if (raw.length > MAX_INVITE_INPUT_LENGTH) return refuse('it is longer than any invite link');
  if (SCHEME.exec(raw)?.[1]?.toLowerCase() !== DEEP_LINK_SCHEME) {
    return refuse('it is not a fellows: link');
  }
  if (DEVICE_LINK.test(raw)) {
    return refuse('device link codes are entered by hand on the new device, never opened');
  }
  if (!JOIN_LINK.test(raw)) return refuse('it is not of the form fellows://join/<invite code>');
  try {
    return { ok: true, link: inviteLink(decodeInvite(raw)) };
  } catch (error) {
    if (error instanceof InviteError) return refuse(`its invite is not valid (${error.reason})`);
    throw error;
  }
}

/**
 * A deep link described for a log line: its scheme, its host when it is one Fellows knows,
 * and its length. The code after the host is an invite's secret and is never printed.
 */
export function describeDeepLink(raw: unknown): string {
  if (typeof raw !== 'string') return `a value of type ${typeof raw}`;
  const length = `${raw.length} characters`;
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme.length > 16) return `text that is not a link (${length})`;
  const host = /^[a-z][a-z0-9+.-]*:\/\/(join|link)(?:[/?#]|$)/i.exec(raw)?.[1]?.toLowerCase();
  return host === undefined ? `a ${scheme}: link (${length})` : `${scheme}://${host}/… (${length})`;
}

function refuse(reason: string): DeepLinkCheck {
  return { ok: false, reason };
}

/** The part of Electron's `app` that registers the scheme. */
export type ProtocolApp = {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
};

/** What `registerProtocolClient` reads from Node's `process`. */
export type ProcessLike = {
  readonly defaultApp?: boolean;
  readonly execPath: string;
  readonly argv: readonly string[];
};

/**
 * Makes Fellows the handler of `fellows:` links. A packaged app registers itself; a dev run
 * (`electron out/main/index.js`, where `process.defaultApp` is set) must name the Electron
 * binary and the absolute path of its script, or the OS would start a bare Electron.
 * Returns whether the OS accepted it.
 */
export function registerProtocolClient(app: ProtocolApp, proc: ProcessLike): boolean {
  if (proc.defaultApp !== true) return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  const script = proc.argv[1];
  if (script === undefined || script.startsWith('-')) return false;
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, proc.execPath, [resolve(script)]);
}

/** A preventable event, as Electron's `open-url` gives it. */
type Preventable = { preventDefault(): void };

/** The part of Electron's `app` deep links need. */
export type DeepLinkApp = ProtocolApp & {
  on(event: 'open-url', listener: (event: Preventable, url: string) => void): unknown;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
};

export type DeepLinkDeps = {
  app: DeepLinkApp;
  process: ProcessLike;
  /** Where checked links go: they wait there until the window's page has loaded. */
  outbox: Pick<RendererOutbox, 'send'>;
  /** Shows and focuses the main window, creating it if needed (a no-op before start). */
  showWindow: () => void;
};

/**
 * Wires deep links: registers the scheme, takes links from macOS's `open-url` (which can
 * come before `ready`), from this process's argv (Windows and Linux cold start) and from a
 * second instance's argv (Windows and Linux while running). Each is checked by
 * `checkDeepLink`; a refusal is one log line without the link's secret, an accepted link goes
 * to the page as `link:open` and brings the window forward. Call it once, synchronously,
 * after winning the single-instance lock and before `ready`.
 */
export function installDeepLinks(deps: DeepLinkDeps): void {
  const receive = (raw: unknown) => {
    const checked = checkDeepLink(raw);
    if (!checked.ok) {
      console.warn(`deep link: refused ${describeDeepLink(raw)}: ${checked.reason}`);
      return;
    }
    console.info('deep link: opening an invite link');
    deps.outbox.send('link:open', { link: checked.link });
    deps.showWindow();
  };

  if (!registerProtocolClient(deps.app, deps.process)) {
    console.warn(`deep link: the system did not make Fellows the ${DEEP_LINK_SCHEME}: handler`);
  }
  deps.app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  deps.app.on('second-instance', (_event, argv) => {
    const raw = linkFromArgv(argv);
    if (raw !== null) receive(raw);
  });
  const atStart = linkFromArgv(deps.process.argv);
  if (atStart !== null) receive(atStart);
}
