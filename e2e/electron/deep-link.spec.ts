// Deep links in the real desktop app: a `fellows://join/…` link given to a second launch
// reaches the running window through the single-instance lock and opens the join form,
// checked but not joined; a link at a cold start waits until the person has a profile; a
// device link code is refused in main. Main's pieces are unit-tested in electron/main
// (deep-link.test.ts, renderer-events.test.ts). Skipped where the Electron binary is missing.
import { spawn } from 'node:child_process';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { inviteLink } from '../../shared/invite/code.ts';
import { SIGNALING } from '../../playwright.config.ts';
import { appArgs, electronPath, findElectronBinary, launchFellows } from './electron-binary.ts';

const binary = findElectronBinary();
const GROUP_NAME = 'Allotment crew';
const filled = (length: number, value: number) => new Uint8Array(length).fill(value);
const link = inviteLink({
  version: 1,
  groupId: filled(32, 7),
  inviteSecret: filled(16, 8),
  inviter: filled(32, 9),
  expiresAt: null,
  groupName: GROUP_NAME,
  signaling: [SIGNALING],
});

/**
 * Starts Fellows a second time, as the OS does for a clicked link on Windows and Linux, and
 * waits for it to hand over to the running one and quit.
 */
function secondLaunch(extra: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(electronPath(), appArgs(extra), { stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the second Fellows did not quit: the single-instance lock failed'));
    }, 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Everything main writes to stderr (console.warn and console.error) from now on. */
function mainLog(app: ElectronApplication): () => string {
  let text = '';
  app.process().stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return () => text;
}

async function onboard(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Dee');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your groups', level: 1 })).toBeVisible();
}

/** The join form, showing the invite checked and waiting for the person to ask. */
async function expectInvitePreview(page: Page): Promise<void> {
  const groups = page.getByRole('navigation', { name: 'Your groups' });
  await expect(groups.getByText('You are invited to')).toContainText(GROUP_NAME);
  await expect(groups.getByText('Nothing is sent until you ask to join.')).toBeVisible();
  await expect(groups.getByText(new URL(SIGNALING).host)).toBeVisible();
  // Opening a link never joins by itself.
  await expect(groups.getByRole('button', { name: 'Ask to join' })).toBeVisible();
  await expect(page.getByText('Waiting for a member to let you in.')).toHaveCount(0);
}

test.describe('deep links in the real desktop app', () => {
  test.skip(
    'missing' in binary,
    `Electron suite skipped: ${'missing' in binary ? binary.missing : ''}`,
  );

  test('a link opened while Fellows runs shows the invite in the join form', async () => {
    const app = await launchFellows();
    const page = await app.firstWindow();
    await onboard(page);

    expect(await secondLaunch([link])).toBe(0);
    await expectInvitePreview(page);
    await page.screenshot({ path: 'e2e/screenshots/electron-deep-link.png' });
    await app.close();
  });

  test('a link that starts Fellows waits until the person has a profile', async () => {
    const app = await launchFellows([link]);
    const page = await app.firstWindow();
    await expect(page.getByLabel('Your name')).toBeVisible();
    await onboard(page);
    await expectInvitePreview(page);
    await app.close();
  });

  test('a device link code or a damaged link opens nothing, and main says so without it', async () => {
    const app = await launchFellows();
    const log = mainLog(app);
    const page = await app.firstWindow();
    await onboard(page);

    const deviceCode = `fellows://link/${'Q'.repeat(120)}`;
    const damaged = link.slice(0, -3) + (link.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(await secondLaunch([deviceCode])).toBe(0);
    expect(await secondLaunch([damaged])).toBe(0);
    await expect.poll(log).toContain('deep link: refused fellows://link/… (135 characters)');
    await expect.poll(log).toContain(`deep link: refused fellows://join/… (${damaged.length}`);
    expect(log()).not.toContain('Q'.repeat(20));
    expect(log()).not.toContain(damaged.slice(15, 60));
    await expect(page.getByLabel('Invite code or link')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Ask to join' })).toHaveCount(0);
    await app.close();
  });
});
