import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config.ts';

export type Theme = 'light' | 'dark';

/**
 * One simulated person: their own browser context, so their own IndexedDB and their own
 * WebRTC stack (two pages in one context would share storage and sync by BroadcastChannel).
 */
export async function newPerson(
  browser: Browser,
  options: { theme?: Theme } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    permissions: ['microphone'],
    colorScheme: options.theme ?? 'light',
    viewport: { width: 1100, height: 720 },
  });
  const page = await context.newPage();
  failOnPageError(page);
  return { context, page };
}

/** Fails the test on any uncaught error in the page. */
export function failOnPageError(page: Page): void {
  page.on('pageerror', (error) => {
    throw new Error(`Uncaught error in the page: ${error.message}`);
  });
}

/**
 * A person whose browser profile lives on disk in `dir`: closing the browser keeps (and
 * flushes) its data, as quitting Fellows does, and launching it again on `dir` reopens it.
 */
export function launchProfile(dir: string, baseURL: string | undefined): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    permissions: ['microphone'],
    viewport: { width: 1100, height: 720 },
    ...(baseURL ? { baseURL } : {}),
  });
}

/** The first page of a launched profile, failing the test on uncaught page errors. */
export async function firstPage(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  failOnPageError(page);
  return page;
}

/** Saves a screenshot to e2e/screenshots for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/**
 * Saves the page in both themes (`<name>-light.png`, `<name>-dark.png`), then leaves it light:
 * a journey runs once, and its screens are still seen in dark.
 */
export async function snapThemes(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await snap(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Goes through first-run onboarding with the given display name. */
export async function onboard(page: Page, displayName: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Your name').fill(displayName);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Your groups', level: 1 }).waitFor();
}

/** Creates a group from the sidebar and waits for its conversation. */
export async function createGroup(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New group' }).click();
  await page.getByLabel('Group name').fill(name);
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/**
 * Sends a message from the composer and waits until it shows (as rendered: markdown's bold,
 * code and strikethrough marks are not part of the text on screen).
 */
export async function send(page: Page, group: string, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: `Message ${group}` });
  await composer.fill(text);
  await composer.press('Enter');
  const shown = text.replace(/\*\*|__|~~|`/g, '');
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(shown)).toBeVisible();
  await expect(composer).toHaveValue('');
}

/** A screen's main heading: a conversation's group name, or "Your groups". */
export const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

/** Opens a group from the sidebar. */
export const openGroup = (page: Page, name: string) =>
  page.getByRole('complementary', { name: 'Groups' }).getByText(name).click();

/** A person's message list. */
export const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
/** The messages in a conversation, without the membership notices between them. */
export const messageItems = (page: Page) => messages(page).locator(':scope > li.message');

/** Creates an invite link from the open group's header. */
export async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/^fellows:\/\/join\//);
  await page.getByRole('button', { name: 'Done' }).click();
  return link;
}

/** Pastes an invite, checks what it names, and asks to join. */
export async function askToJoin(page: Page, link: string, group: string): Promise<void> {
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByLabel('Invite code or link').fill(link);
  await page.getByRole('button', { name: 'Check invite' }).click();
  // Before anything is contacted, the person sees the group and the server it will use.
  await expect(page.getByText(/You are invited to/)).toContainText(group);
  await expect(page.getByText(/Fellows will contact 127\.0\.0\.1:4444/)).toBeVisible();
  await page.getByRole('button', { name: 'Ask to join' }).click();
}

/**
 * `host` (a member) invites `guest` (onboarded) into `group`, and `guest` asks to join; returns
 * once the guest has the group open.
 */
export async function letIn(host: Page, guest: Page, group: string, timeout = 30_000) {
  const link = await inviteLink(host);
  await askToJoin(guest, link, group);
  await expect(heading(guest, group)).toBeVisible({ timeout });
}

type Person = { context: BrowserContext; page: Page };

/** Ada founds `group` and lets Bo and Cy in, one invite each: three people, each their own browser. */
export async function groupOfThree(
  browser: Browser,
  group: string,
  theme: Theme = 'light',
): Promise<{ ada: Person; bo: Person; cy: Person }> {
  const ada = await newPerson(browser, { theme });
  const bo = await newPerson(browser, { theme });
  const cy = await newPerson(browser, { theme });
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, group);
  for (const [person, name] of [
    [bo, 'Bo'],
    [cy, 'Cy'],
  ] as const) {
    await onboard(person.page, name);
    await letIn(ada.page, person.page, group);
  }
  return { ada, bo, cy };
}

/** The laptop's languages change (as when the OS language is switched): the page is told. */
export async function setOsLanguages(page: Page, languages: string[]): Promise<void> {
  await page.evaluate((next) => {
    Object.defineProperty(navigator, 'languages', { value: next, configurable: true });
    window.dispatchEvent(new Event('languagechange'));
  }, languages);
}
