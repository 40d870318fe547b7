import {
  MAX_SIGNALING_URL_LENGTH,
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

/**
 * Why an address was refused: a key of the "settings" namespace (the screen shows it in the
 * person's language) with its values, and the English sentence for logs and tests.
 */
export type UrlProblem = {
  key: UrlProblemKey;
  values: Record<string, string | number>;
  error: string;
};
export type UrlProblemKey = keyof typeof urlProblems;
export type UrlResult = { ok: true; url: string } | ({ ok: false } & UrlProblem);
export type ListResult = { ok: true; list: string[] } | ({ ok: false } & UrlProblem);
export type ServerKind = 'signaling' | 'stun';

/** The English of each problem; the "settings" namespace has it under the same key. */
const urlProblems = {
  urlEmptySignaling: 'Type a server address, such as wss://signal.example.org.',
  urlSignalingScheme:
    'A signaling server address starts with wss:// (or ws:// for a server on your own network).',
  urlCredentials: 'Leave out the user name and password: Fellows would send them to the server.',
  urlInvalidPort: 'This address has an invalid port.',
  urlInvalidHost: 'This address has an invalid host name.',
  urlTooLong: 'This address is longer than {{max}} characters.',
  urlBadCharacters: 'This address contains spaces, control or non-ASCII characters.',
  urlBackslash: 'This address contains a backslash.',
  urlInvalid: 'This address is not valid.',
  urlEmptyStun: 'Type a STUN server address, such as stun:stun.example.org:3478.',
  urlStunScheme:
    'A STUN server address starts with stun: or stuns:, such as stun:stun.example.org:3478.',
  urlStunSlashes: 'Write it without the slashes: {{url}}.',
  urlStunCredentials: 'STUN servers take no user name or password.',
  urlStunShape:
    'A STUN address is a host and an optional port, such as stun:stun.example.org:3478.',
  urlDuplicate: 'This server is already in the list.',
  urlTooMany: 'There can be at most {{max}} servers here: remove one first.',
} as const;

/** The English texts, for the "settings" namespace to take as its source. */
export const URL_PROBLEMS_EN: Readonly<Record<UrlProblemKey, string>> = urlProblems;

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
  if (text === '') return fail('urlEmptySignaling');
  const shape = SIGNALING_SHAPE.exec(text);
  if (!shape) {
    return fail('urlSignalingScheme');
  }
  const [, scheme = '', authority = '', rest = ''] = shape;
  if (authority.includes('@')) {
    return fail('urlCredentials');
  }
  // "wss://host/" and "wss://host" are one server: keep the shorter spelling.
  const tail = rest === '/' ? '' : rest;
  const url = `${scheme.toLowerCase()}://${authority.toLowerCase()}${tail}`;
  const checked = parseSignalingUrl(url);
  if (!checked.ok) return signalingProblem(checked.problem);
  return { ok: true, url };
}

/** Checks a STUN server address (RFC 7064: `stun:host[:port]`) and writes it one way. */
export function parseStunSetting(input: string): UrlResult {
  const text = input.trim();
  if (text === '') return fail('urlEmptyStun');
  if (text.length > MAX_STUN_URL_LENGTH) {
    return fail('urlTooLong', { max: MAX_STUN_URL_LENGTH });
  }
  const shape = STUN_SHAPE.exec(text);
  if (!shape) {
    return fail('urlStunScheme');
  }
  const [, scheme = '', rest = ''] = shape;
  if (rest.startsWith('//')) {
    return fail('urlStunSlashes', { url: `${scheme.toLowerCase()}:${rest.slice(2)}` });
  }
  if (rest.includes('@')) return fail('urlStunCredentials');
  if (/[/?#\s\\]/.test(rest)) {
    return fail('urlStunShape');
  }
  const hostAndPort = splitPort(rest);
  if (!hostAndPort) return fail('urlInvalidPort');
  if (!validHost(hostAndPort.host)) return fail('urlInvalidHost');
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
  if (list.includes(parsed.url)) return fail('urlDuplicate');
  const max = kind === 'signaling' ? MAX_SIGNALING_URLS : MAX_STUN_URLS;
  if (list.length >= max) {
    return fail('urlTooMany', { max });
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

/**
 * The invite check's problem (shared/invite/signaling-url.ts, in English for logs) as one of
 * this screen's sentences.
 */
function signalingProblem(problem: string): { ok: false } & UrlProblem {
  if (problem.endsWith('has an invalid port')) return fail('urlInvalidPort');
  if (problem.endsWith('has an invalid host name')) return fail('urlInvalidHost');
  if (problem.includes('is longer than'))
    return fail('urlTooLong', { max: MAX_SIGNALING_URL_LENGTH });
  if (problem.includes('non-ASCII')) return fail('urlBadCharacters');
  if (problem.includes('backslash')) return fail('urlBackslash');
  if (problem.includes('user name or password')) return fail('urlCredentials');
  return fail('urlInvalid');
}

function fail(
  key: UrlProblemKey,
  values: Record<string, string | number> = {},
): { ok: false } & UrlProblem {
  const error = urlProblems[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(values[name] ?? ''),
  );
  return { ok: false, key, values, error };
}
