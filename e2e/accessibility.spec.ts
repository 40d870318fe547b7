import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createGroup, newPerson, onboard, send, type Theme } from './people.ts';

/**
 * An axe-core check of one screen: no serious or critical violation (WCAG 2.1 A and AA and
 * best practices). What axe finds is printed rule by rule, with the elements, so a failure says
 * what to fix.
 */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
        .join('\n'),
  );
  expect(report, `${screen}: serious or critical accessibility violations`).toEqual([]);
}

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

      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await expectAccessible(page, 'settings');
    } finally {
      await context.close();
    }
  });
}
