// The bench's figures, one JSON line each, as bench/report.ts prints them, plus each run's
// value and a note where one helps: medians of the measured runs.
import { join } from 'node:path';
import { percentile } from '../report.ts';
import { bundleSizes } from './bundle.ts';
import type { HeapUsage } from './cdp.ts';
import type { Run } from './measure.ts';
import type { FloorMarks } from './floor.ts';
import type { LongTask, ProbeMarks } from './page-probe.ts';
import { OUT_DIR, SCROLL_MS, SIZE } from './scenario.ts';
import { ROOT } from './servers.ts';

const median = (values: number[]) => percentile(values, 50);
export const round = (value: number) => Math.round(value * 10) / 10;

/** One figure, as bench/report.ts prints it, with each run's value and a note when useful. */
export function figure(
  metric: string,
  value: number,
  unit: string,
  extra: { runs?: number[]; note?: string } = {},
) {
  const line = {
    bench: 'ui',
    metric,
    value: Math.round(value * 1000) / 1000,
    unit,
    ...(extra.runs ? { runs: extra.runs.map(round) } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
  console.info(JSON.stringify(line));
}

export function reportBundle(): void {
  const bundle = bundleSizes(join(ROOT, OUT_DIR));
  const kb = (bytes: number) => bytes / 1000;
  figure('bundle_gzip_kb', kb(bundle.initialJs.gzip), 'kB', {
    note: `${bundle.initialJs.files.join(' ')}: ${Math.round(kb(bundle.initialJs.bytes))} kB before gzip`,
  });
  figure('bundle_css_gzip_kb', kb(bundle.css.gzip), 'kB');
  figure('bundle_worker_gzip_kb', kb(bundle.worker.gzip), 'kB', {
    note: 'the sync worker, fetched as the app starts',
  });
  figure('bundle_lazy_gzip_kb', kb(bundle.lazyJs.gzip), 'kB', {
    note: `${bundle.lazyJs.files.length} chunks loaded on demand`,
  });
}

const MB = (bytes: number) => bytes / 1e6;
const jsBytes = (heap: HeapUsage[], type?: string) =>
  heap
    .filter((h) => type === undefined || h.type === type)
    .reduce((sum, h) => sum + h.usedBytes + h.backingBytes, 0);

export function reportRuns(runs: Run[]): void {
  const series = (pick: (run: Run) => number | undefined) =>
    runs.map(pick).filter((v): v is number => v !== undefined);
  const timed = (
    metric: string,
    pick: (marks: ProbeMarks) => number | undefined,
    note?: string,
  ) => {
    const values = series((run) => pick(run.marks));
    if (values.length > 0)
      figure(metric, median(values), 'ms', { runs: values, ...(note ? { note } : {}) });
  };
  const modes = [...new Set(runs.map((run) => run.marks.fullOpenMode ?? 'not reached'))];
  timed(
    `first_paint_${SIZE}_ms`,
    (m) => m.firstPaint,
    'navigation start → the frame that paints the newest message',
  );
  timed(
    `full_open_${SIZE}_ms`,
    (m) => m.fullOpen,
    modes.includes('search')
      ? 'the worker’s search found the oldest message'
      : `the worker has no search yet: a page anchored at the oldest message (${modes.join(', ')})`,
  );
  const floor = series((r) => r.floor?.painted);
  if (floor.length > 0)
    figure('first_paint_floor_ms', median(floor), 'ms', {
      runs: floor,
      note: 'a page that only opens the three databases, reads what the first screen needs and paints a line: the same launch, profile and server',
    });
  const over = series((r) =>
    r.floor && r.marks.firstPaint !== undefined ? r.marks.firstPaint - r.floor.painted : undefined,
  );
  if (over.length > 0)
    figure('first_paint_over_floor_ms', median(over), 'ms', {
      runs: over,
      note: 'first paint less the floor launched just before it: what the app itself costs',
    });
  const floorStep = (metric: string, pick: (floor: FloorMarks) => number, note: string) => {
    const values = series((r) => (r.floor ? pick(r.floor) : undefined));
    if (values.length > 0) figure(metric, median(values), 'ms', { runs: values, note });
  };
  floorStep('floor_script_ms', (f) => f.script, 'the floor page’s one small module starts');
  floorStep('floor_opened_ms', (f) => f.opened, 'its three databases are open');
  // The steps of an opening, in the order they usually come.
  timed('dom_content_loaded_ms', (m) => m.domContentLoaded, 'the app’s JS has run');
  timed('sidebar_shown_ms', (m) => m.sidebarShown, 'session open, main screen rendered');
  timed('worker_created_ms', (m) => m.workerCreated);
  timed('newest_in_dom_ms', (m) => m.newestInDom);
  timed('worker_ready_ms', (m) => m.workerReady, 'the engine’s start answered: every group open');
  timed('groups_listed_ms', (m) => m.groupListed, 'the group’s name in the sidebar');
  timed('first_page_answered_ms', (m) => m.firstPageAnswered, 'the app’s first page() answered');

  const over50 = (tasks: LongTask[]) => tasks.filter((t) => t.duration > 50);
  figure(
    'long_tasks_over_50ms',
    median(series((r) => over50(r.openTasks).length + over50(r.scrollTasks).length)),
    'tasks',
    {
      runs: series((r) => over50(r.openTasks).length + over50(r.scrollTasks).length),
      note: `opening, then ${SCROLL_MS / 1000} s of fast wheel scrolling up`,
    },
  );
  figure('long_tasks_open', median(series((r) => over50(r.openTasks).length)), 'tasks', {
    runs: series((r) => over50(r.openTasks).length),
  });
  figure('long_tasks_scroll', median(series((r) => over50(r.scrollTasks).length)), 'tasks', {
    runs: series((r) => over50(r.scrollTasks).length),
  });
  const longest = series((r) =>
    Math.max(0, ...[...r.openTasks, ...r.scrollTasks].map((t) => t.duration)),
  );
  figure('longest_task_ms', median(longest), 'ms', { runs: longest });
  const blocked = series((r) =>
    over50([...r.openTasks, ...r.scrollTasks]).reduce((s, t) => s + t.duration, 0),
  );
  figure('long_tasks_total_ms', median(blocked), 'ms', { runs: blocked });
  const back = series((r) => r.scrolledBack ?? undefined);
  if (back.length > 0)
    figure('scroll_reached_back', median(back), 'messages', {
      runs: back,
      note: 'how far back from the newest message the fast scroll got',
    });

  const total = series((r) => MB(jsBytes(r.heap)));
  figure(`renderer_memory_${SIZE}_mb`, median(total), 'MB', {
    runs: total,
    note: 'JS heap used plus array buffers, window and sync worker, after a full GC in each',
  });
  figure('renderer_memory_window_mb', median(series((r) => MB(jsBytes(r.heap, 'page')))), 'MB');
  figure('renderer_memory_worker_mb', median(series((r) => MB(jsBytes(r.heap, 'worker')))), 'MB');
  figure(
    'renderer_memory_dom_mb',
    median(series((r) => MB(r.heap.reduce((s, h) => s + h.embedderBytes, 0)))),
    'MB',
    { note: 'Blink’s own heap (DOM), not in the total' },
  );
  const after = series((r) => MB(jsBytes(r.heapAfterScroll)));
  figure('renderer_memory_after_scroll_mb', median(after), 'MB', { runs: after });
}
