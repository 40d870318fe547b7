// What every part of the UI bench shares: the group, what Bo does while it arrives, the
// probe's settings, and small helpers.
import type { Page } from '@playwright/test';
import { z } from '../../shared/zod.ts';
import type { ProbeConfig } from './page-probe.ts';

export const TOTAL = Number(process.env.FELLOWS_BENCH_UI_MESSAGES ?? 100_000);
export const SIZE = `${TOTAL / 1000}k`;
export const RUNS = Number(process.env.FELLOWS_BENCH_UI_RUNS ?? 3);
/** A catch-up still running after this long ends the bench (it says how far it got). */
export const CATCHUP_LIMIT_MS = Number(process.env.FELLOWS_BENCH_UI_CATCHUP_LIMIT_S ?? 480) * 1000;
export const OUT_DIR = 'dist/web-bench';
export const GROUP = 'Long history';
/** The oldest message's text has a word no other message has, so a search can find it. */
export const OLDEST_WORD = 'lighthouse';
export const FIRST_TEXT = `message 1, the oldest: ${OLDEST_WORD}`;
export const SCROLL_MS = 4000;
/**
 * What Bo does while the group arrives (FELLOWS_BENCH_UI_CATCHUP): 'reading', the conversation
 * open and read along (the newest marked read every 2 s, as pressing "jump to latest" does;
 * the default); 'open', open but not read; 'closed', not looking until the end. Until
 * 2026-11-23 a joiner counted the whole history as unread, which made 'open' and 'closed'
 * slow (docs/benchmarks.md); now what was written before Bo came in is not unread at all
 * (shared/repo/records.ts, `cameIn`), and the modes differ only in what the page draws.
 */
export const CATCHUP = z
  .enum(['reading', 'open', 'closed'])
  .parse(process.env.FELLOWS_BENCH_UI_CATCHUP ?? 'reading');
export const CATCHUP_NOTE = {
  open: 'the conversation open',
  closed: 'the conversation closed',
  reading: 'the conversation open, Bo reading along (newest marked read every 2 s)',
}[CATCHUP];

export const progress = (line: string) => {
  process.stderr.write(`ui bench: ${line}\n`);
};
export const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** Calls `look` every `everyMs` until it gives a value, or null after `limitMs`. */
export async function until<T>(
  page: Page,
  limitMs: number,
  everyMs: number,
  look: () => Promise<T | null>,
): Promise<T | null> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    try {
      const value = await look();
      if (value !== null) return value;
    } catch (error) {
      // The engine may still be starting, or the group not yet open: ask again.
      if (page.isClosed()) throw error;
    }
    await pause(everyMs);
  }
  return null;
}

export const LIST = '[aria-label="Messages"]';
export const probeConfig = (groupId: string, oldestId: string | null): ProbeConfig => ({
  listSelector: LIST,
  paneSelector: '.message-list-pane',
  newestText: `message ${TOTAL}`,
  sidebarSelector: 'aside',
  groupName: GROUP,
  workerName: 'fellows-sync',
  fullOpen: oldestId
    ? { groupId, oldestId, oldestText: FIRST_TEXT, query: OLDEST_WORD, timeoutMs: 60_000 }
    : null,
});
