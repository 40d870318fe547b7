import { expect, test, type Page } from '@playwright/test';
import { LEVELS_KEY } from '../renderer/src/attention/levels.ts';
import { toHex } from '../shared/crypto/bytes.ts';
import { decodeInvite } from '../shared/invite/code.ts';
import { expectAccessible } from './axe.ts';
import {
  askToJoin,
  createGroup,
  heading,
  inviteLink,
  letIn,
  newPerson,
  onboard,
  send,
  snap,
} from './people.ts';

const SYNC = { timeout: 30_000 };
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Groups' });
/** One group's button in the sidebar. */
const row = (page: Page, group: string) =>
  sidebar(page).getByRole('listitem').filter({ hasText: group }).getByRole('button');

test('the sidebar: previews, unread counts, a mention marker, a muted group, keys', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await onboard(ada.page, 'Ada');
  await onboard(bo.page, 'Bo');

  // With no groups, the list says so and offers both ways in.
  await expect(sidebar(ada.page).getByText('No groups yet.')).toBeVisible();
  await sidebar(ada.page).getByRole('button', { name: 'Start a group' }).click();
  await expect(ada.page.getByRole('dialog', { name: 'New group' })).toBeVisible();
  await ada.page.keyboard.press('Escape');
  await expect(ada.page.getByRole('dialog')).toHaveCount(0);

  // Ada makes two groups and lets Bo into both.
  await createGroup(ada.page, 'Book club');
  await write(ada.page, 'Book club', 'First book: **Middlemarch**');
  await letIn(ada.page, bo.page, 'Book club');
  await createGroup(ada.page, 'Allotment');
  await send(ada.page, 'Allotment', 'Tomatoes are in');
  const link = await inviteLink(ada.page);
  await askToJoin(bo.page, link, 'Allotment');
  await expect(heading(bo.page, 'Allotment')).toBeVisible(SYNC);

  // Bo's own message previews as "You: …", markers stripped, with its time.
  await write(bo.page, 'Allotment', 'I will bring _the_ stakes');
  await expect(row(bo.page, 'Allotment')).toContainText('You: I will bring the stakes');
  await expect(row(bo.page, 'Allotment').locator('time')).toHaveText(/\d{1,2}[:.]\d{2}/);

  // Bo silences the allotment, straight in the store the group settings write (so this test
  // does not hang on that screen's words).
  await bo.page.evaluate(
    ({ key, id }) => {
      localStorage.setItem(key, JSON.stringify({ [id]: 'off' }));
    },
    { key: LEVELS_KEY, id: groupIdOf(link) },
  );
  await bo.page.reload();
  await expect(row(bo.page, 'Allotment')).toHaveClass(/muted/);
  await expect(row(bo.page, 'Allotment').getByRole('img', { name: 'Muted' })).toBeVisible();

  // Ada writes in both groups while Bo looks at neither (his Settings are open).
  await bo.page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(bo.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await write(ada.page, 'Allotment', 'Water them **tonight**?');
  await ada.page.getByRole('complementary', { name: 'Groups' }).getByText('Book club').click();
  await write(ada.page, 'Book club', 'Chapter one by *Friday*');
  await expect(row(bo.page, 'Book club')).toContainText('Ada: Chapter one by Friday', SYNC);
  await expect(row(bo.page, 'Book club').getByLabel('1 unread')).toBeVisible();
  await expect(row(bo.page, 'Allotment')).toContainText('Ada: Water them tonight?', SYNC);
  await expect(row(bo.page, 'Allotment').getByLabel('1 unread')).toBeVisible();
  await expect(row(bo.page, 'Book club').getByRole('img', { name: 'Mentions you' })).toHaveCount(0);

  // Ada mentions Bo with the composer's @ list: his sidebar marks the group.
  const box = ada.page.getByRole('textbox', { name: 'Message Book club' });
  await box.pressSequentially('Thanks @b');
  await ada.page
    .getByRole('listbox', { name: 'Members to mention' })
    .getByRole('option', { name: 'Bo' })
    .waitFor();
  await box.press('Enter');
  await box.pressSequentially('for hosting');
  await box.press('Enter');
  await expect(row(bo.page, 'Book club').getByRole('img', { name: 'Mentions you' })).toBeVisible(
    SYNC,
  );
  await expect(row(bo.page, 'Book club').getByLabel('2 unread')).toBeVisible();
  await expect(row(bo.page, 'Book club')).toContainText('Ada: Thanks @Bo for hosting');
  await expectAccessible(bo.page, 'group list with unread, mention and muted', 'nav.group-list');
  await snap(bo.page, 'sidebar-light');
  await bo.page.emulateMedia({ colorScheme: 'dark' });
  await snap(bo.page, 'sidebar-dark');
  await bo.page.emulateMedia({ colorScheme: 'light' });

  // Keys: Up/Down/Home/End move between groups, Enter opens one; opening clears its marks.
  const rows = sidebar(bo.page).getByRole('listitem').getByRole('button');
  await expect(rows).toHaveCount(2);
  await rows.first().focus();
  await bo.page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await bo.page.keyboard.press('ArrowUp');
  await expect(rows.first()).toBeFocused();
  await bo.page.keyboard.press('End');
  await expect(rows.last()).toBeFocused();
  await row(bo.page, 'Book club').focus();
  await bo.page.keyboard.press('Enter');
  await expect(heading(bo.page, 'Book club')).toBeVisible();
  await expect(row(bo.page, 'Book club')).toHaveAttribute('aria-current', 'page');
  await expect(row(bo.page, 'Book club').getByLabel(/unread/)).toHaveCount(0);
  await expect(row(bo.page, 'Book club').getByRole('img', { name: 'Mentions you' })).toHaveCount(0);
  // The muted group keeps its (grey) count until Bo reads it.
  await expect(row(bo.page, 'Allotment').getByLabel('1 unread')).toBeVisible();

  // Reopened, the sidebar is drawn whole with the first screen, from the list as it was last
  // shown (sealed a second after it changed): no placeholders first, no rows coming in.
  await bo.page.waitForTimeout(2_000);
  await bo.page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const list = document.querySelector('nav.group-list');
      if (!list) return;
      Object.assign(window, {
        firstList: {
          placeholders: list.querySelector('[aria-busy="true"]') !== null,
          rows: [...list.querySelectorAll('li')].map((li) => li.textContent),
        },
      });
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await bo.page.reload();
  await expect(heading(bo.page, 'Book club')).toBeVisible();
  const firstList = (await bo.page.evaluate(() => 'firstList' in window && window.firstList)) as {
    placeholders: boolean;
    rows: string[];
  };
  expect(firstList.placeholders).toBe(false);
  expect(firstList.rows).toHaveLength(2);
  expect(firstList.rows.join(' ')).toContain('Book club');
  expect(firstList.rows.join(' ')).toMatch(/Allotment.*Water them tonight\?.*1/);
  await expect(row(bo.page, 'Allotment').getByLabel('1 unread')).toBeVisible();

  // Anywhere in the window, even typing: Alt+Shift+Down opens the next group with unread
  // messages, and Alt+Up / Alt+Down the group above or below, as in Slack and Element.
  await bo.page.getByRole('textbox', { name: 'Message Book club' }).focus();
  await bo.page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(heading(bo.page, 'Allotment')).toBeVisible();
  await expect(row(bo.page, 'Allotment').getByLabel(/unread/)).toHaveCount(0);
  // No group has unread messages now: it stays.
  await bo.page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(heading(bo.page, 'Allotment')).toBeVisible();
  const allotmentFirst = (await rows.first().innerText()).includes('Allotment');
  await bo.page.keyboard.press(allotmentFirst ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
  await expect(heading(bo.page, 'Book club')).toBeVisible();
  await expect(row(bo.page, 'Book club')).toHaveAttribute('aria-current', 'page');

  await ada.context.close();
  await bo.context.close();
});

/** Sends a message with markdown in it (shown formatted, so not findable as typed). */
async function write(page: Page, group: string, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: `Message ${group}` });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
}

/** The id of the group an invite is for, as the app keys groups (hex of the id bytes). */
const groupIdOf = (link: string) => toHex(decodeInvite(link).groupId);
