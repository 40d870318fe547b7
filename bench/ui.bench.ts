// The chat UI with a large group, in Chromium, against the targets of issue 7 (docs/benchmarks.md):
// - first_paint_100k_ms: from navigation start, with a 100,000-message group as the last one
//   open, until its newest message is on screen in the message list;
// - full_open_100k_ms: until the whole history is searchable (the worker's search finds the
//   oldest message; where the worker has no search yet, until it answers a page anchored at
//   the oldest message, and the figure says so);
// - long_tasks_over_50ms: long tasks on the UI thread while opening and scrolling up fast;
// - renderer_memory_100k_mb: JS heap plus array buffers of the window and the sync worker,
//   after a full GC, with the group open (bench/ui/cdp.ts);
// - bundle_gzip_kb: the entry chunk and its static imports, gzipped (bench/ui/bundle.ts);
// - first_paint_floor_ms: before each run, the same launch on a page that only reads what the
//   first screen needs and paints a line (bench/ui/floor.ts): the machine's floor under first
//   paint, and first_paint_over_floor_ms what the app adds to it;
// - catchup_100k_chromium_ms: how long the browser took to fetch the group in the first place.
// The group is made by a Node peer (e2e/node-peer, cached in node_modules/.cache); Bo is a
// Chromium profile on disk who joins through the real UI, fetches it all, then closes the
// app; each measured run launches the profile again (RUNS times; medians, with each run).
// Timing is taken inside the page (bench/ui/page-probe.ts), never by polling from here.
// WebRTC stays on loopback: where it may, the bench re-runs itself in a network namespace
// with only loopback, as scripts/e2e.sh does. Without Chromium it says so and skips.
//   npm run bench -- ui    (FELLOWS_BENCH_UI_MESSAGES=10000 for a quick try)
// To work on the bench itself: FELLOWS_BENCH_UI_PROFILE=<dir> keeps Bo's caught-up profile
// there (and the port its data belongs to) and reuses it next time, skipping the catch-up.
// To see what the opening's long tasks are made of: FELLOWS_BENCH_UI_CPUPROFILE=<dir> builds the
// app unminified and writes a CPU profile of each run there (ui/cpu-profile.ts, ui/cpu-tasks.ts).
// To see where a catch-up's time goes: FELLOWS_BENCH_UI_CATCHUP_PROFILE=<dir> writes 15 s of
// CPU profile of the page and of the sync worker there, from 4 s into the catch-up.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CPU_PROFILE_DIR } from './ui/cpu-profile.ts';
import { measureFloor, writeFloorPage } from './ui/floor.ts';
import { reportBundle, reportRuns, round } from './ui/figures.ts';
import { measure, type Run } from './ui/measure.ts';
import { CHROMIUM } from './ui/person.ts';
import { OUT_DIR, progress, RUNS } from './ui/scenario.ts';
import { freePort, inLoopbackNamespace } from './netns.ts';
import { buildWeb, ROOT, startPreview, startSignal } from './ui/servers.ts';
import { KEPT, keptSetup, setUp, type Setup } from './ui/setup.ts';

/** What git says, or '?' outside a checkout. */
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return '?';
  }
};

/** The machine's load average over 1, 5 and 15 minutes: the figures depend on it. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main(): Promise<void> {
  const changed = git('status', '--short').split('\n').filter(Boolean).length;
  progress(
    `load average ${load()}; commit ${git('log', '-1', '--format=%h')}, ${changed} changed files in the tree`,
  );
  const kept = keptSetup();
  const signalPort = kept?.signalPort ?? (await freePort());
  const signal = await startSignal(signalPort);
  let preview: Awaited<ReturnType<typeof startPreview>> | null = null;
  let setup: Setup | null = null;
  try {
    const built = performance.now();
    buildWeb(OUT_DIR, signal.url, CPU_PROFILE_DIR !== null);
    progress(`built the web app in ${Math.round((performance.now() - built) / 1000)} s`);
    reportBundle();
    const port = kept?.port ?? (await freePort());
    preview = await startPreview(OUT_DIR, port);
    setup = kept ?? (await setUp(signal.url, preview.url, { port, signalPort }));
    if (kept) progress(`reusing Bo's profile in ${kept.profile}`);
    writeFloorPage(OUT_DIR, setup.groupId);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const floor = await measureFloor(setup.profile, preview.url);
      const run = { ...(await measure(setup, preview.url, `run-${i + 1}`)), floor };
      progress(
        `run ${i + 1}: floor ${round(floor?.painted ?? NaN)} ms, first paint ${round(run.marks.firstPaint ?? NaN)} ms, full open ${round(run.marks.fullOpen ?? NaN)} ms (${run.marks.fullOpenMode ?? run.marks.fullOpenError ?? '?'}); long tasks opening (ms at start): ${run.openTasks.map((t) => `${Math.round(t.duration)}@${Math.round(t.start)}`).join(' ')}`,
      );
      runs.push(run);
    }
    reportRuns(runs);
    progress(`load average now ${load()}`);
  } finally {
    if (setup && !KEPT) rmSync(setup.profile, { recursive: true, force: true });
    await preview?.stop();
    await signal.stop();
  }
}

// Interrupted: leave no server or peer behind ('exit' handlers stop them).
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    process.exit(130);
  });

if (!existsSync(CHROMIUM)) {
  progress(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
} else {
  await inLoopbackNamespace('ui', main, progress);
}
