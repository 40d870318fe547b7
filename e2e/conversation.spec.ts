import { expectAccessible } from './axe.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SIGNALING } from '../playwright.config.ts';
import { startNodePeer } from './node-peer/client.ts';
import {
  askToJoin,
  createGroup,
  inviteLink,
  messageItems,
  messages,
  newPerson,
  onboard,
  snap,
} from './people.ts';

const GROUP = 'Book club';
const MARKDOWN = '**Chapter 3** is `great`, notes at https://example.com/notes';

/** A message row (the `<li>`) by a piece of its own text (not a quote of it in a reply). */
const row = (page: Page, text: string) =>
  messageItems(page).filter({ has: page.locator('.message-text', { hasText: text }) });

const BOTH = 'Ada and Bo|Bo and Ada';
/**
 * The emoji in the picker's cells (the first rows, then the rest of the smileys) that draw no ink
 * in the cell's own font: offered, but shown as nothing.
 */
async function undrawnEmoji(picker: Locator): Promise<string[]> {
  return picker.locator('.emoji-picker-viewport').evaluate(async (viewport) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return ['no canvas'];
    const undrawn = new Set<string>();
    for (let step = 0; step < 4; step++) {
      for (const cell of viewport.querySelectorAll<HTMLElement>('.emoji-picker-emoji')) {
        const emoji = cell.textContent;
        context.clearRect(0, 0, 64, 64);
        context.font = `32px ${getComputedStyle(cell).fontFamily}`;
        context.textBaseline = 'top';
        context.fillText(emoji, 0, 0);
        const pixels = context.getImageData(0, 0, 64, 64).data;
        if (!pixels.some((value, i) => i % 4 === 3 && value !== 0)) undrawn.add(emoji);
      }
      viewport.scrollBy(0, viewport.clientHeight);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    viewport.scrollTo(0, 0);
    return [...undrawn];
  });
}

/** A 👍 chip's name (the emoji may carry a variation selector). */
const thumbs = (names: string) => new RegExp(`^👍\uFE0F? \\d+ by (?:${names})$`, 'u');

/** Writes in the composer and sends, without checking how the text renders. */
async function write(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: `Message ${GROUP}` });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
}

/** Every request a page makes that leaves the app's origin and its signaling server. */
function offOrigin(page: Page, baseURL: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL) && !url.startsWith(SIGNALING) && !url.startsWith('data:'))
      seen.push(url);
  });
  return seen;
}

