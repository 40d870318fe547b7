// The servers the UI bench needs, each on a free loopback port: this repo's signaling server
// and the web app, built with the web config and served by `vite preview` (as e2e does).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VITE = 'node_modules/vite/bin/vite.js';

export type Server = { url: string; stop: () => Promise<void> };

// A server must not outlive the bench that started it (a crash, an interrupted run).
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `args` under Node and resolves once a line of its output passes `ready`. */
async function serve(
  args: string[],
  env: Record<string, string>,
  ready: (line: string) => boolean,
  url: string,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output: string[] = [];
  let fail: (error: Error) => void = () => undefined;
  const early = (code: number | null) => {
    fail(new Error(`${args.join(' ')} exited (${code})\n${output.slice(-20).join('\n')}`));
  };
  child.once('exit', early);
  await new Promise<void>((resolve, reject) => {
    fail = reject;
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        // Without colour codes, which may sit between a URL's parts.
        const plain = line.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
        output.push(plain);
        if (ready(plain)) resolve();
      });
    }
  });
  child.off('exit', early);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** This repo's signaling server on `port`. */
export async function startSignal(port: number): Promise<Server> {
  const url = `ws://127.0.0.1:${port}`;
  return serve(
    ['--import', 'tsx', 'signal/main.ts', '--host', '127.0.0.1', '--port', String(port)],
    {},
    (line) => line.includes('listening on'),
    url,
  );
}

/**
 * Builds the web app into `outDir` (relative to the repo) with `signaling` as its default
 * server, and a manifest (.vite/manifest.json) that names the entry chunk and its imports.
 */
export function buildWeb(outDir: string, signaling: string, readable = false): void {
  // Readable: not minified, so a CPU profile names the app's own functions (cpu-profile.ts).
  const flags = readable ? ['--minify', 'false'] : [];
  const built = spawnSync(
    process.execPath,
    [VITE, 'build', '--manifest', '--logLevel', 'warn', ...flags],
    {
      cwd: ROOT,
      env: { ...process.env, FELLOWS_WEB_OUT: outDir, VITE_FELLOWS_SIGNALING: signaling },
      encoding: 'utf8',
    },
  );
  if (built.status !== 0)
    throw new Error(`the web build failed:\n${`${built.stdout}\n${built.stderr}`.slice(-3000)}`);
}

/** Serves a build (vite preview, with the app's CSP headers) on `port`. */
export async function startPreview(outDir: string, port: number): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  return serve(
    [VITE, 'preview', '--strictPort', '--port', String(port)],
    { FELLOWS_WEB_OUT: outDir },
    (line) => line.includes(`:${port}`),
    url,
  );
}
