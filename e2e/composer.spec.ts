import { expect, test, type Locator, type Page } from '@playwright/test';
import { MAX_TEXT_LENGTH } from '../shared/content/schema.ts';
import {
  createGroup,
  heading,
  letIn,
  messageItems,
  messages,
  newPerson,
  onboard,
  openGroup,
  send,
  setOsLanguages,
  snap,
} from './people.ts';
import { expectAccessible as axe } from './axe.ts';

const GROUP = 'Garden';
const OTHER = 'Errands';
const SYNC = { timeout: 15_000 };

const composer = (page: Page, group = GROUP) =>
  page.getByRole('textbox', { name: `Message ${group}` });
const row = (page: Page, text: string) => messageItems(page).filter({ hasText: text });

test('the composer: new lines, Up to edit, Esc, drafts per group, mentions, long text', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await ada.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, OTHER);
  await createGroup(ada.page, GROUP);
  await onboard(bo.page, 'Bo');
  await letIn(ada.page, bo.page, GROUP);
  await expect(ada.page.getByText('2 members')).toBeVisible(SYNC);
  const box = composer(ada.page);

  await test.step('Shift+Enter makes a new line; Enter sends both lines', async () => {
    await box.click();
    await box.pressSequentially('Rows of beans');
    await box.press('Shift+Enter');
    await box.pressSequentially('and rows of leeks');
    await expect(box).toHaveValue('Rows of beans\nand rows of leeks');
    await box.press('Enter');
    await expect(box).toHaveValue('');
    const arrived = row(bo.page, 'and rows of leeks');
    await expect(arrived).toBeVisible(SYNC);
    // Two lines on screen, not one: the break survives the trip and the rendering.
    await expect.poll(() => arrived.innerText()).toMatch(/Rows of beans\s*\n\s*and rows of leeks/);
  });

  await test.step('Up edits my last message; the other person sees the new text', async () => {
    await send(ada.page, GROUP, 'Bring gloves');
    await expect(row(bo.page, 'Bring gloves')).toBeVisible(SYNC);
    await box.press('ArrowUp');
    await expect(ada.page.getByText('Editing message')).toBeVisible();
    await expect(box).toHaveValue('Bring gloves');
    await expect(box).toBeFocused();
    await box.fill('Bring gloves and seeds');
    await box.press('Enter');
    await expect(ada.page.getByText('Editing message')).toHaveCount(0);
    await expect(box).toHaveValue('');
    await expect(row(bo.page, 'Bring gloves and seeds')).toBeVisible(SYNC);
  });

  await test.step('Esc cancels an edit and keeps the message as it was', async () => {
    await box.press('ArrowUp');
    await expect(box).toHaveValue('Bring gloves and seeds');
    await box.fill('a change I regret');
    await box.press('Escape');
    await expect(ada.page.getByText('Editing message')).toHaveCount(0);
    await expect(box).toHaveValue('');
    await expect(messages(ada.page).getByText('a change I regret')).toHaveCount(0);
    await expect(row(ada.page, 'Bring gloves and seeds')).toBeVisible();
    // Edit from the message's menu while writing: Esc brings back what was being written.
    await box.fill('half a thought');
    const gloves = row(ada.page, 'Bring gloves and seeds');
    await gloves.hover();
    await gloves.getByRole('button', { name: 'Edit' }).click();
    await expect(box).toHaveValue('Bring gloves and seeds');
    await expect(box).toBeFocused();
    await box.press('Escape');
    await expect(box).toHaveValue('half a thought');
    await box.fill('');
  });

  await test.step('an emptied edit is refused with a hint, and nothing changes', async () => {
    await box.press('ArrowUp');
    await box.fill('');
    await box.press('Enter');
    await expect(ada.page.getByRole('alert')).toContainText('cannot be empty');
    await expect(ada.page.getByText('Editing message')).toBeVisible();
    await ada.page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(ada.page.getByText('Editing message')).toHaveCount(0);
    await expect(row(bo.page, 'Bring gloves and seeds')).toBeVisible();
  });

  await test.step('each group keeps its own draft', async () => {
    await box.fill('Draft for the garden');
    await openGroup(ada.page, OTHER);
    await expect(heading(ada.page, OTHER)).toBeVisible();
    const other = composer(ada.page, OTHER);
    await expect(other).toHaveValue('');
    await other.fill('Buy twine');
    await openGroup(ada.page, GROUP);
    await expect(box).toHaveValue('Draft for the garden');
    await openGroup(ada.page, OTHER);
    await expect(other).toHaveValue('Buy twine');
    await other.fill('');
    await openGroup(ada.page, GROUP);
    await expect(box).toHaveValue('Draft for the garden');
    await box.fill('');
  });

  await test.step('@ offers members; picking Bo mentions him', async () => {
    await box.pressSequentially('Thanks @b');
    const list = ada.page.getByRole('listbox', { name: 'Members to mention' });
    await expect(list).toBeVisible();
    const option = list.getByRole('option', { name: 'Bo' });
    await expect(option).toHaveAttribute('aria-selected', 'true');
    // The combobox pattern: focus stays in the box, which points at the active option.
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '');
    await expect(box).toHaveAttribute(
      'aria-activedescendant',
      (await option.getAttribute('id')) ?? '',
    );
    // Ada is not offered herself.
    await expect(list.getByRole('option')).toHaveCount(1);
    await box.press('Enter');
    await expect(list).toHaveCount(0);
    await expect(box).toHaveValue('Thanks @Bo ');
    await box.pressSequentially('for the seeds');
    await box.press('Enter');
    await expect(box).toHaveValue('');
    const mention = row(bo.page, 'for the seeds');
    await expect(mention).toBeVisible(SYNC);
    await expect(mention.locator('.mention-me')).toHaveText('@Bo');
    // The row itself is marked from the message's mention list (item.mentionsMe).
    await expect(mention).toHaveClass(/\bmentions-me\b/);
    // Ada's own copy names Bo but does not mention her.
    await expect(row(ada.page, 'for the seeds')).not.toHaveClass(/\bmentions-me\b/);
  });

  await test.step('Esc closes the list and keeps the text; a click picks', async () => {
    await box.pressSequentially('@');
    const list = ada.page.getByRole('listbox', { name: 'Members to mention' });
    await expect(list).toBeVisible();
    await box.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(box).toHaveValue('@');
    await box.fill('');
    await box.pressSequentially('ask @');
    await list.getByRole('option', { name: 'Bo' }).click();
    await expect(box).toHaveValue('ask @Bo ');
    await expect(box).toBeFocused();
    await box.fill('');
  });

  await test.step('emoji: a :code offers them, a whole :code: becomes one, the button picks', async () => {
    const emojiList = ada.page.getByRole('listbox', { name: 'Emoji' });
    await box.pressSequentially('Seeds are in :thu');
    await expect(emojiList).toBeVisible();
    const first = emojiList.getByRole('option').first();
    await expect(first).toHaveText(/^👍\uFE0F?:thumbsup:$/u);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute(
      'aria-activedescendant',
      (await first.getAttribute('id')) ?? '',
    );
    await box.press('Enter');
    await expect(emojiList).toHaveCount(0);
    await expect(box).toHaveValue(/^Seeds are in 👍\uFE0F?$/u);
    // Typed whole, as in Slack: the closing colon makes the emoji.
    await box.pressSequentially(' :tada:');
    await expect(box).toHaveValue(/^Seeds are in 👍\uFE0F? 🎉$/u);
    // Not in a time, and Esc leaves a code as typed.
    await box.pressSequentially(' at 10:30, :sun');
    await expect(emojiList).toBeVisible();
    await box.press('Escape');
    await expect(emojiList).toHaveCount(0);
    await expect(box).toHaveValue(/ at 10:30, :sun$/u);
    await box.fill('');

    // The button: the emoji goes where the caret was, and the box has the focus again.
    await box.fill('Seeds planted');
    await box.press('Home');
    for (let i = 0; i < 'Seeds'.length; i++) await box.press('ArrowRight');
    const button = ada.page.getByRole('button', { name: 'Insert emoji' });
    await button.click();
    const picker = ada.page.getByRole('dialog', { name: 'Choose an emoji to insert' });
    const search = picker.getByRole('searchbox', { name: 'Search emoji' });
    await expect(search).toBeFocused();
    await search.fill('seedling');
    await picker.getByRole('gridcell', { name: 'Seedling' }).click();
    await expect(picker).toHaveCount(0);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('Seeds🌱 planted');
    // Esc closes it and changes nothing; Enter in its search picks, and never sends.
    await button.click();
    await expect(search).toBeFocused();
    await search.press('Escape');
    await expect(picker).toHaveCount(0);
    await expect(box).toBeFocused();
    await box.press('End');
    await box.pressSequentially(' ');
    await button.click();
    await search.fill('sunflower');
    await expect(picker.getByRole('gridcell', { name: 'Sunflower' })).toBeVisible();
    await search.press('Enter');
    await expect(picker).toHaveCount(0);
    await expect(box).toHaveValue('Seeds🌱 planted 🌻');
    await box.press('Enter');
    await expect(row(bo.page, 'Seeds🌱 planted 🌻')).toBeVisible(SYNC);
    // A skin tone, once chosen, is kept for the next time.
    await button.click();
    const medium = picker.getByRole('button', { name: 'Medium skin tone' });
    await medium.click();
    await expect(medium).toHaveAttribute('aria-pressed', 'true');
    await search.fill('waving hand');
    await picker
      .getByRole('gridcell', { name: /^Waving hand/ })
      .first()
      .click();
    await expect(box).toHaveValue('👋🏽');
    // The :code list gives it in that tone too.
    await box.pressSequentially(' :wave:');
    await expect(box).toHaveValue('👋🏽 👋🏽');
    await box.fill('');
    await button.click();
    await expect(medium).toHaveAttribute('aria-pressed', 'true');
    await picker.getByRole('button', { name: 'Default skin tone' }).click();
    await expect(medium).toHaveAttribute('aria-pressed', 'false');
    await ada.page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);

    // A few emoji alone show large, as in Signal; with words they stay text-sized.
    await box.pressSequentially(':tada::tada:');
    await expect(box).toHaveValue('🎉🎉');
    await box.press('Enter');
    const large = row(bo.page, '🎉🎉').locator('.message-text');
    await expect(large).toHaveClass(/\blarge-emoji\b/, SYNC);
    const size = (text: Locator) => text.locator('p').evaluate((p) => getComputedStyle(p).fontSize);
    expect(await size(large)).toBe('32px');
    expect(await size(row(bo.page, 'Seeds🌱 planted 🌻').locator('.message-text'))).not.toBe(
      '32px',
    );
  });

  await test.step('a reply shows who it answers and carries the reference', async () => {
    await send(bo.page, GROUP, 'Who has the shed key?');
    const asked = row(ada.page, 'Who has the shed key?');
    await expect(asked).toBeVisible(SYNC);
    await asked.hover();
    await asked.getByRole('button', { name: 'Reply' }).click();
    await expect(ada.page.getByText('Replying to Bo')).toBeVisible();
    await expect(box).toBeFocused();
    await box.press('Escape');
    await expect(ada.page.getByText('Replying to Bo')).toHaveCount(0);
    await asked.hover();
    await asked.getByRole('button', { name: 'Reply' }).click();
    await ada.page.getByRole('button', { name: 'Cancel reply' }).click();
    await expect(ada.page.getByText('Replying to Bo')).toHaveCount(0);
    await asked.hover();
    await asked.getByRole('button', { name: 'Reply' }).click();
    await box.pressSequentially('I do, under the pot');
    await box.press('Enter');
    await expect(ada.page.getByText('Replying to Bo')).toHaveCount(0);
    const answer = row(bo.page, 'I do, under the pot');
    await expect(answer).toBeVisible(SYNC);
    // The reply quotes what it answers.
    await expect(answer).toContainText('Who has the shed key?');
  });

  for (const theme of ['light', 'dark'] as const) {
    await test.step(`screenshots, ${theme}`, async () => {
      await ada.page.emulateMedia({ colorScheme: theme });
      await box.pressSequentially('Lovely work @');
      await expect(ada.page.getByRole('listbox', { name: 'Members to mention' })).toBeVisible();
      await snap(ada.page, `composer-mentions-${theme}`);
      await axe(ada.page, `composer, mentions, ${theme}`, '.compose');
      await box.fill('');
      await box.pressSequentially('Lovely work :sm');
      await expect(ada.page.getByRole('listbox', { name: 'Emoji' })).toBeVisible();
      await snap(ada.page, `composer-emoji-codes-${theme}`);
      await axe(ada.page, `composer, emoji codes, ${theme}`, '.compose');
      await box.fill('');
      await ada.page.getByRole('button', { name: 'Insert emoji' }).click();
      const picker = ada.page.getByRole('dialog', { name: 'Choose an emoji to insert' });
      await expect(picker.getByRole('gridcell').first()).toBeVisible();
      await snap(ada.page, `composer-emoji-picker-${theme}`);
      await axe(ada.page, `composer, emoji picker, ${theme}`, '.emoji-popover');
      await ada.page.keyboard.press('Escape');
      await expect(picker).toHaveCount(0);
      // The original, not the reply that quotes it.
      const asked = row(ada.page, 'Who has the shed key?').first();
      await asked.hover();
      await asked.getByRole('button', { name: 'Reply' }).click();
      await box.pressSequentially('Thanks, found it');
      await snap(ada.page, `composer-reply-${theme}`);
      await axe(ada.page, `composer, reply, ${theme}`, '.compose');
      await box.press('Escape');
      await box.fill('');
      await box.press('ArrowUp');
      await expect(ada.page.getByText('Editing message')).toBeVisible();
      await snap(ada.page, `composer-edit-${theme}`);
      await axe(ada.page, `composer, edit, ${theme}`, '.compose');
      await box.press('Escape');
    });
  }

  await test.step('a save the worker refuses says why, under the box, and keeps the text', async () => {
    await ada.page.emulateMedia({ colorScheme: 'light' });
    await send(ada.page, GROUP, 'Temporary note');
    await box.press('ArrowUp');
    await expect(box).toHaveValue('Temporary note');
    await box.fill('Temporary note, revised');
    // Meanwhile the message is deleted (from its menu): the edit can no longer be saved.
    const note = row(ada.page, 'Temporary note');
    await note.hover();
    await note.getByRole('button', { name: 'Delete', exact: true }).click();
    await ada.page.getByRole('button', { name: 'Delete message' }).click();
    await expect(messages(ada.page).getByText('Temporary note')).toHaveCount(0);
    // Once the dialog is gone, the focus goes back to the deleted message's row: wait for that,
    // or it can take the focus between the box's focus and its Enter.
    await expect(ada.page.getByRole('dialog')).toHaveCount(0);
    await expect(messages(ada.page).locator(':focus')).toHaveCount(1);
    await box.press('Enter');
    const alert = ada.page.locator('.compose').getByRole('alert');
    await expect(alert).toHaveText('Could not save the edit: That message was deleted.');
    await expect(box).toHaveValue('Temporary note, revised');
    await snap(ada.page, 'composer-error-light');
    const header = ada.page.locator('.conversation-header');
    const englishHeight = (await header.boundingBox())?.height;
    // The laptop switches to Dutch: the error is said again in Dutch, the worker's reason too,
    // and the text is kept.
    await setOsLanguages(ada.page, ['nl-NL', 'nl']);
    await expect(alert).toHaveText('Bewerking opslaan mislukt: Dat bericht is verwijderd.');
    // The header's longer Dutch words stay on one line: nothing below it moves.
    await expect(header.getByRole('button', { name: '2 leden' })).toBeVisible();
    expect((await header.boundingBox())?.height).toBe(englishHeight);
    await snap(ada.page, 'composer-error-nl');
    await setOsLanguages(ada.page, ['en-US', 'en']);
    await expect(alert).toHaveText('Could not save the edit: That message was deleted.');
    await box.press('Escape');
    await expect(box).toHaveValue('');
    await expect(alert).toHaveCount(0);
  });

  await test.step('a long paste is kept whole, counted, and cannot be sent', async () => {
    const over = 1234;
    const words = 'The compost heap needs turning before the frost comes. ';
    const long =
      words
        .repeat(Math.ceil((MAX_TEXT_LENGTH + over) / words.length))
        .slice(0, MAX_TEXT_LENGTH + over - 1) + '!';
    await ada.page.evaluate((text) => navigator.clipboard.writeText(text), long);
    await box.click();
    await box.press('ControlOrMeta+V');
    await expect(box).toHaveValue(long);
    await expect(ada.page.getByText('1,234 characters over')).toBeVisible();
    await expect(ada.page.getByText(/Too long to send/)).toBeVisible();
    const sendButton = ada.page.getByRole('button', { name: 'Send' });
    await expect(sendButton).toBeDisabled();
    await box.press('Enter');
    await expect(box).toHaveValue(long);
    // The box grows to ~40% of the window and then scrolls, so the page stays usable.
    const height = (await box.boundingBox())?.height ?? 0;
    expect(height).toBeGreaterThan(100);
    expect(height).toBeLessThanOrEqual(720 * 0.4 + 1);
    expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expect(heading(ada.page, GROUP)).toBeInViewport();
    // Kept as a draft too, whole.
    await openGroup(ada.page, OTHER);
    await openGroup(ada.page, GROUP);
    await expect(box).toHaveValue(long);
    // The conversation above stays in view, only shorter.
    await expect(row(ada.page, 'I do, under the pot')).toBeInViewport();
    for (const theme of ['light', 'dark'] as const) {
      await ada.page.emulateMedia({ colorScheme: theme });
      await snap(ada.page, `composer-too-long-${theme}`);
    }
    // Shortened to fit, it goes.
    const fits = long.slice(0, MAX_TEXT_LENGTH);
    await box.fill(fits);
    await expect(ada.page.getByText('0 characters left')).toBeVisible();
    await expect(sendButton).toBeEnabled();
    await box.press('Enter');
    await expect(box).toHaveValue('');
    await expect(row(bo.page, 'The compost heap').last()).toBeVisible(SYNC);
    await expect(messages(ada.page).getByText('Too long to send')).toHaveCount(0);
  });

  await ada.context.close();
  await bo.context.close();
});
