import { expect, test, type Locator, type Page } from '@playwright/test';
import { NAMESPACES, type Namespace } from '../renderer/src/i18n/resources.ts';
import { expectAccessible } from './axe.ts';
import {
  createGroup,
  letIn,
  newPerson,
  onboard,
  setOsLanguages,
  snap,
  type Theme,
} from './people.ts';

// Two people whose laptops speak Chinese, through every main screen: each is saved as a
// picture (light and dark) and checked for words left in English.

const BOOKS = '读书会';
const HIKE = '周末爬山';
const ANNA = '安娜';
const BO = '小博';
const SYNC = { timeout: 30_000 };

/** The words a screen shows in Chinese (the app's own strings, `{{name}}`s filled in). */
function zh(ns: Namespace, key: string, values: Record<string, string | number> = {}): string {
  const words = (NAMESPACES[ns]['zh-CN'] as Record<string, string | undefined>)[key];
  if (words === undefined) throw new Error(`no Chinese for ${ns}.${key}`);
  return words.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

const sidebar = (page: Page) =>
  page.getByRole('complementary', { name: zh('home', 'groupsLandmark') });
const list = (page: Page) => page.getByRole('list', { name: zh('conversation', 'listLabel') });
const row = (page: Page, text: string) =>
  list(page).locator(':scope > li.message').filter({ hasText: text });
const composer = (page: Page, group: string) =>
  page.getByRole('textbox', { name: zh('composer', 'placeholder', { group }) });
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

async function write(page: Page, group: string, text: string): Promise<void> {
  await composer(page, group).fill(text);
  await composer(page, group).press('Enter');
  await expect(composer(page, group)).toHaveValue('');
}

/**
 * What a Chinese reader would find out of place on screen: words in English, in the text or in
 * the names and hints screen readers say (aria-label, title, placeholder, alt), and sentences
 * spaced apart. People's words (`theirs`: names, group names, messages), web addresses,
 * fingerprints' hex and key names are not counted.
 */
function outOfPlace(page: Page, theirs: readonly string[]): Promise<string[]> {
  return page.evaluate((theirs) => {
    // Names that stay as they are: the app's, keys', protocols', and each language's own.
    // Key names, as printed on Chinese keyboards too.
    const KEYS = ['Fellows', 'Enter', 'Esc', 'Shift', 'Ctrl', 'Cmd', 'Alt', 'Home', 'End'];
    const TERMS = ['STUN', 'WebRTC', 'IP'];
    const LANGUAGES = ['English', 'Nederlands'];
    const found = new Set<string>();
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const check = (text: string, where: string) => {
      let rest = text;
      for (const words of [...theirs, ...KEYS, ...TERMS, ...LANGUAGES])
        rest = rest.split(words).join(' ');
      rest = rest
        .replace(/\b(?:[a-z][a-z0-9+.-]*:\/\/|stuns?:|turns?:)\S+/gi, ' ') // server addresses
        .replace(/\b[\w.-]+:\d+\b/g, ' ') // host:port
        .replace(/\b[\da-f]{4}(?: [\da-f]{4})+\b/gi, ' '); // a device's key, in groups of four
      if (/\b[A-Za-z]{2,}\b/.test(rest)) found.add(`${where}: ${text.trim().slice(0, 100)}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, .message-list-peek') || !shown(parent))
        continue;
      check(node.textContent ?? '', parent.tagName.toLowerCase());
    }
    for (const element of document.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt]',
    )) {
      if (element.closest('.message-list-peek')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) check(value, `${element.tagName.toLowerCase()}[${name}]`);
      }
    }
    // Chinese sentences sit side by side: a space after 。 or ？ is a gap a reader sees.
    for (const gap of document.body.innerText.matchAll(/.{0,12}[。？！] +\p{Script=Han}.{0,12}/gu))
      found.add(`a space between sentences: ${gap[0]}`);
    return [...found];
  }, theirs);
}

/** A screen, saved light and dark, with nothing out of place in Chinese and nothing axe flags. */
async function screen(page: Page, name: string, theirs: readonly string[], scope?: string) {
  expect(await outOfPlace(page, theirs), `${name}: out of place in Chinese`).toEqual([]);
  await expectAccessible(page, `${name} in Chinese`, scope);
  for (const theme of ['light', 'dark'] as Theme[]) {
    await page.emulateMedia({ colorScheme: theme });
    await snap(page, `zh-${name}-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const marks = (scope: Locator) => scope.locator('mark').allInnerTexts();

/**
 * Types `text` into the focused field as a pinyin input method does: it composes `pinyin`, and
 * Enter confirms the candidate (a key the app must leave to the input method), which goes in.
 */
async function typePinyin(page: Page, pinyin: string, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const end = pinyin.length;
  await cdp.send('Input.imeSetComposition', {
    text: pinyin,
    selectionStart: end,
    selectionEnd: end,
  });
  // As Chromium gets it from an IME on macOS: "Enter" with the IME's key code 229, and no
  // character (the IME took the key): isComposing is true while the composition lasts.
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...enter });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

test('two people in Chinese: every main screen speaks it, and finds Chinese words', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const anna = await newPerson(browser);
  const bo = await newPerson(browser);
  await onboard(anna.page, ANNA);
  await onboard(bo.page, BO);
  for (const group of [HIKE, BOOKS]) {
    await createGroup(anna.page, group);
    await letIn(anna.page, bo.page, group);
  }
  // Their laptops are set to Chinese: Fellows follows.
  for (const page of [anna.page, bo.page]) {
    await setOsLanguages(page, ['zh-CN', 'zh']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  }
  const theirs = [ANNA, BO, BOOKS, HIKE];

  await test.step('a conversation: markdown, a reply, a reaction, a mention, delivery', async () => {
    await sidebar(anna.page).getByText(BOOKS).click();
    const lines = [
      '这个月读**《三体》**，第一部。',
      '书单在 https://example.com/books',
      '`第 3 章` 讲得最好',
    ];
    for (const line of lines) await write(anna.page, BOOKS, line);
    await sidebar(bo.page).getByText(BOOKS).click();
    await expect(row(bo.page, '第 3 章')).toBeVisible(SYNC);
    // The original, not Bo's reply that quotes it.
    const first = row(bo.page, '这个月读').first();
    // Bold beside Chinese punctuation, as a Chinese writer puts it (not CommonMark's asterisks).
    await expect(first.locator('strong')).toHaveText('《三体》');
    await first.hover();
    await first.getByRole('button', { name: zh('conversation', 'reply') }).click();
    await expect(bo.page.getByText(zh('composer', 'replyingTo', { name: ANNA }))).toBeVisible();
    // Written with pinyin: the Enter that confirms "图书馆" does not send the half sentence.
    await composer(bo.page, BOOKS).fill('好！周六下午在');
    await typePinyin(bo.page, 'tushuguan', '图书馆');
    await expect(composer(bo.page, BOOKS)).toHaveValue('好！周六下午在图书馆');
    await composer(bo.page, BOOKS).pressSequentially('见？');
    await composer(bo.page, BOOKS).press('Enter');
    await expect(composer(bo.page, BOOKS)).toHaveValue('');
    await first.hover();
    await first.getByRole('button', { name: zh('conversation', 'addReaction') }).click();
    const picker = bo.page.getByRole('dialog', { name: zh('conversation', 'pickerLabel') });
    await expect(
      picker.getByRole('searchbox', { name: zh('conversation', 'pickerSearch') }),
    ).toBeFocused();
    await picker.getByRole('gridcell').first().click();
    await expect(picker).toBeHidden();
    await composer(bo.page, BOOKS).fill(`@${ANNA.slice(0, 1)}`);
    await bo.page.getByRole('option', { name: ANNA }).click();
    await composer(bo.page, BOOKS).pressSequentially('记得带茶');
    // Emoji by their Chinese names: `:笑哭` offers 😂 under its name, as a Chinese reader knows it.
    await composer(bo.page, BOOKS).pressSequentially(':笑哭');
    const emoji = bo.page.getByRole('listbox', { name: zh('composer', 'emojiList') });
    await expect(emoji.getByRole('option').first()).toHaveText('😂:笑哭了:');
    await screen(bo.page, 'composer-emoji-bo', theirs);
    await composer(bo.page, BOOKS).press('Enter');
    await expect(composer(bo.page, BOOKS)).toHaveValue(`@${ANNA} 记得带茶😂`);
    await composer(bo.page, BOOKS).press('Enter');
    await expect(row(anna.page, '记得带茶😂')).toBeVisible(SYNC);
    await expect(row(anna.page, '记得带茶')).toHaveClass(/mentions-me/);
    await expect(row(anna.page, '好！周六下午')).toContainText(ANNA);
    // Times in the reader's own clock format; "today" in Chinese above them.
    await expect(list(anna.page).getByText('今天', { exact: true })).toBeVisible();
    await expect(row(bo.page, '记得带茶')).toContainText(
      zh('conversation', 'heldByEveryone'),
      SYNC,
    );
    await screen(anna.page, 'conversation-anna', theirs);
    await screen(bo.page, 'conversation-bo', theirs);
  });

  await test.step('the sidebar: unread count and mention marker in another group', async () => {
    await sidebar(anna.page).getByText(HIKE).click();
    await write(bo.page, BOOKS, '还有一件事：下次轮到谁带点心？');
    await composer(bo.page, BOOKS).fill(`@${ANNA.slice(0, 1)}`);
    await bo.page.getByRole('option', { name: ANNA }).click();
    await composer(bo.page, BOOKS).pressSequentially('你来吗');
    await composer(bo.page, BOOKS).press('Enter');
    const entry = sidebar(anna.page).getByRole('listitem').filter({ hasText: BOOKS });
    await expect(entry.getByLabel(zh('sidebar', 'unread_other', { count: 2 }))).toBeVisible(SYNC);
    await expect(entry.getByRole('img', { name: zh('sidebar', 'mentioned') })).toBeVisible();
    await screen(anna.page, 'sidebar', [...theirs, '你来吗']);
  });

  await test.step('search in a group finds Chinese by two of its characters', async () => {
    await sidebar(bo.page).getByText(BOOKS).click();
    await bo.page
      .getByRole('button', { name: zh('search', 'searchGroup', { group: BOOKS }) })
      .click();
    const panel = dialog(bo.page, zh('search', 'searchGroup', { group: BOOKS }));
    // "三" finds one message, selected; the Enter that confirms the next character's
    // candidate is the input method's: no jump to that message, the dialog stays.
    await panel.getByRole('combobox').fill('三');
    await expect(panel.getByRole('option')).toHaveAttribute('aria-selected', 'true');
    await typePinyin(bo.page, 'ti', '体');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('combobox')).toHaveValue('三体');
    await expect(panel.getByRole('listbox')).toHaveAttribute('aria-busy', 'false');
    const hits = panel.getByRole('option');
    await expect(hits).toHaveCount(1);
    await expect.poll(() => marks(hits.first())).toEqual(['三体']);
    // The message as it reads, not its markdown.
    await expect(hits.first()).toContainText('这个月读《三体》，第一部。');
    await expect(panel.getByRole('status')).toContainText(
      zh('search', 'results_other', { count: 1 }),
    );
    await screen(bo.page, 'search-group', theirs, 'dialog[open]');
    await bo.page.keyboard.press('Escape');
  });

  await test.step('search in all groups, and the quick switcher', async () => {
    await write(anna.page, HIKE, '周六早上七点在山脚集合');
    await bo.page.getByRole('button', { name: zh('search', 'searchAll') }).click();
    const panel = dialog(bo.page, zh('search', 'searchAll'));
    await panel.getByRole('combobox').fill('周六');
    await expect(panel.getByRole('option')).toHaveCount(2, SYNC);
    await expect(panel.getByRole('option').first()).toContainText(
      zh('search', 'inGroup', { group: HIKE }),
    );
    await screen(bo.page, 'search-all', theirs, 'dialog[open]');
    await bo.page.keyboard.press('Escape');
    await bo.page.keyboard.press('Control+k');
    const switcher = dialog(bo.page, zh('search', 'switcherTitle'));
    await switcher.getByRole('combobox').fill('爬山');
    await expect(switcher.getByRole('option')).toHaveCount(1);
    await screen(bo.page, 'quick-switcher', theirs, 'dialog[open]');
    await bo.page.keyboard.press('Escape');
  });

  await test.step('the invite dialog, with its QR code', async () => {
    await sidebar(anna.page).getByText(BOOKS).click();
    await anna.page.getByRole('button', { name: zh('home', 'invite'), exact: true }).click();
    await anna.page.getByRole('button', { name: zh('invite', 'create') }).click();
    await expect(anna.page.getByRole('dialog').locator('svg, canvas, img').first()).toBeVisible();
    await screen(anna.page, 'invite', theirs, 'dialog[open]');
    await anna.page.getByRole('button', { name: zh('common', 'done') }).click();
  });

  await test.step('group settings and the members panel', async () => {
    await anna.page.getByRole('button', { name: zh('group', 'settingsButton') }).click();
    const settings = dialog(anna.page, zh('group', 'settingsTitle'));
    await expect(
      settings.getByRole('heading', { name: zh('group', 'serversHeading'), exact: true }),
    ).toBeVisible();
    await screen(anna.page, 'group-settings', theirs, 'dialog[open]');
    await anna.page.keyboard.press('Escape');
    await anna.page
      .getByRole('button', { name: zh('home', 'members_other', { count: 2 }) })
      .click();
    const panel = anna.page.getByRole('region', { name: zh('group', 'membersHeading') });
    await expect(panel.getByText(zh('group', 'admin'), { exact: true })).toBeVisible();
    await expect(panel.getByText(zh('group', 'online'), { exact: true })).toBeVisible(SYNC);
    await screen(anna.page, 'members', theirs);
    await anna.page.keyboard.press('Escape');
  });

  await test.step('deleting asks first, and says honestly what others keep', async () => {
    const mine = row(anna.page, '第 3 章');
    await mine.hover();
    await mine.getByRole('button', { name: zh('conversation', 'delete') }).click();
    const confirm = dialog(anna.page, zh('conversation', 'deleteTitle'));
    await expect(confirm).toContainText(zh('conversation', 'deleteDetail'));
    await screen(anna.page, 'delete', theirs, 'dialog[open]');
    await confirm.getByRole('button', { name: zh('conversation', 'deleteConfirm') }).click();
    await expect(row(bo.page, zh('conversation', 'deleted'))).toBeVisible(SYNC);
  });

  await test.step('a damaged invite is refused in Chinese', async () => {
    await bo.page.getByRole('button', { name: zh('home', 'join'), exact: true }).click();
    const join = dialog(bo.page, zh('invite', 'joinTitle'));
    await join.getByLabel(zh('invite', 'joinLabel')).fill('https://example.org/invite');
    await join.getByRole('button', { name: zh('invite', 'check') }).click();
    await expect(join.getByRole('alert')).toContainText(zh('invite', 'errorOtherLink'));
    await screen(bo.page, 'join-error', theirs, 'dialog[open]');
    await join.getByRole('button', { name: zh('common', 'cancel') }).click();
  });

  await test.step('the sync panel, and Settings', async () => {
    await bo.page.getByRole('button', { name: zh('home', 'sync'), exact: true }).click();
    const sync = bo.page.getByRole('region', { name: zh('room', 'syncTitle') });
    await expect(sync).toContainText(zh('room', 'noneRejected'));
    await screen(bo.page, 'sync-panel', theirs);
    await bo.page.getByRole('button', { name: zh('settings', 'title'), exact: true }).click();
    await expect(
      bo.page.getByRole('heading', { name: zh('settings', 'title'), level: 1 }),
    ).toBeVisible();
    await screen(bo.page, 'settings', theirs);
    await bo.page.getByRole('button', { name: zh('settings', 'keyboardShow') }).click();
    const keys = bo.page.getByRole('dialog', { name: zh('search', 'keysTitle') });
    await expect(keys).toContainText(zh('search', 'keyNextUnread'));
    await screen(bo.page, 'shortcuts', theirs, 'dialog');
    await bo.page.keyboard.press('Escape');
    await expect(keys).toHaveCount(0);
  });
  await anna.context.close();
  await bo.context.close();
});
