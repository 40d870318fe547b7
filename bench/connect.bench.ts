// Two devices entering one room at the same moment, in Chromium on loopback: how often they
// never link, and how long linking takes. It happens in the app when an admission starts a
// new epoch ("from join" groups): admitter and newcomer both enter the new room within
// milliseconds, both offer, and plain y-webrtc can leave one side waiting for good
// (renderer/src/sync/stuck-peers.ts). The same run measures, trial by trial in turn:
// - fellows: the app's room code (joinRoom in renderer/src/sync/webrtc-host.ts), linked
//   once the blob channel is open on both sides;
// - plain: y-webrtc as shipped (the baseline), linked once y-webrtc says connected.
// A trial not linked after LIMIT_MS counts as stuck. FELLOWS_BENCH_CONNECT_TRIALS sets the
// trials per kind (default 30).
//
// A second phase measures finding a peer again after a reload, as a person does who reloads
// the app while a fellow stays online: one page stays in a room, the other reloads and
// enters it again, trial after trial (the same kinds, the same limit).
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumArgs } from '../playwright.config.ts';
import { startServer } from '../signal/testing.ts';
import { inLoopbackNamespace } from './netns.ts';
import { percentile, report } from './report.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TRIALS = Number(process.env.FELLOWS_BENCH_CONNECT_TRIALS ?? 30);
const REJOINS = Number(process.env.FELLOWS_BENCH_CONNECT_REJOINS ?? TRIALS);
const LIMIT_MS = 20_000;
const KINDS = ['fellows', 'plain'] as const;
type Kind = (typeof KINDS)[number];

const progress = (line: string) => {
  process.stderr.write(`connect bench: ${line}\n`);
};

