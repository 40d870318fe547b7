// Notifications, the unread badge and the tray in the real desktop app. Main's own pieces
// are unit-tested in electron/main; this checks they are wired: a page's request reaches a
// native notification, the tray's menu mutes them, and "Quit Fellows" really quits although
// closing the window only hides it. Skipped where the Electron binary is missing.
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { FellowsBridge } from '../../shared/ipc/contract.ts';
import { findElectronBinary, launchFellows } from './electron-binary.ts';

const binary = findElectronBinary();
const GROUP = 'ab'.repeat(32);

/** The page's bridge, as the preload exposes it. */
type AppWindow = { fellows: FellowsBridge };

/** The page asks main for a notification in the test group, as the renderer does. */
function notifyFromPage(page: Page, body: string) {
  return page.evaluate(
    ({ groupId, text }) =>
      (window as unknown as AppWindow).fellows.notify.show({
        groupId,
        title: 'Book club',
        body: text,
      }),
    { groupId: GROUP, text: body },
  );
}

/** What the test reads from main's globals (set in main by app.evaluate, or by the app). */
type MainGlobals = typeof globalThis & {
  fellowsTrayMenu?: Electron.Menu;
  shownNotifications?: { title: string; body: string }[];
  lastNotification?: Electron.Notification;
};

/**
 * Records notifications instead of showing them: CI has no notification server, and a test
 * must not pop anything up on a developer's desktop.
 */
async function recordNotifications(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Notification }) => {
    const main = globalThis as MainGlobals;
    main.shownNotifications = [];
    Notification.isSupported = () => true;
    Notification.prototype.show = function show(this: Electron.Notification) {
      main.shownNotifications?.push({ title: this.title, body: this.body });
      main.lastNotification = this;
    };
  });
}

test.describe('attention in the real desktop app', () => {
  test.skip(
    'missing' in binary,
    `Electron suite skipped: ${'missing' in binary ? binary.missing : ''}`,
  );

  test('a notification request from the page shows a native notification', async () => {
    const app = await launchFellows();
    await recordNotifications(app);
    const page = await app.firstWindow();

    const result = await notifyFromPage(page, 'Ada:\nsee you');
    expect(result).toEqual({ ok: true, value: true });
    expect(await app.evaluate(() => (globalThis as MainGlobals).shownNotifications)).toEqual([
      { title: 'Book club', body: 'Ada: see you' },
    ]);

    // Anything but the three text fields is refused before main shows a thing.
    const refused = await page.evaluate(
      (groupId) =>
        (window as unknown as AppWindow).fellows.notify.show({
          groupId,
          title: 'x',
          body: 'y',
          icon: 'file:///etc/passwd',
        } as never),
      GROUP,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await app.evaluate(() => (globalThis as MainGlobals).shownNotifications?.length)).toBe(
      1,
    );

    // A click brings a hidden window back.
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.hide();
    });
    await app.evaluate(() => {
      (globalThis as MainGlobals).lastNotification?.emit('click', {});
    });
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()),
      )
      .toBe(true);

    // The unread total is accepted (the badge itself is the system's to draw).
    expect(
      await page.evaluate(() =>
        (window as unknown as AppWindow).fellows.app.setUnread({ count: 3 }),
      ),
    ).toEqual({
      ok: true,
      value: null,
    });

    // "Mute notifications" in the tray: requests are answered, nothing is shown.
    const labels = await app.evaluate(() =>
      (globalThis as MainGlobals).fellowsTrayMenu?.items.map((item) => item.label),
    );
    expect(labels).toEqual(['Open Fellows', 'Mute notifications', '', 'Quit Fellows']);
    await app.evaluate(() => {
      (globalThis as MainGlobals).fellowsTrayMenu?.getMenuItemById('mute')?.click();
    });
    const muted = await notifyFromPage(page, 'Ada: hi');
    expect(muted).toEqual({ ok: true, value: false });
    expect(await app.evaluate(() => (globalThis as MainGlobals).shownNotifications?.length)).toBe(
      1,
    );
    await app.close();
  });

  test('closing the window keeps Fellows running; Quit in the tray ends it', async () => {
    const app = await launchFellows();
    const page = await app.firstWindow();
    await expect(page.locator('body')).toBeVisible();

    // Where a tray icon shows, the close button only hides the window.
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]?.close();
    });
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().map((window) => window.isVisible()),
        ),
      )
      .toEqual([false]);

    const exited = app.waitForEvent('close');
    // Clicked after evaluate answers: the app is gone before it could answer otherwise.
    await app.evaluate(() => {
      setTimeout(() => {
        (globalThis as MainGlobals).fellowsTrayMenu?.getMenuItemById('quit')?.click();
      }, 0);
    });
    await exited;
    expect(app.process().exitCode).toBe(0);
  });
});

if ('missing' in binary) {
  console.info(`Electron attention suite: skipped because ${binary.missing}.`);
}
