import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { SIGNALING } from '../playwright.config.ts';
import {
  createGroup,
  failOnPageError,
  firstPage,
  launchProfile,
  messageItems,
  newPerson,
  onboard,
  send,
} from './people.ts';
import { startSignalServer, type TestSignalServer } from './signal-server.ts';

// Finding a peer again goes through reconnect backoffs (y-webrtc's signaling client, up to
// 2.5 s), so the waits for a message to cross are generous; none of them is a fixed sleep.
const CROSS = { timeout: 30_000 };
const GROUP = 'Book club';

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
const say = (page: Page, text: string) => send(page, GROUP, text);

/** Points Settings at the test's own signaling server, and only at it. */
async function useSignaling(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Signaling servers for new groups' });
  await section.getByRole('textbox').fill(url);
  await section.getByRole('button', { name: 'Add' }).click();
  await section.getByRole('button', { name: `Remove ${SIGNALING}` }).click();
  await expect(section.getByRole('listitem').locator('code')).toHaveText([url]);
  await page.getByRole('button', { name: 'Close' }).click();
}

async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  return link;
}

async function askToJoin(page: Page, link: string, server: TestSignalServer): Promise<void> {
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByLabel('Invite code or link').fill(link);
  await page.getByRole('button', { name: 'Check invite' }).click();
  await expect(page.getByText(`Fellows will contact 127.0.0.1:${server.port}`)).toBeVisible();
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible(CROSS);
}

/** Opens Fellows again on a laptop that has used it before, at the group's conversation. */
async function reopen(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('complementary', { name: 'Groups' }).getByText(GROUP).click();
  await expect(page.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible();
}

/** Two members talking in a group whose only signaling server is `server`. */
async function twoMembers(ada: Page, bo: Page, server: TestSignalServer): Promise<void> {
  await onboard(ada, 'Ada');
  await useSignaling(ada, server.url);
  await createGroup(ada, GROUP);
  await say(ada, 'First book: Middlemarch');
  const link = await inviteLink(ada);
  await onboard(bo, 'Bo');
  await useSignaling(bo, server.url);
  await askToJoin(bo, link, server);
  await expect(messages(bo).getByText('First book: Middlemarch')).toBeVisible(CROSS);
  await say(bo, 'Love it, I am in!');
  await expect(messages(ada).getByText('Love it, I am in!')).toBeVisible(CROSS);
}

/**
 * A laptop whose Fellows can be quit and opened again with its data: a persistent browser
 * profile in a temporary folder (closing a normal context would throw its IndexedDB away).
 */
type Laptop = {
  /** Opens Fellows (a browser on this profile); resolves to its page. */
  open(): Promise<Page>;
  /** Quits Fellows: the browser closes, its profile stays. */
  quit(): Promise<void>;
};

/**
 * What these tests own, set up and torn down by Playwright even when a test fails or times
 * out: a signaling server of their own, and laptops with their temporary profiles.
 */
const test = base.extend<{ signal: TestSignalServer; laptop: (name: string) => Promise<Laptop> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from it
  signal: async ({}, use) => {
    const server = await startSignalServer();
    try {
      await use(server);
    } finally {
      await server.kill();
    }
  },
  laptop: async ({ baseURL }, use) => {
    type Profile = { dir: string; context: BrowserContext | null };
    const made: Profile[] = [];
    await use(async (name) => {
      const dir = await mkdtemp(join(tmpdir(), `fellows-${name}-`));
      const state: Profile = { dir, context: null };
      made.push(state);
      return {
        async open() {
          const context = await launchProfile(state.dir, baseURL);
          state.context = context;
          return firstPage(context);
        },
        async quit() {
          await state.context?.close();
          state.context = null;
        },
      };
    });
    for (const { dir, context } of made) {
      await context?.close().catch((error: unknown) => {
        console.warn(`closing the browser on ${dir} failed`, error);
      });
      await rm(dir, { recursive: true, force: true });
    }
  },
});

test('the history outlives Fellows closing; a message written alone reaches the others later', async ({
  signal: server,
  laptop,
}) => {
  test.setTimeout(180_000);
  const ada = await laptop('ada');
  const bo = await laptop('bo');
  let adaPage = await ada.open();
  let boPage = await bo.open();
  await twoMembers(adaPage, boPage, server);
  await say(adaPage, 'Chapter one by Friday');
  await expect(messages(boPage).getByText('Chapter one by Friday')).toBeVisible(CROSS);

  // Bo quits Fellows, the signaling server goes down, and Ada quits too.
  await bo.quit();
  await server.kill();
  await ada.quit();

  // Bo opens Fellows with nobody to talk to and no server: the whole history is there.
  boPage = await bo.open();
  await reopen(boPage);
  for (const text of ['First book: Middlemarch', 'Love it, I am in!', 'Chapter one by Friday']) {
    await expect(messages(boPage).getByText(text)).toBeVisible();
  }
  await say(boPage, 'Written with nobody around');
  // It is kept: after quitting and opening again, it is still there.
  await bo.quit();
  boPage = await bo.open();
  await reopen(boPage);
  await expect(messages(boPage).getByText('Written with nobody around')).toBeVisible();

  // The server and Ada come back: Bo's app finds Ada's and the message reaches her.
  await server.start();
  adaPage = await ada.open();
  await reopen(adaPage);
  await expect(messages(adaPage).getByText('Written with nobody around')).toBeVisible(CROSS);
  await expect(messageItems(adaPage)).toHaveCount(4);
});

test('the signaling server restarts mid-conversation: no reload, and peers find each other again', async ({
  browser,
  signal: server,
}) => {
  test.setTimeout(180_000);
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await twoMembers(ada.page, bo.page, server);

  // The server crashes and comes back on the same port; both keep talking, no reload.
  await server.kill();
  await server.start();
  await say(ada.page, 'Still here after the restart?');
  await expect(messages(bo.page).getByText('Still here after the restart?')).toBeVisible(CROSS);
  await say(bo.page, 'Yes, still here');
  await expect(messages(ada.page).getByText('Yes, still here')).toBeVisible(CROSS);

  // Now the peers must find each other again through the restarted server: it goes down,
  // Bo closes Fellows, Ada writes; the server comes back and Bo opens Fellows again. Ada's
  // page stays open throughout and never reloads.
  await server.kill();
  await bo.page.close();
  await say(ada.page, 'While you were away');
  await server.start();
  const back = await bo.context.newPage();
  failOnPageError(back);
  await reopen(back);
  await expect(messages(back).getByText('While you were away')).toBeVisible(CROSS);
  await say(back, 'Back again');
  await expect(messages(ada.page).getByText('Back again')).toBeVisible(CROSS);
  await ada.context.close();
  await bo.context.close();
});
