import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// A peer must not outlive the run that started it (a crash, an interrupted test).
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export type PeerEvent = Record<string, unknown> & { event: string };
type Reply = Record<string, unknown> & { id: number; ok: boolean; error?: string };

/**
 * Starts a Node script that speaks JSON lines (peer.ts, outsider.ts) and drives it: `call`
 * sends a command and resolves with its answer, `next` waits for an event.
 */
export function spawnJsonLines(
  script: string,
  args: string[],
  label: string,
  nodeArgs: string[] = [],
) {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', script, ...args],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  const events: PeerEvent[] = [];
  const waiters = new Set<{ match: (e: PeerEvent) => boolean; resolve: (e: PeerEvent) => void }>();
  const stderr: string[] = [];
  let exited: string | null = null;
  let next = 0;

  createInterface({ input: child.stdout! }).on('line', (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      stderr.push(`(stdout) ${line}`);
      return;
    }
    if (typeof message.id === 'number' && typeof message.ok === 'boolean') {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) call?.resolve(message as Reply);
      else call?.reject(new Error(`${label}: ${String(message.error)}`));
      return;
    }
    const event = message as PeerEvent;
    events.push(event);
    for (const waiter of waiters) {
      if (waiter.match(event)) {
        waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (process.env.FELLOWS_PEER_LOG) console.error(`[${label}] ${line}`);
  });
  child.on('exit', (code, signal) => {
    running.delete(child);
    exited = `${label} exited (${signal ?? code})\n${stderr.slice(-20).join('\n')}`;
    for (const call of pending.values()) call.reject(new Error(exited));
    pending.clear();
  });

  return {
    /** Sends one command; resolves with its answer, rejects if the peer says it failed. */
    call<T = Record<string, unknown>>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
      if (exited) return Promise.reject(new Error(exited));
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, {
          resolve: (r) => {
            resolve(r as unknown as T);
          },
          reject,
        });
        child.stdin!.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
      });
    },
    /** The next event (past or future) that `match` accepts, taking it off the list. */
    next(match: (event: PeerEvent) => boolean, timeoutMs = 30_000): Promise<PeerEvent> {
      const index = events.findIndex(match);
      if (index >= 0) return Promise.resolve(events.splice(index, 1)[0]!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `${label}: no matching event in ${timeoutMs} ms\n${stderr.slice(-20).join('\n')}`,
            ),
          );
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (event: PeerEvent) => {
            clearTimeout(timer);
            const at = events.indexOf(event);
            if (at >= 0) events.splice(at, 1);
            resolve(event);
          },
        };
        waiters.add(waiter);
      });
    },
    /** Every event seen so far (those `next` took are gone). */
    events: () => [...events],
    stderr: () => [...stderr],
    /** Asks it to quit, and kills it if it has not after a while. */
    async stop(): Promise<void> {
      if (exited) return;
      const gone = new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
      });
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

export type JsonLinesProcess = ReturnType<typeof spawnJsonLines>;

/** A Fellows device in a Node process (peer.ts): person `seed`, named `name`. */
export function startNodePeer(options: { seed: number; name: string; nodeArgs?: string[] }) {
  const peer = spawnJsonLines(
    'e2e/node-peer/peer.ts',
    ['--seed', String(options.seed), '--name', options.name],
    `node peer ${options.name}`,
    options.nodeArgs,
  );
  return {
    ...peer,
    ready: () => peer.next((e) => e.event === 'ready', 30_000),
  };
}

export type NodePeer = ReturnType<typeof startNodePeer>;

/** An outsider (outsider.ts) in a group's room, knowing its name only. */
export function startOutsider(options: {
  mode: 'provider' | 'raw';
  room: string;
  signaling: string;
}) {
  const outsider = spawnJsonLines(
    'e2e/node-peer/outsider.ts',
    ['--mode', options.mode, '--room', options.room, '--signaling', options.signaling],
    `outsider (${options.mode})`,
  );
  return { ...outsider, ready: () => outsider.next((e) => e.event === 'ready', 30_000) };
}
