// Bo, the person whose app the UI bench measures: a Chromium profile on disk (so closing and
// launching it again is what quitting and starting Fellows is), driven through the real UI.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config.ts';
import { DEBUGGING_PORT_FLAG } from './cdp.ts';
import type { ProbeState } from './page-probe.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches the profile in `dir` with `initScript` run before the app in every page. */
export async function launch(
  dir: string,
  baseURL: string,
  initScript: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: [...chromiumArgs, DEBUGGING_PORT_FLAG],
    permissions: ['microphone'],
    viewport: { width: 1100, height: 720 },
    locale: 'en-US',
    baseURL,
  });
  await context.addInitScript({ content: initScript });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => {
    console.error(`ui bench: uncaught error in the page: ${error.message}`);
  });
  // Warnings and errors, each once (a signaling server that is gone is retried all along).
  const said = new Set<string>();
  page.on('console', (message) => {
    if (message.type() !== 'warning' && message.type() !== 'error') return;
    const text = message.text().replace(/\s+/g, ' ');
    if (said.has(text.slice(0, 80))) return;
    said.add(text.slice(0, 80));
    console.error(`ui bench: the page says (${message.type()}): ${text.slice(0, 300)}`);
  });
  return { context, page };
}

/** First run: picks a display name. */
export async function onboard(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Your groups', level: 1 }).waitFor();
}

/** Pastes an invite link and asks to join (as e2e/people.ts askToJoin, any server). */
export async function askToJoin(page: Page, link: string): Promise<void> {
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByLabel('Invite code or link').fill(link);
  await page.getByRole('button', { name: 'Check invite' }).click();
  await page.getByRole('button', { name: 'Ask to join' }).click();
}

declare global {
  // Declaration merging onto the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __fellowsBench?: ProbeState;
  }
}

/**
 * Calls the sync worker's API from the page (through the probe): its answer, as `read` sees
 * it, and `at`, when it came, on the page's clock.
 */
export async function callWorker<T>(
  page: Page,
  method: string,
  args: unknown[],
  read: (value: unknown) => T,
): Promise<{ value: T; at: number }> {
  const answer = await page.evaluate(
    async ({ method, args }) => {
      const probe = window.__fellowsBench;
      if (!probe) throw new Error('the bench probe is not in the page');
      return { value: await probe.call(method, args), at: performance.now() };
    },
    { method, args },
  );
  return { value: read(answer.value), at: answer.at };
}
