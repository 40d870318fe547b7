import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { findElectronBinary, launchFellows } from './electron-binary.ts';

const binary = findElectronBinary();
if ('missing' in binary) {
  console.info(`Electron suite: the desktop journeys are skipped because ${binary.missing}.`);
}

test('the sandboxed preload bundle requires nothing but electron', () => {
  const preload = readFileSync('out/preload/index.cjs', 'utf8');
  const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  expect(required.length).toBeGreaterThan(0);
  expect(new Set(required)).toEqual(new Set(['electron']));
});

test.describe('in the real desktop app', () => {
  test.skip(
    'missing' in binary,
    `Electron suite skipped: ${'missing' in binary ? binary.missing : ''}`,
  );

  test('a new person picks a name and lands in the groups view', async () => {
    const app = await launchFellows();
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/fellows\//);
    expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(
      await page.evaluate(() => Object.keys((window as { fellows?: object }).fellows ?? {}).sort()),
    ).toEqual(['app', 'notify', 'on', 'shell', 'vault']);
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Your groups', level: 1 })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/electron-groups-empty.png' });
    await app.close();
  });
});
