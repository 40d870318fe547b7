import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY = /listening on (ws:\/\/\S+)/;

// A server must not outlive the test run: if the worker exits before a test killed its
// server (a crash, an interrupted run), kill what is left.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A signaling server that belongs to one test: this repo's server (`signal/main.ts`) in its
 * own process on a free loopback port, which the test can kill (as a crash would: SIGKILL, no
 * goodbye to its clients) and start again on the same port.
 */
export type TestSignalServer = {
  /** `ws://127.0.0.1:<port>`, what people type into Settings. */
  readonly url: string;
  readonly port: number;
  /** Starts it (again) on the same port; resolves once it listens. */
  start(): Promise<void>;
  /** Kills it at once; resolves once the process is gone. Does nothing if it is not running. */
  kill(): Promise<void>;
};

/** Creates a server on a free loopback port and starts it. Kill it when the test ends. */
export async function startSignalServer(): Promise<TestSignalServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server: TestSignalServer = {
    url: `ws://127.0.0.1:${port}`,
    port,
    async start() {
      if (child) throw new Error(`the signaling server on port ${port} is already running`);
      const started = await launch(port);
      child = started;
      running.add(started);
      started.once('exit', () => {
        running.delete(started);
        if (child === started) child = null;
      });
    },
    async kill() {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => {
        current.once('exit', () => {
          resolve();
        });
      });
      current.kill('SIGKILL');
      await exited;
      child = null;
    },
  };
  await server.start();
  return server;
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'signal/main.ts', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (READY.test(output)) {
        child.stdout.off('data', onData);
        // Keep draining its output so a chatty server never blocks on a full pipe.
        child.stdout.resume();
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      reject(
        new Error(
          `the signaling server on port ${port} exited before listening (${signal ?? `code ${code}`}): ${output}`,
        ),
      );
    });
  });
}

/** A port nothing listens on right now, found by letting the kernel pick one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        if (port === 0) reject(new Error('no free port'));
        else resolve(port);
      });
    });
  });
}
