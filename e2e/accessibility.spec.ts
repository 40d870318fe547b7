import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { createGroup, newPerson, onboard, send, snap, type Theme } from './people.ts';

for (const theme of ['light', 'dark'] as Theme[]) {
  test(`every main screen passes axe with no serious or critical violations (${theme})`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const { context, page } = await newPerson(browser, { theme });
    try {
      await page.goto('/');
      await expect(page.getByLabel('Your name')).toBeVisible();
      await expectAccessible(page, 'onboarding');

      await onboard(page, 'Ada');
      await expectAccessible(page, 'home, no groups');

      await createGroup(page, 'Allotment crew');
      await send(page, 'Allotment crew', 'Water the **tomatoes** tonight?');
      await send(page, 'Allotment crew', 'And the beans');
      await expectAccessible(page, 'conversation');

      await page.getByRole('button', { name: 'Invite' }).click();
      await page.getByRole('button', { name: 'Create invite link' }).click();
      await expect(page.getByLabel('Invite link')).toBeVisible();
      await expectAccessible(page, 'invite');
      await page.getByRole('button', { name: 'Done' }).click();

      await page.getByRole('button', { name: /1 member/ }).click();
      await expectAccessible(page, 'members');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Group settings' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'group settings');
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'quick switcher');
      await page.keyboard.press('Escape');

      // Ctrl+/ lists every shortcut, from anywhere (here, while writing a message).
      await page.getByRole('textbox', { name: 'Message Allotment crew' }).focus();
      await page.keyboard.press('Control+/');
      const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(shortcuts).toBeVisible();
      await expect(shortcuts.getByRole('term').filter({ hasText: 'Alt+Shift+↓' })).toBeVisible();
      await expect(
        shortcuts.getByRole('definition').filter({ hasText: 'Mention a member' }),
      ).toBeVisible();
      await expectAccessible(page, 'keyboard shortcuts');
      await snap(page, `shortcuts-${theme}`);
      await page.keyboard.press('Escape');
      await expect(shortcuts).toHaveCount(0);
      await expect(page.getByRole('textbox', { name: 'Message Allotment crew' })).toBeFocused();

      await page.getByRole('button', { name: 'Search all groups' }).click();
      await page.getByRole('dialog').getByRole('combobox').fill('tomatoes');
      await expect(page.getByRole('dialog').locator('mark').first()).toBeVisible();
      await expectAccessible(page, 'search');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await expectAccessible(page, 'settings');
      // Settings shows the way to them too.
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(shortcuts).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();
      // In Chinese too: other words, other widths, the same landmarks and names.
      await page.getByRole('radio', { name: '简体中文' }).check();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expectAccessible(page, 'settings in Chinese');
    } finally {
      await context.close();
    }
  });
}
