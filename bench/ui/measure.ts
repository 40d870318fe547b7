// One measured opening: Bo's app launched again on his profile, timed from inside the page
// (page-probe.ts) until the group is fully open, its memory read, then a fast scroll up.
import type { Page } from '@playwright/test';
import { heapUsage, type HeapUsage } from './cdp.ts';
import { CPU_PROFILE_DIR, startProfiling, type Profiling } from './cpu-profile.ts';
import type { FloorMarks } from './floor.ts';
import { probeScript, type LongTask, type ProbeMarks } from './page-probe.ts';
import { launch } from './person.ts';
import { LIST, pause, probeConfig, progress, SCROLL_MS, TOTAL } from './scenario.ts';
import type { Setup } from './setup.ts';

export type Run = {
  marks: ProbeMarks;
  /** The floor page's marks, launched just before (floor.ts); null if it never painted. */
  floor: FloorMarks | null;
  openTasks: LongTask[];
  scrollTasks: LongTask[];
  heap: HeapUsage[];
  heapAfterScroll: HeapUsage[];
  /** How many messages back from the newest the fast scroll reached. */
  scrolledBack: number | null;
};

const probeOf = async <T>(page: Page, read: string): Promise<T> =>
  page.evaluate<T>(`(() => { const probe = window.__fellowsBench; return probe && ${read}; })()`);

/** Launches Bo's app again and measures one opening, then a fast scroll up. */
export async function measure(
  setup: Setup,
  baseURL: string,
  name: string,
): Promise<Omit<Run, 'floor'>> {
  const config = probeConfig(setup.groupId, setup.oldest.id);
  const { context, page } = await launch(setup.profile, baseURL, probeScript(config));
  let profiling: Profiling | null = null;
  try {
    if (CPU_PROFILE_DIR) {
      // A file on the app's origin that runs nothing, so the profiler is on before the app.
      await page.goto('/favicon.svg');
      profiling = await startProfiling(page, CPU_PROFILE_DIR);
    }
    await page.goto('/');
    const painted = await page
      .waitForFunction(() => window.__fellowsBench?.marks.firstPaint !== undefined, undefined, {
        polling: 200,
        timeout: 60_000,
      })
      .then(
        () => true,
        () => false,
      );
    if (!painted) {
      // Not a figure to guess: the run says so, and the other figures are still taken.
      progress('the newest message never came on screen within 60 s');
      await probeOf(page, 'probe.startFullOpen()');
    }
    await page
      .waitForFunction(() => window.__fellowsBench?.marks.fullOpen !== undefined, undefined, {
        polling: 200,
        timeout: 70_000,
      })
      .catch(() => {
        progress('the group did not become fully open (see fullOpenError)');
      });
    await pause(1000);
    await profiling?.stop(name);
    const marks = await probeOf<ProbeMarks>(page, 'probe.marks');
    const openTasks = await probeOf<LongTask[]>(page, 'probe.longTasks.slice()');
    const heap = await heapUsage(setup.profile, baseURL, true);
    await pause(1000);

    const scrollStart = await page.evaluate(() => performance.now());
    const box = await page.locator(LIST).boundingBox();
    if (!box) throw new Error('the message list is not on screen');
    const top = Math.max(box.y, 0);
    const bottom = Math.min(box.y + box.height, 720);
    await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
    const end = performance.now() + SCROLL_MS;
    while (performance.now() < end) {
      for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -1500);
      await pause(100);
    }
    await pause(500);
    const scrollTasks = (await probeOf<LongTask[]>(page, 'probe.longTasks.slice()')).filter(
      (task) => task.start >= scrollStart,
    );
    const numbers = await probeOf<number[]>(page, 'probe.numbersOnScreen()');
    const heapAfterScroll = await heapUsage(setup.profile, baseURL, true);
    return {
      marks,
      openTasks,
      scrollTasks,
      heap,
      heapAfterScroll,
      scrolledBack: numbers.length > 0 ? TOTAL - Math.min(...numbers) : null,
    };
  } finally {
    await context.close();
  }
}
