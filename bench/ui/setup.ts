// Before anything is measured: Ada (a Node peer) holds the group, Bo joins it through the UI
// and fetches all of it, reads up to its newest message, and closes the app on it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { z } from '../../shared/zod.ts';
import { startNodePeer } from '../../e2e/node-peer/client.ts';
import { cpuProfiles } from './cdp.ts';
import { figure } from './figures.ts';
import { probeScript } from './page-probe.ts';
import { askToJoin, callWorker, launch, onboard } from './person.ts';
import {
  CATCHUP,
  CATCHUP_LIMIT_MS,
  CATCHUP_NOTE,
  FIRST_TEXT,
  GROUP,
  LIST,
  pause,
  probeConfig,
  progress,
  SIZE,
  TOTAL,
  until,
} from './scenario.ts';

export type Setup = {
  profile: string;
  groupId: string;
  oldest: { id: string; text: string };
  /** The web app's port: a browser keeps data per origin, so a kept profile needs it again. */
  port: number;
  /** The signaling server's port, which the group's record names. */
  signalPort: number;
};
/** FELLOWS_BENCH_UI_PROFILE: where to keep Bo's caught-up profile between runs. */
export const KEPT = process.env.FELLOWS_BENCH_UI_PROFILE;
const setupSchema = z.object({
  profile: z.string(),
  groupId: z.string(),
  oldest: z.object({ id: z.string(), text: z.string() }),
  port: z.number(),
  signalPort: z.number(),
});

/** A profile kept by an earlier run (FELLOWS_BENCH_UI_PROFILE), if it holds this group size. */
export function keptSetup(): Setup | null {
  if (!KEPT || !existsSync(join(KEPT, `bench-${TOTAL}.json`))) return null;
  return setupSchema.parse(JSON.parse(readFileSync(join(KEPT, `bench-${TOTAL}.json`), 'utf8')));
}

/**
 * Ada (a Node peer) makes the group; Bo joins it through the UI and fetches all of it, then
 * closes the app with the group open. Reports how long the catch-up took.
 */
