// An opt-in CPU profile of the page while it opens (FELLOWS_BENCH_UI_CPUPROFILE=<dir>): one
// .cpuprofile per measured run, for Chromium's DevTools (Performance → load profile) or for
// `node bench/ui/cpu-tasks.ts <file>`, which lists what ran in each long task. Profiling slows
// the page a little; runs profiled this way are for finding the cause, not for the figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const CPU_PROFILE_DIR = process.env.FELLOWS_BENCH_UI_CPUPROFILE ?? null;

export type Profiling = { stop: (name: string) => Promise<void> };

/**
 * Starts the profiler on `page`, which must already be on the app's origin: a same-origin
 * navigation stays in the renderer process the profiler is attached to.
 */
export async function startProfiling(page: Page, dir: string): Promise<Profiling> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  // 250 µs: fine enough to see what a 50 ms task is made of.
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
    },
  };
}
