import {
  MAX_SIGNALING_URLS,
  parseSignalingUrl,
  splitPort,
  validHost,
} from '../../../shared/invite/signaling-url.ts';

/**
 * The server addresses a person may type into Settings, checked and written one way. Signaling
 * URLs pass the same check as an invite's (a group's servers travel in its invites), so every
 * address accepted here can be handed on.
 */

export type UrlResult = { ok: true; url: string } | { ok: false; error: string };
export type ListResult = { ok: true; list: string[] } | { ok: false; error: string };
export type ServerKind = 'signaling' | 'stun';

/** As many as an invite can carry: a group's signaling servers go into its invites. */
export { MAX_SIGNALING_URLS };
/** Enough for a fallback or two; each one is contacted on every new connection. */
export const MAX_STUN_URLS = 4;
const MAX_STUN_URL_LENGTH = 256;

const SIGNALING_SHAPE = /^(wss?):\/\/([^/?#]*)(.*)$/i;
const STUN_SHAPE = /^(stuns?):(.*)$/i;

/** Checks a signaling server address and writes it one way (lower-case scheme and host). */
export function parseSignalingSetting(input: string): UrlResult {
  const text = input.trim();
  if (text === '') return fail('Type a server address, such as wss://signal.example.org.');
  const shape = SIGNALING_SHAPE.exec(text);
  if (!shape) {
    return fail(
      'A signaling server address starts with wss:// (or ws:// for a server on your own network).',
    );
  }
  const [, scheme = '', authority = '', rest = ''] = shape;
  if (authority.includes('@')) {
    return fail('Leave out the user name and password: Fellows would send them to the server.');
  }
  // "wss://host/" and "wss://host" are one server: keep the shorter spelling.
  const tail = rest === '/' ? '' : rest;
  const url = `${scheme.toLowerCase()}://${authority.toLowerCase()}${tail}`;
  const checked = parseSignalingUrl(url);
  if (!checked.ok) return fail(sentence(checked.problem));
  return { ok: true, url };
}

/** Checks a STUN server address (RFC 7064: `stun:host[:port]`) and writes it one way. */
export function parseStunSetting(input: string): UrlResult {
  const text = input.trim();
  if (text === '') return fail('Type a STUN server address, such as stun:stun.example.org:3478.');
  if (text.length > MAX_STUN_URL_LENGTH) {
    return fail(`This address is longer than ${MAX_STUN_URL_LENGTH} characters.`);
  }
  const shape = STUN_SHAPE.exec(text);
  if (!shape) {
    return fail(
      'A STUN server address starts with stun: or stuns:, such as stun:stun.example.org:3478.',
    );
  }
  const [, scheme = '', rest = ''] = shape;
  if (rest.startsWith('//')) {
    return fail(`Write it without the slashes: ${scheme.toLowerCase()}:${rest.slice(2)}.`);
  }
  if (rest.includes('@')) return fail('STUN servers take no user name or password.');
  if (/[/?#\s\\]/.test(rest)) {
    return fail(
      'A STUN address is a host and an optional port, such as stun:stun.example.org:3478.',
    );
  }
  const hostAndPort = splitPort(rest);
  if (!hostAndPort) return fail('This address has an invalid port.');
  if (!validHost(hostAndPort.host)) return fail('This address has an invalid host name.');
  return { ok: true, url: `${scheme.toLowerCase()}:${rest.toLowerCase()}` };
}

/** Checks an address of either kind. */
export function parseServerSetting(kind: ServerKind, input: string): UrlResult {
  return kind === 'signaling' ? parseSignalingSetting(input) : parseStunSetting(input);
}

/** The list with `input` added at the end, or why it cannot be. */
export function addServer(kind: ServerKind, list: readonly string[], input: string): ListResult {
  const parsed = parseServerSetting(kind, input);
  if (!parsed.ok) return parsed;
  if (list.includes(parsed.url)) return fail('This server is already in the list.');
  const max = kind === 'signaling' ? MAX_SIGNALING_URLS : MAX_STUN_URLS;
  if (list.length >= max) {
    return fail(`There can be at most ${max} servers here: remove one first.`);
  }
  return { ok: true, list: [...list, parsed.url] };
}

/** Whether a stored list is one this screen could have written. */
export function isValidServerList(kind: ServerKind, list: readonly string[]): boolean {
  const max = kind === 'signaling' ? MAX_SIGNALING_URLS : MAX_STUN_URLS;
  if (list.length > max || new Set(list).size !== list.length) return false;
  return list.every((url) => {
    const parsed = parseServerSetting(kind, url);
    return parsed.ok && parsed.url === url;
  });
}

/** "a signaling address has an invalid port" → "This address has an invalid port." */
function sentence(problem: string): string {
  const prefix = 'a signaling address ';
  if (problem.startsWith(prefix)) return `This address ${problem.slice(prefix.length)}.`;
  return `This address is not valid: ${problem}.`;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
