// What the network benches share: a free loopback port, and running a bench again inside a
// loopback-only network namespace (as scripts/e2e.sh does for the e2e suite).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Whether this process may make a loopback-only network namespace (and is not in one). */
export function canUnshare(): boolean {
  if (process.env.FELLOWS_IN_NETNS === '1') return false;
  const probe = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
  return probe.status === 0 && spawnSync('ip', ['-V'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

/**
 * Runs `main` inside a namespace that has only loopback — the same bench (`bench/run.ts
 * name`) started again there, its lines coming out here — or, where no namespace can be made,
 * here on the normal network, saying so.
 */
export async function inLoopbackNamespace(
  name: string,
  main: () => Promise<void>,
  progress: (line: string) => void,
): Promise<void> {
  if (!canUnshare()) {
    if (process.env.FELLOWS_IN_NETNS !== '1')
      progress(
        'cannot create a network namespace here: running on the normal network (WebRTC on loopback)',
      );
    await main();
    return;
  }
  const child = spawn(
    'unshare',
    [
      '-n',
      'env',
      'FELLOWS_IN_NETNS=1',
      'bash',
      '-c',
      'ip link set lo up && exec "$@"',
      'bash',
      process.execPath,
      '--expose-gc',
      '--import',
      'tsx',
      'bench/run.ts',
      name,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the ${name} bench failed in its network namespace (${code})`);
}