export async function setUp(
  signaling: string,
  baseURL: string,
  ports: { port: number; signalPort: number },
): Promise<Setup> {
  const ada = startNodePeer({ seed: 60, name: 'Ada' });
  let profile = mkdtempSync(join(tmpdir(), 'fellows-ui-bench-'));
  if (KEPT) {
    rmSync(profile, { recursive: true });
    profile = join(KEPT, `profile-${TOTAL}`);
    rmSync(profile, { recursive: true, force: true });
    mkdirSync(profile, { recursive: true });
  }
  try {
    await ada.ready();
    const started = performance.now();
    const made = await ada.call<{ groupId: string; generated: boolean }>('create', {
      groupName: GROUP,
      messages: TOTAL,
      signaling: [signaling],
      firstText: FIRST_TEXT,
    });
    progress(
      made.generated
        ? `generated the ${SIZE} group in ${Math.round((performance.now() - started) / 1000)} s (cached from now on)`
        : `the ${SIZE} group came from the cache`,
    );
    const { groupId } = made;
    const { link } = await ada.call<{ link: string }>('invite', { groupId });
    const { messageId, text } = await ada.call<{ messageId: string; text: string }>('oldest', {
      groupId,
    });
    const oldest = { id: messageId, text };
    if (oldest.text !== FIRST_TEXT) throw new Error(`the oldest message is "${oldest.text}"`);

    const { context, page } = await launch(
      profile,
      baseURL,
      probeScript(probeConfig(groupId, null)),
    );
    try {
      await onboard(page, 'Bo');
      await askToJoin(page, link);
      progress('Bo asked to join');
      // Admitted: the answer opened and the group is in Bo's engine (the join's 'syncing').
      const admitted = await until(page, 60_000, 100, async () => {
        const { value, at } = await callWorker(page, 'groups', [], (v) => v as { id: string }[]);
        return value.some((g) => g.id === groupId) ? at : null;
      });
      if (admitted === null) throw new Error('Bo was not let in within 60 s');
      progress(`Bo was let in; catching up (${CATCHUP_NOTE})`);
      if (CATCHUP !== 'closed') await openGroup(page, false);
      const profiling = profileCatchUp(profile, baseURL);
      let held = 0;
      let reported = performance.now();
      let read = performance.now();
      const done = await until(page, CATCHUP_LIMIT_MS, 250, async () => {
        const { value, at } = await callWorker(
          page,
          'page',
          [groupId, 'latest', 0, 0],
          (v) => v as { total: number; items: { id: string }[] },
        );
        held = value.total;
        const newest = value.items[0]?.id;
        if (CATCHUP === 'reading' && newest && performance.now() - read > 2000) {
          read = performance.now();
          await callWorker(page, 'markRead', [groupId, newest], (v) => v);
        }
        if (performance.now() - reported > 15_000) {
          reported = performance.now();
          progress(`catching up: ${held} of ${TOTAL}`);
        }
        return held >= TOTAL ? at : null;
      });
      await profiling;
      if (done === null) {
        figure(
          `catchup_${SIZE}_chromium_held_after_${CATCHUP_LIMIT_MS / 1000}s`,
          held,
          'messages',
          {
            note: CATCHUP_NOTE,
          },
        );
        throw new Error(`Bo held ${held} of ${TOTAL} after ${CATCHUP_LIMIT_MS / 1000} s`);
      }
      figure(`catchup_${SIZE}_chromium_ms`, done - admitted, 'ms', {
        note: `from admission (the group in Bo’s engine) until it holds every message; ${CATCHUP_NOTE}`,
      });
      // The engine seals a snapshot once no blob came for 2 s (shared/repo/repo.ts); closing
      // before that leaves none, and a group opened without one replays its whole log at every
      // start (what replays at open never counts toward the next snapshot).
      await pause(5000);
      // Bo reads up to the newest message (the list, which opens at the first unread one,
      // then opens at the latest), and opens the group once more, the app started again on it.
      const { value: latest } = await callWorker(
        page,
        'page',
        [groupId, 'latest', 0, 0],
        (v) => v as { items: { id: string }[] },
      );
      const newestId = latest.items[0]?.id;
      if (!newestId) throw new Error('the group has no newest message');
      await callWorker(page, 'markRead', [groupId, newestId], (v) => v);
      await page.reload();
      await openGroup(page, true).catch(async (error: unknown) => {
        const shot = join(tmpdir(), 'fellows-ui-bench-setup.png');
        await page.screenshot({ path: shot });
        progress(`the group did not show its newest message: see ${shot}`);
        throw error;
      });
      await pause(3000);
      const last = await page.evaluate(() => localStorage.getItem('fellows:last-group'));
      if (last !== groupId) throw new Error('the app did not remember the open group');
    } finally {
      await context.close();
    }
    const setup = { profile, groupId, oldest, ...ports };
    if (KEPT) writeFileSync(join(KEPT, `bench-${TOTAL}.json`), JSON.stringify(setup));
    return setup;
  } catch (error) {
    if (!KEPT) rmSync(profile, { recursive: true, force: true });
    throw error;
  } finally {
    // Bo opens his copy alone from now on: nothing arrives while he is measured.
    await ada.stop();
  }
}

/** With FELLOWS_BENCH_UI_CATCHUP_PROFILE, CPU profiles of page and worker during the catch-up. */
async function profileCatchUp(profileDir: string, origin: string): Promise<void> {
  const dir = process.env.FELLOWS_BENCH_UI_CATCHUP_PROFILE;
  if (!dir) return;
  await pause(4000);
  const profiles = await cpuProfiles(profileDir, origin, 15_000);
  profiles.forEach((p, i) => {
    writeFileSync(join(dir, `catchup-${i}-${p.type}.cpuprofile`), JSON.stringify(p.profile));
  });
  progress(`catch-up profiles written to ${dir} (${profiles.map((p) => p.type).join(', ')})`);
}

/**
 * Opens the group from the sidebar unless it is open (closing the join dialog first), and
 * with `newest`, waits for its newest message.
 */
async function openGroup(page: Page, newest: boolean): Promise<void> {
  const heading = page.getByRole('heading', { name: GROUP, level: 1 });
  if (!(await heading.isVisible())) {
    if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: 'Groups' }).getByText(GROUP).first().click();
  }
  await heading.waitFor({ timeout: 30_000 });
  if (newest)
    await page
      .locator(LIST)
      .getByText(`message ${TOTAL}`, { exact: true })
      .waitFor({ timeout: 60_000 });
}
