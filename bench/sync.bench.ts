// Sync over WebRTC between Node processes, against the targets in docs/benchmarks.md: each
// peer is its own process (e2e/node-peer/peer.ts: the real core and the app's network host
// over @roamhq/wrtc), meeting through this repo's signaling server on a free loopback port.
// - delivery: 200 messages one after another, each sent once the previous one arrived, from
//   the send call on A until B's handle.page() shows it (checked by text); the baseline is
//   plain y-webrtc (bench/sync-plain-peer.ts: a Y.Array push, no encryption) at the same pace,
//   and the same with each entry sealed, signed and verified (the floor any design that signs
//   each message pays);
// - catch-up: a new member joins a group of 10k (and 100k) messages by one device; from its
//   admission (the answer opened, its room joined) until it holds every message.
// The groups are generated once and kept in node_modules/.cache/fellows-node-peer (100k
// takes a few minutes to sign). A catch-up still running after 180 s is reported as how far
// it got (FELLOWS_BENCH_CATCHUP_LIMIT_S; FELLOWS_BENCH_CATCHUP=10000 runs only 10k, =0 none).
// WebRTC stays on loopback: where it may, the bench re-runs itself in a network namespace
// with only loopback (as scripts/e2e.sh does).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { spawnJsonLines, startNodePeer, type NodePeer } from '../e2e/node-peer/client.ts';
import { freePort, inLoopbackNamespace } from './netns.ts';
import { percentile, report } from './report.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SENDS = 200;
const WARMUP = 10;
const sizes = (process.env.FELLOWS_BENCH_CATCHUP ?? '10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** A catch-up still running after this long is stopped, and reported as how far it got. */
const LIMIT_MS = Number(process.env.FELLOWS_BENCH_CATCHUP_LIMIT_S ?? 180) * 1000;

async function signalServer() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'signal/main.ts', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', () => {
      reject(new Error('the signaling server did not start'));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('listening on')) resolve();
    });
  });
  return { url: `ws://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const progress = (line: string) => {
  process.stderr.write(`sync bench: ${line}\n`);
};

/** Two members of a new group, B watching for new messages. */
async function pair(url: string, seed: number) {
  const a = startNodePeer({ seed, name: 'A' });
  const b = startNodePeer({ seed: seed + 1, name: 'B' });
  await Promise.all([a.ready(), b.ready()]);
  const { groupId } = await a.call<{ groupId: string }>('create', {
    groupName: 'Delivery',
    messages: 0,
    signaling: [url],
  });
  const { code } = await a.call<{ code: string }>('invite', { groupId });
  await b.call('join', { code });
  await b.call('watch', { groupId });
  return { a, b, groupId };
}

async function fellowsDelivery(url: string): Promise<number[]> {
  const { a, b, groupId } = await pair(url, 31);
  try {
    const times: number[] = [];
    for (let i = -WARMUP; i < SENDS; i++) {
      const text = `message ${i}`;
      const sent = await a.call<{ at: number }>('send', { groupId, text });
      const got = await b.next((e) => e.event === 'message' && e.text === text, 30_000);
      if (i >= 0) times.push((got.at as number) - sent.at);
    }
    return times;
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

/** Plain y-webrtc at the same pace; with `crypto`, each entry sealed, signed and verified. */
async function plainDelivery(url: string, crypto: boolean): Promise<number[]> {
  const room = `plain-${crypto ? 'crypto-' : ''}${Date.now()}`;
  const peer = () =>
    spawnJsonLines(
      'bench/sync-plain-peer.ts',
      ['--room', room, '--signaling', url, ...(crypto ? ['--crypto'] : [])],
      crypto ? 'signed y-webrtc' : 'plain y-webrtc',
    );
  const a = peer();
  const b = peer();
  try {
    await Promise.all([a.next((e) => e.event === 'ready'), b.next((e) => e.event === 'ready')]);
    const times: number[] = [];
    for (let i = -WARMUP; i < SENDS; i++) {
      const text = `message ${i}`;
      const sent = await a.call<{ at: number }>('push', { text });
      const got = await b.next((e) => e.event === 'pushed' && e.text === text, 30_000);
      if (i >= 0) times.push((got.at as number) - sent.at);
    }
    return times;
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

/**
 * A newcomer joins a group of `total` messages by one device: milliseconds from its
 * admission until it holds them all, or, past `limitMs`, how many it held by then.
 */
async function catchUp(
  url: string,
  total: number,
  seed: number,
): Promise<{ ms: number } | { held: number }> {
  const owner: NodePeer = startNodePeer({ seed, name: 'Owner' });
  const joiner: NodePeer = startNodePeer({ seed: seed + 1, name: 'Newcomer' });
  try {
    await Promise.all([owner.ready(), joiner.ready()]);
    const made = await owner.call<{ groupId: string; generated: boolean }>('create', {
      groupName: `Catch-up ${total}`,
      messages: total,
      signaling: [url],
    });
    if (made.generated) progress(`generated a ${total}-message group (cached from now on)`);
    const { code } = await owner.call<{ code: string }>('invite', { groupId: made.groupId });
    const joined = await joiner.call<{ groupId: string; at: number }>('join', { code });
    const done = joiner.call<{ at: number }>('waitCount', {
      groupId: joined.groupId,
      count: total,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        resolve(null);
      }, LIMIT_MS);
    });
    const finished = await Promise.race([done, limit]);
    clearTimeout(timer);
    if (finished) return { ms: finished.at - joined.at };
    const { count } = await joiner.call<{ count: number }>('status', { groupId: joined.groupId });
    return { held: count };
  } finally {
    await Promise.all([owner.stop(), joiner.stop()]);
  }
}

async function main(): Promise<void> {
  const server = await signalServer();
  try {
    const fellows = await fellowsDelivery(server.url);
    const plain = await plainDelivery(server.url, false);
    const signed = await plainDelivery(server.url, true);
    const p50 = percentile(fellows, 50);
    const base = percentile(plain, 50);
    const floor = percentile(signed, 50);
    report({ bench: 'sync', metric: 'delivery_p50_ms', value: p50, unit: 'ms' });
    report({
      bench: 'sync',
      metric: 'delivery_p95_ms',
      value: percentile(fellows, 95),
      unit: 'ms',
    });
    report({ bench: 'sync', metric: 'baseline_delivery_p50_ms', value: base, unit: 'ms' });
    report({
      bench: 'sync',
      metric: 'baseline_delivery_p95_ms',
      value: percentile(plain, 95),
      unit: 'ms',
    });
    report({ bench: 'sync', metric: 'delivery_ratio_p50', value: p50 / base, unit: 'x' });
    // What signing and sealing each message costs by itself, with nothing else of Fellows:
    // the part of the ratio above that no per-message-signature design can remove.
    report({ bench: 'sync', metric: 'signed_delivery_p50_ms', value: floor, unit: 'ms' });
    report({ bench: 'sync', metric: 'signed_ratio_p50', value: floor / base, unit: 'x' });
    report({ bench: 'sync', metric: 'delivery_over_signed_p50', value: p50 / floor, unit: 'x' });
    for (const total of sizes) {
      // A person per size, so each size's generated group is cached under its own name.
      const result = await catchUp(server.url, total, 40 + 2 * Math.round(Math.log10(total)));
      const name = `catchup_${total / 1000}k`;
      if ('ms' in result) {
        report({ bench: 'sync', metric: `${name}_ms`, value: result.ms, unit: 'ms' });
      } else {
        // Not finished within the limit: say how far it got, never a guess at the total.
        progress(`${name}: not done after ${LIMIT_MS / 1000} s; held ${result.held} of ${total}`);
        report({
          bench: 'sync',
          metric: `${name}_held_after_${LIMIT_MS / 1000}s`,
          value: result.held,
          unit: 'messages',
        });
      }
    }
  } finally {
    server.stop();
  }
}

await inLoopbackNamespace('sync', main, progress);
