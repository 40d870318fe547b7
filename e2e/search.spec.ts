import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  createGroup,
  heading,
  letIn,
  messageItems,
  newPerson,
  onboard,
  openGroup,
  send,
  snap,
} from './people.ts';
import { expectAccessible as axe } from './axe.ts';

const WEEKEND = 'Weekend';
const GARDEN = 'Moestuin';
const SYNC = { timeout: 30_000 };
const HIKE = '我们这个周末去爬山，你来吗？';
const CAFE = 'Zullen we één keer naar het café gaan?';

const row = (page: Page, text: string) => messageItems(page).filter({ hasText: text });
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });
const field = (scope: Locator) => scope.getByRole('combobox');
const marks = (scope: Locator) => scope.locator('mark').allInnerTexts();

/** Searches in the open dialog and waits for the worker's answer to that query. */
async function search(scope: Locator, query: string): Promise<void> {
  await field(scope).fill(query);
  await expect(scope.getByRole('listbox')).toHaveAttribute('aria-busy', 'false');
}

test('search in a group and across groups, Chinese and Dutch, edits, deletes, and the quick switcher', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await onboard(ada.page, 'Ada');
  await onboard(bo.page, 'Bo');
  // Two groups, both with Ada and Bo in them.
  for (const group of [GARDEN, WEEKEND]) {
    await createGroup(ada.page, group);
    await letIn(ada.page, bo.page, group);
  }
  await openGroup(ada.page, GARDEN);
  await send(ada.page, GARDEN, 'Na het wieden houden we een picknick bij de kas');
  await openGroup(ada.page, WEEKEND);
  await send(ada.page, WEEKEND, HIKE);
  await send(ada.page, WEEKEND, CAFE);
  await send(ada.page, WEEKEND, 'Picknick op zaterdag, wie neemt brood mee?');
  // Enough after them that the first ones are out of view when Bo opens the group.
  for (let i = 1; i <= 24; i++) await send(ada.page, WEEKEND, `Praatje ${i} over het weer`);
  await openGroup(bo.page, WEEKEND);
  await expect(row(bo.page, 'Praatje 24 over het weer')).toBeVisible(SYNC);

  await test.step('Bo finds Ada’s Chinese message by two of its characters', async () => {
    await bo.page.getByRole('button', { name: `Search in ${WEEKEND}` }).click();
    const panel = dialog(bo.page, `Search in ${WEEKEND}`);
    await expect(panel).toBeVisible();
    await expect(field(panel)).toBeFocused();
    await expect(panel.getByRole('status')).toContainText('Capitals and accents do not matter');
    await search(panel, '周末');
    const hits = panel.getByRole('option');
    await expect(hits).toHaveCount(1);
    await expect(hits.first()).toContainText(HIKE);
    await expect(hits.first()).toContainText('Ada');
    await expect.poll(() => marks(hits.first())).toEqual(['周末']);
    await expect(hits.first()).toHaveAttribute('aria-selected', 'true');
    await snap(bo.page, 'search-group-light');
    await bo.page.emulateMedia({ colorScheme: 'dark' });
    await snap(bo.page, 'search-group-dark');
    await axe(bo.page, 'group search, dark', 'dialog[open]');
    await bo.page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('and the Dutch one by a word, accents or not, then jumps to it', async () => {
    const panel = dialog(bo.page, `Search in ${WEEKEND}`);
    await search(panel, 'een cafe');
    const hit = panel.getByRole('option');
    await expect(hit).toHaveCount(1);
    await expect.poll(() => marks(hit)).toEqual(['één', 'café']);
    await search(panel, 'nothing like this');
    await expect(panel.getByRole('status')).toHaveText('No messages match “nothing like this”.');
    await expect(panel.getByRole('option')).toHaveCount(0);
    await search(panel, 'café');
    await expect(row(bo.page, CAFE)).not.toBeInViewport();
    await panel.getByRole('option').filter({ hasText: CAFE }).click();
    await expect(panel).toHaveCount(0);
    await expect(row(bo.page, CAFE)).toBeInViewport();
    await expect(row(bo.page, CAFE)).toHaveClass(/flash/);
    await expect(row(bo.page, CAFE)).toBeFocused();
  });

  await test.step('Esc closes it; opening it again (Ctrl+F) keeps the last query', async () => {
    await bo.page.keyboard.press('Control+f');
    const panel = dialog(bo.page, `Search in ${WEEKEND}`);
    await expect(field(panel)).toHaveValue('café');
    await expect(panel.getByRole('option')).toHaveCount(1);
    await bo.page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
  });

  await test.step('searching every group finds messages in both, each with its group', async () => {
    await bo.page.getByRole('button', { name: 'Search all groups' }).click();
    const panel = dialog(bo.page, 'Search all groups');
    await search(panel, 'PICKNICK');
    const hits = panel.getByRole('option');
    await expect(hits).toHaveCount(2);
    // Newest first: the Weekend one was written last.
    await expect(hits.nth(0)).toContainText(`in ${WEEKEND}`);
    await expect(hits.nth(1)).toContainText(`in ${GARDEN}`);
    await expect.poll(() => marks(hits.nth(1))).toEqual(['picknick']);
    await snap(bo.page, 'search-all-light');
    await axe(bo.page, 'search in all groups', 'dialog[open]');
    await bo.page.emulateMedia({ colorScheme: 'dark' });
    await snap(bo.page, 'search-all-dark');
    await bo.page.emulateMedia({ colorScheme: 'light' });
    // Down then Enter: the garden's message, in its group.
    await field(panel).press('ArrowDown');
    await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true');
    await field(panel).press('Enter');
    await expect(panel).toHaveCount(0);
    await expect(heading(bo.page, GARDEN)).toBeVisible();
    await expect(row(bo.page, 'houden we een picknick')).toHaveClass(/flash/);
  });

  await test.step('an edited message is found by its new text, not its old', async () => {
    const edited = row(ada.page, CAFE);
    await edited.hover();
    await edited.getByRole('button', { name: 'Edit', exact: true }).click();
    const box = ada.page.getByRole('textbox', { name: `Message ${WEEKEND}` });
    await expect(box).toHaveValue(CAFE);
    await box.fill('Zullen we één keer naar de bioscoop gaan?');
    await box.press('Enter');
    await openGroup(bo.page, WEEKEND);
    await expect(row(bo.page, 'naar de bioscoop')).toHaveCount(1, SYNC);
    await bo.page.keyboard.press('Control+f');
    const panel = dialog(bo.page, `Search in ${WEEKEND}`);
    await search(panel, 'café');
    await expect(panel.getByRole('status')).toHaveText('No messages match “café”.');
    await search(panel, 'bioscoop');
    await expect(panel.getByRole('option')).toHaveCount(1);
    await bo.page.keyboard.press('Escape');
  });

  await test.step('a deleted message is not found', async () => {
    const gone = row(ada.page, HIKE);
    await gone.hover();
    await gone.getByRole('button', { name: 'Delete', exact: true }).click();
    await ada.page.getByRole('button', { name: 'Delete message' }).click();
    await expect(row(bo.page, HIKE)).toHaveCount(0, SYNC);
    await bo.page.keyboard.press('Control+f');
    const panel = dialog(bo.page, `Search in ${WEEKEND}`);
    await search(panel, '周末');
    await expect(panel.getByRole('status')).toHaveText('No messages match “周末”.');
    await expect(panel.getByRole('option')).toHaveCount(0);
    await bo.page.keyboard.press('Escape');
  });

  await test.step('the quick switcher opens a group from part of its name', async () => {
    // Something unread elsewhere, for the switcher to show.
    await openGroup(ada.page, GARDEN);
    await send(ada.page, GARDEN, 'Wie komt er zaterdag wieden?');
    const sidebarRow = bo.page
      .getByRole('complementary', { name: 'Groups' })
      .getByRole('listitem')
      .filter({ hasText: GARDEN });
    await expect(sidebarRow).toContainText('Wie komt er zaterdag wieden?', SYNC);
    const composer = bo.page.getByRole('textbox', { name: `Message ${WEEKEND}` });
    await composer.focus();
    await bo.page.keyboard.press('Control+k');
    const switcher = dialog(bo.page, 'Go to a group');
    await expect(switcher).toBeVisible();
    await expect(switcher.getByRole('option')).toHaveCount(2);
    // Esc closes it, and focus goes back where it was.
    await bo.page.keyboard.press('Escape');
    await expect(switcher).toHaveCount(0);
    await expect(composer).toBeFocused();
    await bo.page.keyboard.press('Control+k');
    await field(switcher).fill('TUIN');
    await expect(switcher.getByRole('option')).toHaveCount(1);
    await expect(switcher.getByRole('option')).toContainText('1 unread');
    await expect.poll(() => marks(switcher)).toEqual(['tuin']);
    await snap(bo.page, 'quick-switcher-light');
    await axe(bo.page, 'quick switcher', 'dialog[open]');
    await bo.page.emulateMedia({ colorScheme: 'dark' });
    await snap(bo.page, 'quick-switcher-dark');
    await bo.page.emulateMedia({ colorScheme: 'light' });
    await field(switcher).press('Enter');
    await expect(switcher).toHaveCount(0);
    await expect(heading(bo.page, GARDEN)).toBeVisible();
    await bo.page.keyboard.press('Control+k');
    await field(switcher).fill('nergens');
    await expect(switcher.getByRole('status')).toHaveText('No group’s name contains “nergens”.');
    await bo.page.keyboard.press('Escape');
  });

  await ada.context.close();
  await bo.context.close();
});
