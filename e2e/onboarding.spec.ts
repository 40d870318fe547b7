import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { newPerson, snap } from './people.ts';

test('the first screen explains how Fellows works, checks the name, then opens the app', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome', level: 1 })).toBeVisible();
  const how = page.getByRole('region', { name: 'How Fellows works' });
  await expect(how.getByText('No server keeps your messages.')).toBeVisible();
  await expect(how.getByText('Someone has to be online to let you in.')).toBeVisible();
  await expect(how.getByText(/never sees your name or what you write/)).toBeVisible();
  await expectAccessible(page, 'onboarding');
  await snap(page, 'onboarding-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'onboarding-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const name = page.getByLabel('Your name');
  const submit = page.getByRole('button', { name: 'Continue' });
  await submit.click();
  await expect(page.getByRole('alert')).toHaveText('Enter a name your group will recognise.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  // A bell character: invisible, so refused, and what was typed stays to be fixed.
  await name.fill('Ada\u0007');
  await submit.click();
  await expect(page.getByRole('alert')).toHaveText(
    'Names cannot contain invisible control or text-direction characters.',
  );
  await expect(name).toHaveValue('Ada\u0007');
  await snap(page, 'onboarding-error');

  await name.fill('Ada');
  await submit.click();
  await expect(page.getByRole('heading', { name: 'Your groups', level: 1 })).toBeVisible();
  await context.close();
});

test('the language switch on the first screen turns it Dutch or Chinese, and it stays', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();

  await page.getByLabel('Language').selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Welkom', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByText('Geen server bewaart je berichten.')).toBeVisible();
  await page.getByRole('button', { name: 'Doorgaan' }).click();
  await expect(page.getByRole('alert')).toHaveText('Vul een naam in die je groep herkent.');
  await snap(page, 'onboarding-nl');

  await page.getByLabel('Taal').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '欢迎', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel('你的名字')).toBeVisible();
  await expectAccessible(page, 'onboarding in Chinese');
  await snap(page, 'onboarding-zh-CN');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'onboarding-zh-CN-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The choice is kept like the one in Settings.
  await page.reload();
  await expect(page.getByRole('heading', { name: '欢迎', level: 1 })).toBeVisible();
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Welcome', level: 1 })).toBeVisible();
  await context.close();
});
