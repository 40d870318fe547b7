import { expect, test } from '@playwright/test';
import { createGroup, messages, newPerson, onboard, send, snap, type Theme } from './people.ts';

for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test(`a new person picks a name and lands in an empty groups view (${theme})`, async ({
    browser,
  }) => {
    const { context, page } = await newPerson(browser, { theme });
    await page.goto('/');

    await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await expect(page.getByText('No server keeps your messages.')).toBeVisible();
    await snap(page, `first-run-${theme}`);

    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { name: 'Your groups', level: 1 })).toBeVisible();
    const sidebar = page.getByRole('complementary', { name: 'Groups' });
    await expect(sidebar.getByText('Ada Lovelace')).toBeVisible();
    await expect(sidebar.getByText('No groups yet.')).toBeVisible();
    await expect(
      sidebar.getByText(/This device · [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/),
    ).toBeVisible();
    await expect(page.getByRole('note')).toContainText('browser profile');
    await snap(page, `groups-empty-${theme}`);
    await context.close();
  });
}

test('the profile and device key survive a reload, and onboarding is not shown again', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await onboard(page, 'Grace Hopper');
  const device = await page.getByText(/This device ·/).textContent();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your groups', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome' })).toHaveCount(0);
  await expect(page.getByText('Grace Hopper')).toBeVisible();
  expect(await page.getByText(/This device ·/).textContent()).toBe(device);
  await context.close();
});

test('a blank, over-long or disguised name gets a clear error and nothing is created', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await page.goto('/');
  const name = page.getByLabel('Your name');
  const submit = page.getByRole('button', { name: 'Continue' });

  await name.fill('    ');
  await submit.click();
  await expect(page.getByRole('alert')).toHaveText('Enter a name your group will recognise.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('x'.repeat(65));
  await submit.click();
  await expect(page.getByRole('alert')).toHaveText('Keep your name to 64 characters or fewer.');

  await name.fill('Ada\u202eecalevol');
  await submit.click();
  await expect(page.getByRole('alert')).toContainText('invisible control');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await context.close();
});

test('the web host serves the app with a strict Content-Security-Policy', async ({ browser }) => {
  const { context, page } = await newPerson(browser);
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");

  // An inline script injected at run time must not execute under that policy.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await context.close();
});

test('the app breaks none of its own policy: no violation from first run to a reopened group', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  // Recorded from the first script on, across reloads (zod once probed `new Function`).
  await context.addInitScript(() => {
    const seen = JSON.parse(sessionStorage.getItem('csp-violations') ?? '[]') as string[];
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`);
      sessionStorage.setItem('csp-violations', JSON.stringify(seen));
    });
  });
  await page.goto('/');
  await onboard(page, 'Ada');
  await createGroup(page, 'Book club');
  await send(page, 'Book club', 'Chapter three by Friday');
  await page.reload();
  await expect(messages(page).getByText('Chapter three by Friday')).toBeVisible();
  const violations = await page.evaluate(() => sessionStorage.getItem('csp-violations') ?? '[]');
  expect(JSON.parse(violations)).toEqual([]);
  await context.close();
});
