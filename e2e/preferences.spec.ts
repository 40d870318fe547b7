import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { createGroup, newPerson, onboard, snap } from './people.ts';

/** Each language as the screens speak it: what the switch, the headings and the panel say. */
const SPOKEN = {
  en: {
    settings: 'Settings',
    groupSettings: 'Group settings',
    showMember: 'Show the member',
    members: 'Members',
    added: 'added',
    close: 'Close',
  },
  nl: {
    settings: 'Instellingen',
    groupSettings: 'Groepsinstellingen',
    showMember: 'Het lid tonen',
    members: 'Leden',
    added: 'toegevoegd op',
    close: 'Sluiten',
  },
  'zh-CN': {
    settings: '设置',
    groupSettings: '群组设置',
    showMember: '查看全部 1 位成员',
    members: '成员',
    added: '添加于',
    close: '关闭',
  },
} as const;
type Language = keyof typeof SPOKEN;

const html = (page: Page) => page.locator('html');
const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function openSettings(page: Page, language: Language = 'en'): Promise<void> {
  await page.getByRole('button', { name: SPOKEN[language].settings, exact: true }).click();
  await expect(
    page.getByRole('heading', { name: SPOKEN[language].settings, level: 1 }),
  ).toBeVisible();
}

/** Settings scroll inside their pane: a taller window shows the whole screen in one picture. */
async function snapWhole(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size?.width ?? 1100, height: 2300 });
  await page.locator('.pane-settings').evaluate((pane) => {
    pane.scrollTo(0, 0);
  });
  await snap(page, name);
  if (size) await page.setViewportSize(size);
}

/** Opens the group's members panel through its settings, in that language, and checks the date. */
async function expectLocalizedDeviceDate(page: Page, language: Language): Promise<void> {
  const words = SPOKEN[language];
  await page.getByRole('complementary').getByText('Book club').click();
  await page.getByRole('button', { name: words.groupSettings }).click();
  await page
    .getByRole('dialog', { name: words.groupSettings })
    .getByRole('button', { name: words.showMember })
    .click();
  const panel = page.getByRole('region', { name: words.members });
  // The device was added today: the panel says so in the language's own date format.
  const today = await page.evaluate(
    (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(Date.now()),
    language,
  );
  await expect(panel).toContainText(`${words.added} ${today}`);
  await panel.getByRole('button', { name: words.close, exact: true }).click();
  await expect(panel).toHaveCount(0);
}

test('theme and language switch at once, and are kept after a reload', async ({ browser }) => {
  const { context, page } = await newPerson(browser, { theme: 'light' });
  await onboard(page, 'Ada');
  await createGroup(page, 'Book club');
  await openSettings(page);
  const appearance = page.getByRole('region', { name: 'Appearance' });
  const language = page.getByRole('region', { name: 'Language' });

  await test.step('the theme follows the system until one is picked, then applies at once', async () => {
    await expect(appearance.getByRole('radio', { name: 'System' })).toBeChecked();
    await expect(html(page)).not.toHaveAttribute('data-theme');
    expect(await background(page)).toBe('rgb(247, 247, 245)');
    await appearance.getByRole('radio', { name: 'Dark' }).check();
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => background(page)).toBe('rgb(15, 17, 21)');
    await snapWhole(page, 'preferences-settings-dark');
    await expectAccessible(page, 'settings, dark', '.settings');
    await appearance.getByRole('radio', { name: 'Light' }).check();
    await expect(html(page)).toHaveAttribute('data-theme', 'light');
    await expect.poll(() => background(page)).toBe('rgb(247, 247, 245)');
    await snapWhole(page, 'preferences-settings-light');
    await expectAccessible(page, 'settings, light', '.settings');
    // "System" again: the OS (here, the browser's emulated dark scheme) decides.
    await appearance.getByRole('radio', { name: 'System' }).check();
    await expect(html(page)).not.toHaveAttribute('data-theme');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBe('rgb(15, 17, 21)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe('rgb(247, 247, 245)');
  });

  await test.step('English with a date as English writes it', async () => {
    await expect(html(page)).toHaveAttribute('lang', 'en');
    await expect(language.getByRole('radio', { name: 'System' })).toBeChecked();
    await expect(language).toContainText('Your system’s language: English.');
    await expectLocalizedDeviceDate(page, 'en');
  });

  await test.step('Nederlands: the whole screen in Dutch, no reload', async () => {
    await openSettings(page);
    await language.getByRole('radio', { name: 'Nederlands' }).check();
    await expect(html(page)).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { name: 'Instellingen', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Weergave' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Meldingen' })).toContainText(
      'Wat een melding laat zien',
    );
    await expect(page.getByRole('radio', { name: 'Donker' })).toBeVisible();
    await snapWhole(page, 'preferences-settings-nl');
    await expectAccessible(page, 'settings, Dutch', '.settings');
    await expectLocalizedDeviceDate(page, 'nl');
  });

  await test.step('简体中文, then kept after a reload along with the theme', async () => {
    await openSettings(page, 'nl');
    await page.getByRole('radio', { name: '简体中文' }).check();
    await expect(html(page)).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: '深色' })).toBeVisible();
    await page.getByRole('radio', { name: '深色' }).check();
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    await snapWhole(page, 'preferences-settings-zh-dark');
    await expectLocalizedDeviceDate(page, 'zh-CN');

    await page.reload();
    await expect(html(page)).toHaveAttribute('lang', 'zh-CN');
    await expect(html(page)).toHaveAttribute('data-theme', 'dark');
    await openSettings(page, 'zh-CN');
    await expect(page.getByRole('radio', { name: '简体中文' })).toBeChecked();
    await expect(page.getByRole('radio', { name: '深色' })).toBeChecked();
  });

  await test.step('back to the system’s language and theme', async () => {
    await page.getByRole('radio', { name: '跟随系统' }).first().check();
    await expect(html(page)).not.toHaveAttribute('data-theme');
    await page.getByRole('radio', { name: '跟随系统' }).last().check();
    await expect(html(page)).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  });
  await context.close();
});

test('the notification preview shows what a notification would say', async ({ browser }) => {
  const { context, page } = await newPerson(browser, { theme: 'light' });
  await onboard(page, 'Ada');
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Notifications' });
  const sample = section.getByRole('figure', { name: 'Example' });
  await expect(section.getByRole('radio', { name: 'Sender and message' })).toBeChecked();
  await expect(sample).toContainText('Book club');
  await expect(sample).toContainText('Ada: See you at eight');
  await section.getByRole('radio', { name: 'Sender only' }).check();
  await expect(sample).toContainText('New message from Ada');
  await expect(sample).not.toContainText('eight');
  await section.getByRole('radio', { name: 'Nothing' }).check();
  await expect(sample).toHaveText(/^ExampleFellowsNew message$/);
  // Without a grant, the browser is never asked on its own; the screen says how things stand.
  await expect(section).toContainText(/Your browser (asks once|blocks notifications)/);
  await page.reload();
  await openSettings(page);
  await expect(section.getByRole('radio', { name: 'Nothing' })).toBeChecked();
  await context.close();
});
