import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp.ts';
import { APP_HOST, APP_SCHEME, parseUrl } from './security.ts';

/** The file types the built renderer contains; anything else is served as opaque bytes. */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** The MIME type for a file name, by its extension. */
export function contentTypeFor(fileName: string): string {
  return contentTypes[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type ServeOptions = {
  /**
   * The signaling servers the page may connect to, read on every request so a change in
   * Settings applies on the next reload. Defaults to none.
   */
  connectSources?: () => readonly string[];
};

export type ProtocolHandler = (request: Request) => Promise<Response>;

/**
 * The handler for `protocol.handle('app', …)`: serves the built renderer from `rendererDir`
 * as `app://fellows/…`, and nothing outside it. Every response, errors included, carries
 * the app's CSP, so no page on this origin ever runs without it.
 */
export function serveRenderer(rendererDir: string, options: ServeOptions = {}): ProtocolHandler {
  const root = resolve(rendererDir);
  return async (request) => {
    const headers = baseHeaders(options.connectSources?.() ?? []);
    const reply = (status: number, body: string | Uint8Array | null, type?: string) => {
      if (type !== undefined) headers.set('Content-Type', type);
      // Copy into a fresh ArrayBuffer: a Node Buffer may be a view on a shared pool.
      const payload = typeof body === 'string' || body === null ? body : new Uint8Array(body);
      return new Response(request.method === 'HEAD' ? null : payload, { status, headers });
    };

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      headers.set('Allow', 'GET, HEAD');
      return reply(405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    const file = await resolveRequest(root, request.url);
    if (file === null) return reply(404, 'Not found', 'text/plain; charset=utf-8');
    try {
      const body = await readFile(file);
      return reply(200, body, contentTypeFor(file));
    } catch (error) {
      if (!isMissing(error))
        console.warn(`protocol: could not read ${relative(root, file)}`, error);
      return reply(404, 'Not found', 'text/plain; charset=utf-8');
    }
  };
}

function baseHeaders(connectSources: readonly string[]): Headers {
  return new Headers({
    'Content-Security-Policy': contentSecurityPolicy(connectSources),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  });
}

/**
 * The file an `app://fellows/…` URL names inside `root`, or `null` when the URL is for
 * another host or would reach outside `root` in any way (dot segments, encoded separators,
 * backslashes, NUL, drive letters, or a symlink pointing out).
 */
export async function resolveRequest(root: string, url: string): Promise<string | null> {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return null;
  }
  const segments = decodeSegments(parsed.pathname);
  if (segments === null) return null;
  const relativePath = segments.length === 0 ? ['index.html'] : segments;

  const candidate = resolve(root, ...relativePath);
  if (!isInside(root, candidate)) return null;
  // The build output has no symlinks, but if one appears it must not lead out of root.
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    return isInside(realRoot, realFile) ? candidate : null;
  } catch {
    return null;
  }
}

/** Splits and decodes a URL path, refusing any segment that could change directory. */
function decodeSegments(pathname: string): string[] | null {
  const raw = pathname.split('/').slice(1);
  if (raw.length === 1 && raw[0] === '') return [];
  const decoded: string[] = [];
  for (const segment of raw) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (text === '' || text === '.' || text === '..') return null;
    if (/[/\\\0:]/.test(text) || isAbsolute(text)) return null;
    decoded.push(text);
  }
  return decoded;
}

function isInside(root: string, candidate: string): boolean {
  return candidate !== root && candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}
