import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createGroup, heading, letIn, messages, newPerson, onboard, send } from './people.ts';

const SYNC = { timeout: 30_000 };
const GROUP = 'Book club';

/**
 * Records every notification the page creates, by wrapping the browser's own Notification
 * (the real one still runs): each entry keeps the object so the test can click it.
 */
function recordNotifications(): void {
  type Entry = { title: string; body: string; notification: Notification };
  const RealNotification = window.Notification;
  const shown: Entry[] = [];
  const Recording = function (title: string, options?: NotificationOptions) {
    const notification = new RealNotification(title, options);
    shown.push({ title, body: options?.body ?? '', notification });
    return notification;
  } as unknown as typeof Notification;
  Object.defineProperty(Recording, 'permission', { get: () => RealNotification.permission });
  Object.defineProperty(Recording, 'requestPermission', {
    value: RealNotification.requestPermission.bind(RealNotification),
  });
  Recording.prototype = RealNotification.prototype;
  Object.assign(window, { Notification: Recording, shownNotifications: shown });
}

type Shown = { title: string; body: string };
const shown = (page: Page): Promise<Shown[]> =>
  page.evaluate(() =>
    (window as unknown as { shownNotifications: Shown[] }).shownNotifications.map(
      ({ title, body }) => ({ title, body }),
    ),
  );

/**
 * Takes the window out of the person's sight. Playwright tells every page it has focus
 * (document.hasFocus() is always true), so: stop that emulation for this page, then bring
 * another tab of the same browser profile to the front. The page keeps running and stays
 * 'visible' (headless Chromium has no hidden tabs) but loses focus, as a window behind
 * another does; `documentFocused()` reads exactly that.
 */
async function lookAway(context: BrowserContext, page: Page): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  const elsewhere = await context.newPage();
  const away = async () => {
    await elsewhere.bringToFront();
    await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(false);
  };
  await away();
  return away;
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test('Bo is notified of Ada’s messages while he looks away, as his settings allow', async ({
  browser,
}) => {
  const ada = await newPerson(browser, { theme: 'light' });
  const bo = await newPerson(browser, { theme: 'light' });
  await bo.context.addInitScript(recordNotifications);
  await bo.context.grantPermissions(['microphone', 'notifications']);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, GROUP);
  await onboard(bo.page, 'Bo');
  await letIn(ada.page, bo.page, GROUP);
  await expect(ada.page.getByRole('button', { name: '2 members' })).toBeVisible(SYNC);

  // Bo keeps Settings open (so no conversation reads the messages for him) and looks away.
  await openSettings(bo.page);
  const notifications = bo.page.getByRole('region', { name: 'Notifications' });
  await expect(notifications).toContainText('Your browser shows notifications from Fellows.');
  await expect(bo.page).toHaveTitle('Fellows');
  const lookAwayAgain = await lookAway(bo.context, bo.page);

  await test.step('sender and message, and the count in the title', async () => {
    await send(ada.page, GROUP, 'See you at eight');
    await expect
      .poll(() => shown(bo.page), SYNC)
      .toEqual([{ title: GROUP, body: 'Ada: See you at eight' }]);
    await expect(bo.page).toHaveTitle('(1) Fellows');
  });

  await test.step('“sender only” leaves the text out', async () => {
    await bo.page.bringToFront();
    await notifications.getByRole('radio', { name: 'Sender only' }).check();
    await lookAwayAgain();
    await send(ada.page, GROUP, 'Bring the cake');
    await expect.poll(async () => (await shown(bo.page)).length, SYNC).toBe(2);
    expect((await shown(bo.page))[1]).toEqual({ title: GROUP, body: 'New message from Ada' });
    expect(JSON.stringify(await shown(bo.page))).not.toContain('cake');
    await expect(bo.page).toHaveTitle('(2) Fellows');
  });

  await test.step('“nothing” leaves out the group and the sender too', async () => {
    await bo.page.bringToFront();
    await notifications.getByRole('radio', { name: 'Nothing' }).check();
    await lookAwayAgain();
    await send(ada.page, GROUP, 'The usual place');
    await expect.poll(async () => (await shown(bo.page)).length, SYNC).toBe(3);
    expect((await shown(bo.page))[2]).toEqual({ title: 'Fellows', body: 'New message' });
  });

  await test.step('at “only mentions”, a plain message is quiet and a mention is not', async () => {
    await bo.page.bringToFront();
    await notifications.getByRole('radio', { name: 'Sender and message' }).check();
    // The level is the group's own: set from its settings, then back to Settings.
    await bo.page.getByRole('complementary').getByText(GROUP).click();
    await bo.page.getByRole('button', { name: 'Group settings' }).click();
    const dialog = bo.page.getByRole('dialog', { name: 'Group settings' });
    await dialog.getByRole('radio', { name: 'Only mentions' }).check();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await openSettings(bo.page);
    // Only mentions count now, and there are none unread.
    await expect(bo.page).toHaveTitle('Fellows');
    await lookAwayAgain();

    await send(ada.page, GROUP, 'Anyone up for a walk?');
    // It reached Bo (his sidebar shows it) and made no notification.
    await expect(bo.page.getByRole('complementary')).toContainText('Anyone up for a walk?', SYNC);
    expect(await shown(bo.page)).toHaveLength(3);

    const box = ada.page.getByRole('textbox', { name: `Message ${GROUP}` });
    await box.pressSequentially('Thanks @b');
    await ada.page
      .getByRole('listbox', { name: 'Members to mention' })
      .getByRole('option', { name: 'Bo' })
      .click();
    await box.pressSequentially('for the book');
    await box.press('Enter');
    await expect(messages(ada.page).getByText('for the book')).toBeVisible();
    await expect.poll(async () => (await shown(bo.page)).length, SYNC).toBe(4);
    expect((await shown(bo.page))[3]).toEqual({
      title: GROUP,
      body: 'Ada: Thanks @Bo for the book',
    });
    await expect(bo.page).toHaveTitle('(1) Fellows');
  });

  await test.step('clicking the notification opens the group', async () => {
    await expect(bo.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await bo.page.evaluate(() => {
      const all = (window as unknown as { shownNotifications: { notification: Notification }[] })
        .shownNotifications;
      all.at(-1)?.notification.dispatchEvent(new Event('click'));
    });
    await expect(heading(bo.page, GROUP)).toBeVisible();
    await expect(messages(bo.page).getByText('for the book')).toBeVisible();
  });
  await Promise.all([ada.context.close(), bo.context.close()]);
});

test('no notification while the window is in front', async ({ browser }) => {
  const ada = await newPerson(browser, { theme: 'light' });
  const bo = await newPerson(browser, { theme: 'light' });
  await bo.context.addInitScript(recordNotifications);
  await bo.context.grantPermissions(['microphone', 'notifications']);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, GROUP);
  await onboard(bo.page, 'Bo');
  await letIn(ada.page, bo.page, GROUP);
  await openSettings(bo.page);
  await send(ada.page, GROUP, 'Are you there?');
  await expect(bo.page.getByRole('complementary')).toContainText('Are you there?', SYNC);
  expect(await shown(bo.page)).toEqual([]);
  await Promise.all([ada.context.close(), bo.context.close()]);
});
