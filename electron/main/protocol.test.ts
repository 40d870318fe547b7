import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/csp.ts';
import { contentTypeFor, serveRenderer, type ProtocolHandler } from './protocol.ts';

let base: string;
let root: string;
let serve: ProtocolHandler;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'fellows-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Fellows</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("hi")');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'assets', 'icon.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(root, 'assets', 'blob.bin'), 'x');
  await writeFile(join(root, 'assets', 'has space.txt'), 'spaced');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
  await writeFile(join(base, 'renderer-other.txt'), 'a sibling with a shared prefix');
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
  serve = serveRenderer(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('serveRenderer', () => {
  it('serves index.html for the root and for its own path', async () => {
    for (const url of ['app://fellows/', 'app://fellows/index.html', 'app://fellows/?x=1']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Fellows</title>');
    }
  });

  it('serves assets with their MIME type and nosniff', async () => {
    const script = await get('app://fellows/assets/app.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await script.text()).toBe('console.log("hi")');

    const style = await get('app://fellows/assets/app.css');
    expect(style.headers.get('Content-Type')).toBe('text/css; charset=utf-8');

    const image = await get('app://fellows/assets/icon.png');
    expect(image.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );

    const unknown = await get('app://fellows/assets/blob.bin');
    expect(unknown.headers.get('Content-Type')).toBe('application/octet-stream');
  });

  it('decodes percent-encoded names', async () => {
    const response = await get('app://fellows/assets/has%20space.txt');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('spaced');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://fellows/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const response = await get('app://fellows/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
  });

  it.each([
    'app://other/index.html',
    'app://fellows:1234/index.html',
    'app://fellows/missing.js',
    'app://fellows/assets/',
    'app://fellows/assets',
    'app://fellows//index.html',
  ])('answers 404 for %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it.each([
    'app://fellows/../secret.txt',
    'app://fellows/assets/../../secret.txt',
    'app://fellows/%2e%2e/secret.txt',
    'app://fellows/%2E%2E/secret.txt',
    'app://fellows/..%2fsecret.txt',
    'app://fellows/..%2Fsecret.txt',
    'app://fellows/..%5csecret.txt',
    'app://fellows/assets%2f..%2f..%2fsecret.txt',
    'app://fellows/%2e%2e%2fsecret.txt',
    'app://fellows/%252e%252e/secret.txt',
    'app://fellows/..\\secret.txt',
    'app://fellows/%2Fetc%2Fpasswd',
    'app://fellows/C:%5CWindows%5Cwin.ini',
    'app://fellows/index.html%00.png',
    'app://fellows/%E0%A4%A',
    'app://fellows/../renderer-other.txt',
    'app://fellows/link.txt',
  ])('does not leave the renderer folder for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('outside the renderer');
    expect(body).not.toContain('shared prefix');
  });

  it('puts the CSP and nosniff on every response, errors included', async () => {
    const urls = [
      'app://fellows/',
      'app://fellows/assets/app.js',
      'app://fellows/missing',
      'app://fellows/../secret.txt',
      'app://evil/',
    ];
    const responses = [
      ...(await Promise.all(urls.map((url) => get(url)))),
      await get('app://fellows/', 'PUT'),
    ];
    for (const response of responses) {
      expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('sends a CSP that locks the page down', async () => {
    const policy = (await get('app://fellows/')).headers.get('Content-Security-Policy') ?? '';
    const directives = new Map(
      policy.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('adds the configured signaling servers to connect-src', async () => {
    const withServers = serveRenderer(root, { connectSources: () => ['wss://signal.example.org'] });
    const response = await withServers(new Request('app://fellows/'));
    expect(response.headers.get('Content-Security-Policy')).toContain(
      "connect-src 'self' wss://signal.example.org",
    );
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff2', 'font/woff2'],
    ['crypto.wasm', 'application/wasm'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['app.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['UPPER.PNG', 'image/png'],
    ['noextension', 'application/octet-stream'],
  ])('%s is %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });
});