test('two people talk in markdown, reply, react, edit, delete and copy; the list keeps its place', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await bo.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const adaAway = offOrigin(ada.page, baseURL ?? '');
  const boAway = offOrigin(bo.page, baseURL ?? '');
  try {
    await onboard(ada.page, 'Ada');
    await createGroup(ada.page, GROUP);
    await expect(ada.page.getByText('No messages yet. Say hello.')).toBeVisible();
    const link = await inviteLink(ada.page);
    await onboard(bo.page, 'Bo');
    await askToJoin(bo.page, link, GROUP);
    await expect(bo.page.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    await expect(ada.page.getByLabel('Who is online')).toContainText('Bo online', {
      timeout: 30_000,
    });

    // Markdown renders safely: bold, code, a bare link; no raw HTML, no javascript: link.
    await write(ada.page, MARKDOWN);
    await write(ada.page, 'Not a link: [click me](javascript:alert(1)) and <b>raw</b> <img src=x>');
    const list = messages(bo.page);
    await expect(list.locator('strong', { hasText: 'Chapter 3' })).toBeVisible({
      timeout: 15_000,
    });
    await expect(list.locator('code', { hasText: 'great' })).toBeVisible();
    await expect(list.getByText('and raw')).toBeVisible();
    await expect(list.locator('li.row-day')).toHaveText('Today');
    await expect(list.getByRole('link', { name: 'click me' })).toHaveCount(0);
    await expect(list.locator('b, img, script')).toHaveCount(0);

    // A link opens outside the app (the web host: a new window), never in the app's page.
    await bo.context.route('https://example.com/**', (route) =>
      route.fulfill({ contentType: 'text/plain', body: 'notes' }),
    );
    const appUrl = bo.page.url();
    const [popup] = await Promise.all([
      bo.context.waitForEvent('page'),
      list.getByRole('link', { name: 'https://example.com/notes' }).click(),
    ]);
    await expect(popup).toHaveURL('https://example.com/notes');
    await popup.close();
    expect(bo.page.url()).toBe(appUrl);
    await expect(bo.page.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible();

    // Enough messages that the first ones scroll out of view.
    for (let i = 1; i <= 24; i++) await write(ada.page, `Note ${i} on the chapter`);
    await expect(row(bo.page, 'Note 24 on the chapter')).toBeVisible({ timeout: 20_000 });

    // Bo scrolls up to Ada's first message and replies to it from its toolbar.
    await scrollToTop(bo.page);
    const original = row(bo.page, 'Chapter 3');
    await original.hover();
    await original.getByRole('button', { name: 'Reply' }).click();
    await expect(bo.page.getByText('Replying to Ada')).toBeVisible();
    await write(bo.page, 'Agreed, see you Thursday');
    // Sending takes Bo back down to his message.
    await expect(row(bo.page, 'Agreed, see you Thursday')).toBeVisible();

    // Ada sees the reply with its quote; clicking the quote brings the original into view.
    const reply = row(ada.page, 'Agreed, see you Thursday');
    await expect(reply).toBeVisible({ timeout: 15_000 });
    const quote = reply.getByRole('button', { name: /^Reply to Ada Chapter 3 is great/ });
    await expect(quote).toContainText('Ada');
    await expect(row(ada.page, 'Chapter 3')).not.toBeInViewport();
    await quote.click();
    await expect(row(ada.page, 'Chapter 3')).toBeInViewport();
    await expect(row(ada.page, 'Chapter 3')).toHaveClass(/flash/);
    await expect(row(ada.page, 'Chapter 3')).toBeFocused();

    // Reactions both ways: Ada picks 👍 from the picker; Bo adds his; Ada takes hers back.
    await ada.page.getByRole('button', { name: /new messages|Jump to latest/ }).click();
    const adaReply = row(ada.page, 'Agreed, see you Thursday');
    await adaReply.hover();
    await adaReply.getByRole('button', { name: 'Add reaction' }).first().click();
    const picker = ada.page.getByRole('dialog', { name: 'Choose an emoji' });
    await expect(picker.getByRole('gridcell').first()).toBeVisible();
    // Every emoji offered is drawn: none newer than this laptop's emoji font, shown as an empty
    // cell (Debian's font stops at Emoji 15.1; its 16's faces are among the first rows).
    await expect.poll(() => undrawnEmoji(picker), { timeout: 5_000 }).toEqual([]);
    await snap(ada.page, 'conversation-picker-light');
    await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
    await picker.getByRole('gridcell', { name: 'Thumbs up' }).first().click();
    await expect(picker).toBeHidden();
    const adaChip = adaReply.getByRole('button', { name: thumbs('Ada') });
    await expect(adaChip).toHaveAttribute('aria-pressed', 'true');
    const boReply = row(bo.page, 'Agreed, see you Thursday');
    const boChip = boReply.getByRole('button', { name: /^👍\uFE0F? \d+ by/u });
    await expect(boChip).toContainText('1', { timeout: 15_000 });
    await expect(boChip).toHaveAttribute('aria-pressed', 'false');
    await boChip.click();
    await expect(boChip).toHaveAttribute('aria-pressed', 'true');
    await expect(boChip).toContainText('2');
    await expect(adaReply.getByRole('button', { name: thumbs(BOTH) })).toContainText('2', {
      timeout: 15_000,
    });
    await adaReply.getByRole('button', { name: thumbs(BOTH) }).click();
    await expect(boReply.getByRole('button', { name: thumbs('Bo') })).toContainText('1', {
      timeout: 15_000,
    });
    await adaReply.getByRole('button', { name: thumbs('Bo') }).click();
    await expect(adaReply.getByRole('button', { name: thumbs(BOTH) })).toBeVisible();

    // One click from the toolbar: its 👍 is the picker's (pressed, as Bo has reacted so), and
    // ❤️ goes on and, pressed again, comes off.
    await boReply.hover();
    await expect(boReply.getByRole('button', { name: /^React with 👍/u })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const heart = boReply.getByRole('button', { name: /^React with ❤/u });
    await expect(heart).toHaveAttribute('aria-pressed', 'false');
    await heart.click();
    const adaHeart = adaReply.getByRole('button', { name: /^❤\uFE0F? 1 by Bo/u });
    await expect(adaHeart).toBeVisible({ timeout: 15_000 });
    await boReply.hover();
    await expect(heart).toHaveAttribute('aria-pressed', 'true');
    await heart.click();
    await expect(adaHeart).toHaveCount(0, { timeout: 15_000 });

    // Ada edits her last note: Bo sees the new text, marked (edited).
    const note = row(ada.page, 'Note 24 on the chapter');
    await note.hover();
    await note.getByRole('button', { name: 'Edit' }).click();
    const composer = ada.page.getByRole('textbox', { name: `Message ${GROUP}` });
    await expect(composer).toHaveValue('Note 24 on the chapter');
    await composer.fill('Note 24 on the chapter, page 112');
    await composer.press('Enter');
    const edited = row(bo.page, 'Note 24 on the chapter, page 112');
    await expect(edited).toContainText('(edited)', { timeout: 15_000 });

    // Ada deletes a note: first she cancels, then confirms; Bo sees it deleted.
    const doomed = row(ada.page, 'Note 23 on the chapter');
    await doomed.hover();
    await doomed.getByRole('button', { name: 'Delete' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Delete this message?' });
    await expect(dialog).toContainText(
      'Members who already received it keep an encrypted copy; their apps will hide it.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(ada.page, 'Note 23 on the chapter')).toBeVisible();
    await doomed.hover();
    await doomed.getByRole('button', { name: 'Delete' }).click();
    await snap(ada.page, 'conversation-delete-light');
    await dialog.getByRole('button', { name: 'Delete message' }).click();
    await expect(dialog).toBeHidden();
    await expect(messages(bo.page).getByText('Note 23 on the chapter')).toHaveCount(0, {
      timeout: 15_000,
    });
    await expect(messages(bo.page).getByText('This message was deleted')).toBeVisible();

    // Bo copies a message's text, as written.
    const markdown = row(bo.page, 'Note 22 on the chapter');
    await markdown.hover();
    await markdown.getByRole('button', { name: 'Copy text' }).click();
    await expect(bo.page.getByRole('status').filter({ hasText: 'Copied' })).toBeAttached();
    expect(await bo.page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Note 22 on the chapter',
    );

    // The keyboard reaches a message and its actions: one row in the tab order, arrows
    // between rows, Tab on to its toolbar.
    await expect(messages(bo.page).locator('li.message[tabindex="0"]')).toHaveCount(1);
    await row(bo.page, 'Note 22 on the chapter').focus();
    await bo.page.keyboard.press('ArrowDown');
    await expect(
      messageItems(bo.page).filter({ hasText: 'This message was deleted' }),
    ).toBeFocused();
    await bo.page.keyboard.press('ArrowDown');
    const focused = row(bo.page, 'page 112');
    await expect(focused).toBeFocused();
    await bo.page.keyboard.press('Tab');
    await expect(focused.getByRole('button', { name: 'Reply' })).toBeFocused();

    // Scrolled up, new messages do not move Bo's view: a button counts them and jumps.
    await scrollToTop(bo.page);
    const top = await firstShown(bo.page);
    await write(ada.page, 'Tea is on me');
    await write(ada.page, '@Bo can you bring the cake?');
    await expect(bo.page.getByRole('button', { name: '2 new messages' })).toBeVisible({
      timeout: 15_000,
    });
    expect(await firstShown(bo.page)).toBe(top);
    await bo.page.getByRole('button', { name: '2 new messages' }).click();
    await expect(row(bo.page, 'can you bring the cake?')).toBeInViewport();
    await expect(row(bo.page, 'can you bring the cake?').locator('.mention-me')).toHaveText('@Bo');
    await expect(bo.page.getByRole('button', { name: /new messages|Jump to latest/ })).toBeHidden();
    // The screen reader hears new messages from others, one by one, not the whole list.
    await expect(bo.page.locator('.message-list-pane [aria-live="polite"]')).toContainText(
      'Ada: @Bo can you bring the cake?',
    );

    // Bo looks at another group; Ada writes; back in the book club a divider marks what is new.
    await createGroup(bo.page, 'Solo notes');
    await write(ada.page, 'Next meeting moved to Friday');
    await write(ada.page, 'Bring chapter 4 notes');
    const groups = bo.page.getByRole('complementary', { name: 'Groups' });
    await expect(groups.getByLabel(/2 unread/)).toBeVisible({ timeout: 15_000 });
    await groups.getByText(GROUP).click();
    const divider = messages(bo.page).locator('li.row-unread');
    await expect(divider).toHaveText('New messages');
    await expect(divider.locator('xpath=following-sibling::li[1]')).toContainText(
      'Next meeting moved to Friday',
    );
    await expect(row(bo.page, 'Bring chapter 4 notes')).toBeVisible();

    // Delivery and reading are told on Ada's side.
    await expect(row(ada.page, 'Bring chapter 4 notes')).toContainText('Held by everyone', {
      timeout: 15_000,
    });
    await expect(row(ada.page, 'Bring chapter 4 notes')).toContainText('Seen by Bo', {
      timeout: 15_000,
    });

    // The list, its rows and its actions pass axe (the rest of the screen is checked elsewhere).
    await row(bo.page, 'Next meeting').hover();
    await expectAccessible(bo.page, 'the message list', '.message-list-pane');

    // Everything at once, in light and dark, on both sides: a tall window shows it all.
    for (const person of [ada, bo]) {
      await person.page.setViewportSize({ width: 1100, height: 1500 });
      await scrollToBottom(person.page);
    }
    await ada.page.mouse.move(0, 0);
    await row(bo.page, 'Chapter 3').hover();
    for (const theme of ['light', 'dark'] as const) {
      await bo.page.emulateMedia({ colorScheme: theme });
      await ada.page.emulateMedia({ colorScheme: theme });
      await snap(bo.page, `conversation-bo-${theme}`);
      await snap(ada.page, `conversation-ada-${theme}`);
    }

    // Nothing was fetched from anywhere but the app and its signaling server (the emoji
    // data included).
    expect(adaAway).toEqual([]);
    expect(boAway).toEqual([]);
  } finally {
    await ada.context.close();
    await bo.context.close();
  }
});

test('a long history comes a page at a time, above and below, and the view stays put', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const TOTAL = 400;
  const ada = startNodePeer({ seed: 7, name: 'Ada' });
  const bo = await newPerson(browser);
  try {
    await ada.ready();
    const [{ groupId }] = await Promise.all([
      ada.call<{ groupId: string }>('create', {
        groupName: 'Long story',
        messages: TOTAL,
        signaling: [SIGNALING],
      }),
      onboard(bo.page, 'Bo'),
    ]);
    const { link } = await ada.call<{ link: string }>('invite', { groupId });
    await askToJoin(bo.page, link, 'Long story');
    const list = messages(bo.page);
    const text = (n: number) =>
      list.locator('.message-text').getByText(`message ${n}`, {
        exact: true,
      });
    // A new member opens at the latest message, not at the first of 400 "unread" ones.
    await expect(text(TOTAL)).toBeInViewport({ timeout: 60_000 });
    // Virtualized: what is near the screen is in the page, not the whole history.
    expect(await messageItems(bo.page).count()).toBeLessThan(80);
    await expect(text(1)).toHaveCount(0);

    // Scrolled to the top of what is loaded, the page above comes in and nothing moves.
    await scrollToTop(bo.page);
    // Where the first row stands once the list has settled (painted twice without moving): a
    // reading taken between the rows going in and the list putting them right (the same
    // frame for the eye, but a script can run in between) would be off by their heights.
    const first = await firstShownNumber(bo.page);
    const before = await settledTop(text(first));
    await expect(text(first - 1)).toBeAttached({ timeout: 15_000 });
    // Within 2 px: sub-pixel row heights round either way (a jump would be a page's height).
    await expect
      .poll(async () => Math.abs((await settledTop(text(first))) - before))
      .toBeLessThanOrEqual(2);

    // On up to the first message, a page at a time.
    await expect(async () => {
      await scrollToTop(bo.page);
      await expect(text(1)).toBeInViewport({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(list.getByText('You joined')).toHaveCount(0);

    // Back to the latest in one click.
    await bo.page.getByRole('button', { name: 'Jump to latest' }).click();
    await expect(text(TOTAL)).toBeInViewport();
    await expect(list.getByText('You joined')).toBeVisible();

    // Scrolled up, Bo lets three messages come in unread, then quits and starts again: the
    // group opens from its recent window at the first of them, under a "New messages" divider.
    await expect(async () => {
      await scrollToTop(bo.page);
      await expect(bo.page.getByRole('button', { name: 'Jump to latest' })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });
    for (const n of [1, 2, 3]) await ada.call('send', { groupId, text: `After the break ${n}` });
    await expect(bo.page.getByRole('button', { name: '3 new messages' })).toBeVisible({
      timeout: 15_000,
    });
    // The window is sealed a second after the conversation changes.
    await bo.page.waitForTimeout(2_000);
    // What the first drawing of those messages has with them: the "You joined" row above them
    // too, not added when the group has opened (a row appearing under the person's eyes).
    await bo.page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const text = document.documentElement.textContent;
        if (!text.includes('After the break 1')) return;
        Object.assign(window, { firstDrawn: { joined: text.includes('You joined') } });
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await bo.page.reload();
    const divider = messages(bo.page).locator('li.row-unread');
    await expect(divider).toHaveText('New messages', { timeout: 15_000 });
    await expect(divider.locator('xpath=following-sibling::li[1]')).toContainText(
      'After the break 1',
    );
    expect(await bo.page.evaluate(() => 'firstDrawn' in window && window.firstDrawn)).toEqual({
      joined: true,
    });
  } finally {
    await bo.context.close();
    await ada.stop();
  }
});

/** The top of an element once it has stood still for two painted frames. */
async function settledTop(element: Locator): Promise<number> {
  return element.evaluate(async (node) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let last = Number.NaN;
    for (let i = 0; i < 60; i++) {
      await frame();
      await frame();
      const top = node.getBoundingClientRect().top;
      if (top === last) return top;
      last = top;
    }
    return last;
  });
}

/** Scrolls a person's message list to the top of what is loaded. */
async function scrollToTop(page: Page) {
  await page.locator('.message-scroller').evaluate((element) => {
    element.scrollTop = 0;
  });
}

async function scrollToBottom(page: Page) {
  await page.locator('.message-scroller').evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
}

/** The text of the first message row on screen. */
async function firstShown(page: Page): Promise<string> {
  return page.locator('.message-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const rows = [...scroller.querySelectorAll<HTMLElement>('li.message')];
    return rows.find((r) => r.getBoundingClientRect().bottom > top)?.innerText ?? '';
  });
}

/** The number of the first "message N" row on screen. */
async function firstShownNumber(page: Page): Promise<number> {
  const shown = await firstShown(page);
  return Number(/message (\d+)/.exec(shown)?.[1] ?? NaN);
}