/** page.ts as one script, with its imports (the app's room code, y-webrtc, Yjs) bundled. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('connect/page.ts', import.meta.url)),
        formats: ['iife'],
        name: 'connectBench',
      },
    },
  });
  const first = (Array.isArray(output) ? output[0] : output) as {
    output?: { type: string; code?: string }[];
  };
  const chunk = first.output?.find((item) => item.type === 'chunk');
  if (!chunk?.code) throw new Error('the connect bench page did not build');
  return chunk.code;
}

/** Serves the page on loopback: a secure context (Web Crypto) with nothing else in it. */
async function serve(script: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><meta charset="utf-8"><script src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

type Win = {
  enter(kind: Kind, room: string, url: string, device: string): void;
  linked(): number;
  leave(): void;
  healed(): { onAnnounce: number; stuck: number; iceStalled: number };
};

/** Every page enters `room` at once, page i as device i. */
async function enterAll(pages: Page[], kind: Kind, room: string, signal: string) {
  await Promise.all(
    pages.map((page, i) =>
      page.evaluate(
        (args) => {
          (window as unknown as Win).enter(args.kind, args.room, args.signal, args.device);
        },
        { kind, room, signal, device: `device-${i}` },
      ),
    ),
  );
}

async function leaveAll(pages: Page[]) {
  await Promise.all(
    pages.map((page) =>
      page.evaluate(() => {
        (window as unknown as Win).leave();
      }),
    ),
  );
}

/** Both pages enter the same new room at once; the time until both are linked, or null. */
async function trial(pages: Page[], kind: Kind, signal: string, n: number) {
  const room = `bench-${kind}-${n}-${Math.random().toString(36).slice(2)}`;
  const start = Date.now();
  await enterAll(pages, kind, room, signal);
  let linkedAt: number | null = null;
  while (Date.now() - start < LIMIT_MS) {
    const linked = await Promise.all(
      pages.map((page) => page.evaluate(() => (window as unknown as Win).linked())),
    );
    if (linked.every((count) => count >= 1)) {
      linkedAt = Date.now() - start;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await leaveAll(pages);
  // Let the signaling server drop the old room before the next one.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return linkedAt;
}

/** The second page reloads and enters the room the first is still in; time until linked. */
async function rejoin(pages: Page[], kind: Kind, signal: string, room: string) {
  const [, again] = pages as [Page, Page];
  await again.reload();
  const start = Date.now();
  await again.evaluate(
    (args) => {
      (window as unknown as Win).enter(args.kind, args.room, args.signal, 'device-1');
    },
    { kind, room, signal },
  );
  while (Date.now() - start < LIMIT_MS) {
    // The reloaded page counts only its new connections: linked means linked again.
    if ((await again.evaluate(() => (window as unknown as Win).linked())) >= 1)
      return Date.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

/**
 * How many of `trials` were stuck (`<stuckName>_stuck`), and p50, p90 and max of the times of
 * the others (`<timesName>_p50_ms`…).
 */
function outcome(
  stuckName: string,
  timesName: string,
  stuck: number,
  trials: number,
  times: number[],
): void {
  report({ bench: 'connect', metric: `${stuckName}_stuck`, value: stuck, unit: `of ${trials}` });
  if (times.length === 0) return;
  for (const [label, p] of [
    ['p50', 50],
    ['p90', 90],
    ['max', 100],
  ] as const)
    report({
      bench: 'connect',
      metric: `${timesName}_${label}_ms`,
      value: percentile(times, p),
      unit: 'ms',
    });
}

async function signalServer() {
  const { server } = await startServer({
    limits: { maxTopicsPerConnection: 100_000 },
    log: (line) => {
      progress(`signaling server: ${line}`);
    },
  });
  return server;
}

async function main(): Promise<void> {
  const script = await bundle();
  const { url, server } = await serve(script);
  // A server per kind, so each counts the topics its pages leave behind. The topic cap is
  // lifted: plain y-webrtc leaves one per room and would hit the default 64 mid-run.
  const servers = {
    fellows: await signalServer(),
    plain: await signalServer(),
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  try {
    // One browser context per device and kind: separate pages share no y-webrtc state.
    const pagesOf = async () =>
      Promise.all(
        [0, 1].map(async () => {
          // Without a media permission Chromium offers no loopback ICE candidate.
          const context = await browser.newContext({ permissions: ['microphone'] });
          const page = await context.newPage();
          page.on('pageerror', (error) => {
            progress(`uncaught error in a page: ${error.message}`);
          });
          await page.goto(url);
          return page;
        }),
      );
    const pages: Record<Kind, Page[]> = { fellows: await pagesOf(), plain: await pagesOf() };
    const times: Record<Kind, number[]> = { fellows: [], plain: [] };
    const stuck: Record<Kind, number> = { fellows: 0, plain: 0 };
    for (let n = 0; n < TRIALS; n++) {
      for (const kind of KINDS) {
        const ms = await trial(pages[kind], kind, servers[kind].url, n);
        if (ms === null) stuck[kind]++;
        else times[kind].push(ms);
      }
      if ((n + 1) % 10 === 0)
        progress(
          `${n + 1} trials: stuck fellows ${stuck.fellows}, plain ${stuck.plain}; slowest fellows ${Math.max(0, ...times.fellows)} ms`,
        );
    }
    const rejoinTimes: Record<Kind, number[]> = { fellows: [], plain: [] };
    const rejoinStuck: Record<Kind, number> = { fellows: 0, plain: 0 };
    for (const kind of REJOINS > 0 ? KINDS : []) {
      const room = `bench-rejoin-${kind}-${Math.random().toString(36).slice(2)}`;
      await enterAll(pages[kind], kind, room, servers[kind].url);
      for (let n = 0; n < REJOINS; n++) {
        const ms = await rejoin(pages[kind], kind, servers[kind].url, room);
        if (ms === null) rejoinStuck[kind]++;
        else rejoinTimes[kind].push(ms);
        if ((n + 1) % 10 === 0)
          progress(
            `${n + 1} rejoins (${kind}): stuck ${rejoinStuck[kind]}, slowest ${Math.max(0, ...rejoinTimes[kind])} ms`,
          );
      }
      await leaveAll(pages[kind]);
    }
    const heals = await Promise.all(
      pages.fellows.map((page) => page.evaluate(() => (window as unknown as Win).healed())),
    );
    const sum = (key: keyof ReturnType<Win['healed']>) =>
      heals.reduce((total, h) => total + h[key], 0);
    progress(
      `fellows let go of ${sum('onAnnounce')} connection(s) on an announce and closed ${sum('stuck')} stuck one(s) and ${sum('iceStalled')} ICE never opened`,
    );
    report({
      bench: 'connect',
      metric: 'fellows_healed',
      value: sum('onAnnounce') + sum('stuck') + sum('iceStalled'),
      unit: 'connections',
    });
    for (const kind of KINDS) {
      // Every room has been left: what the server still forwards to these pages.
      report({
        bench: 'connect',
        metric: `${kind}_topics_left_subscribed`,
        value: servers[kind].stats().subscriptions,
        unit: `after ${TRIALS + (REJOINS > 0 ? 1 : 0)} rooms left`,
      });
      outcome(kind, `${kind}_link`, stuck[kind], TRIALS, times[kind]);
      if (REJOINS > 0) {
        const name = `${kind}_rejoin`;
        outcome(name, name, rejoinStuck[kind], REJOINS, rejoinTimes[kind]);
      }
    }
  } finally {
    await browser.close();
    await servers.fellows.close();
    await servers.plain.close();
    server.close();
  }
}

if (!existsSync(CHROMIUM)) {
  progress(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
} else {
  await inLoopbackNamespace('connect', main, progress);
}
