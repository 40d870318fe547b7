/**
 * Signaling URLs as an invite may carry them. An invite comes from outside, and the joiner's
 * app connects to what it names, so only plain `ws://` and `wss://` addresses pass: no other
 * scheme (javascript:, file:, http:), no user name or password, nothing a display could
 * hide (white space, control or non-ASCII characters; international hosts come punycoded).
 */

/** Most signaling servers an invite may name: a fallback or two, few enough to show. */
export const MAX_SIGNALING_URLS = 4;

/** Longest signaling URL, in characters (all ASCII, so also in bytes). */
export const MAX_SIGNALING_URL_LENGTH = 256;

/** A signaling URL taken apart: the host (and port) is what the joiner is shown. */
export type SignalingUrl = { secure: boolean; host: string; port: number | null };

export type SignalingUrlResult = { ok: true; url: SignalingUrl } | { ok: false; problem: string };

// Scheme, authority, then an optional path or query. WebSocket URLs never carry a fragment.
const SHAPE = /^(wss?):\/\/([^/?#]*)([/?][^#]*)?$/;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const IPV6_LITERAL = /^\[[0-9a-f:.]*:[0-9a-f:.]*\]$/i;
const MAX_HOST_LENGTH = 253;

/** Checks one signaling URL from an invite and takes it apart, or says what is wrong. */
export function parseSignalingUrl(input: unknown): SignalingUrlResult {
  if (typeof input !== 'string' || input.length === 0) {
    return fail('one of its signaling addresses is empty');
  }
  if (input.length > MAX_SIGNALING_URL_LENGTH) {
    return fail(`a signaling address is longer than ${MAX_SIGNALING_URL_LENGTH} characters`);
  }
  if (!PRINTABLE_ASCII.test(input)) {
    return fail('a signaling address contains spaces, control or non-ASCII characters');
  }
  // Backslashes are read as slashes by URL parsers, which makes the host ambiguous.
  if (input.includes('\\')) return fail('a signaling address contains a backslash');
  const shape = SHAPE.exec(input);
  if (!shape) return fail('a signaling address is not a ws:// or wss:// address');
  const [, scheme = '', authority = ''] = shape;
  // "user:password@" would send credentials to the server, or disguise the real host.
  if (authority.includes('@')) return fail('a signaling address contains a user name or password');
  const hostAndPort = splitPort(authority);
  if (!hostAndPort) return fail('a signaling address has an invalid port');
  const { host, port } = hostAndPort;
  if (!validHost(host)) return fail('a signaling address has an invalid host name');
  return { ok: true, url: { secure: scheme === 'wss', host: host.toLowerCase(), port } };
}

/** The host (with its port when it is not the default) the joiner will contact. */
export function describeHost(url: SignalingUrl): string {
  const defaultPort = url.secure ? 443 : 80;
  return url.port === null || url.port === defaultPort ? url.host : `${url.host}:${url.port}`;
}

/**
 * Splits `host[:port]` (an IPv6 literal in brackets); null for a port that is not 1–65535.
 * Also used for STUN addresses in Settings, which name a host the same way.
 */
export function splitPort(authority: string): { host: string; port: number | null } | null {
  // An IPv6 literal has colons of its own: the port, if any, follows the closing bracket.
  const colon = authority.lastIndexOf(':');
  if (colon === -1 || authority.lastIndexOf(']') > colon) return { host: authority, port: null };
  const digits = authority.slice(colon + 1);
  if (!/^\d{1,5}$/.test(digits)) return null;
  const port = Number(digits);
  if (port < 1 || port > 65535) return null;
  return { host: authority.slice(0, colon), port };
}

/** A DNS name of letters, digits and hyphens (punycode for others), or an IPv6 literal. */
export function validHost(host: string): boolean {
  if (IPV6_LITERAL.test(host)) return host.length <= 47;
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return false;
  return host.split('.').every((label) => HOST_LABEL.test(label));
}

function fail(problem: string): SignalingUrlResult {
  return { ok: false, problem };
}
