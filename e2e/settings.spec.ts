import { expect, test, type Page } from '@playwright/test';
import { SIGNALING } from '../playwright.config.ts';
import { createGroup, newPerson, onboard, snap } from './people.ts';

const signaling = (page: Page) =>
  page.getByRole('region', { name: 'Signaling servers for new groups' });
const stun = (page: Page) => page.getByRole('region', { name: 'STUN servers' });

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

/** Types an address into one of the lists and presses Add. */
async function add(section: ReturnType<typeof signaling>, url: string): Promise<void> {
  await section.getByRole('textbox').fill(url);
  await section.getByRole('button', { name: 'Add' }).click();
}

/** Settings scroll inside their pane: a taller window shows the whole screen in one picture. */
async function snapWhole(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size?.width ?? 1100, height: 1100 });
  await snap(page, name);
  if (size) await page.setViewportSize(size);
}

async function expectServers(section: ReturnType<typeof signaling>, urls: string[]) {
  if (urls.length === 0) await expect(section.getByRole('listitem')).toHaveCount(0);
  else await expect(section.getByRole('listitem').locator('code')).toHaveText(urls);
}

for (const theme of ['light', 'dark'] as const) {
  test(`a person sets the servers Fellows may contact, and they are kept (${theme})`, async ({
    browser,
  }) => {
    const { context, page } = await newPerson(browser, { theme });
    await onboard(page, 'Ada');
    await openSettings(page);
    // The defaults: the signaling server this build names, and no STUN at all.
    await expectServers(signaling(page), [SIGNALING]);
    await expectServers(stun(page), []);
    await expect(stun(page)).toContainText('None.');
    await expect(signaling(page)).toContainText('never your messages');
    await expect(stun(page)).toContainText('it sees your IP address');
    // The web build says in one sentence where it keeps the keys.
    await expect(page.getByRole('region', { name: 'Keys on this device' })).toContainText(
      'In a browser, Fellows keeps your keys in this browser profile',
    );

    // A bad address is refused with the reason, and nothing changes.
    await add(signaling(page), 'https://signal.example.org');
    await expect(signaling(page).getByRole('alert')).toContainText('starts with wss://');
    await expect(signaling(page).getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
    await add(signaling(page), 'wss://ada:secret@signal.example.org');
    await expect(signaling(page).getByRole('alert')).toContainText('user name and password');
    await expectServers(signaling(page), [SIGNALING]);
    await add(stun(page), 'stun://stun.example.org');
    await expect(stun(page).getByRole('alert')).toContainText(
      'Write it without the slashes: stun:stun.example.org.',
    );
    await expectServers(stun(page), []);
    if (theme === 'light') await snapWhole(page, 'settings-error');

    // Good addresses go in, written one way; STUN says honestly when it applies.
    await add(signaling(page), 'WSS://Signal.Example.org/');
    await expect(signaling(page).getByRole('alert')).toHaveCount(0);
    await expectServers(signaling(page), [SIGNALING, 'wss://signal.example.org']);
    await add(signaling(page), 'wss://signal.example.org');
    await expect(signaling(page).getByRole('alert')).toContainText('already in the list');
    await add(stun(page), 'stun:stun.example.org:3478');
    await expectServers(stun(page), ['stun:stun.example.org:3478']);
    await expect(page.getByRole('status')).toContainText('apply after a restart');
    await snapWhole(page, `settings-${theme}`);

    // After a reload (a restart) they are all still there, and the STUN servers are in use.
    await page.reload();
    await openSettings(page);
    await expectServers(signaling(page), [SIGNALING, 'wss://signal.example.org']);
    await expectServers(stun(page), ['stun:stun.example.org:3478']);
    await expect(page.getByText('apply after a restart')).toHaveCount(0);

    // New groups take the list as it is now; a group keeps its own when Settings change.
    // (Only loopback servers from here on: the group's room connects to them.)
    await stun(page).getByRole('button', { name: 'Remove stun:stun.example.org:3478' }).click();
    await signaling(page).getByRole('button', { name: 'Remove wss://signal.example.org' }).click();
    await add(signaling(page), 'ws://localhost:4444');
    await signaling(page)
      .getByRole('button', { name: `Remove ${SIGNALING}` })
      .click();
    await expectServers(signaling(page), ['ws://localhost:4444']);
    await expectServers(stun(page), []);
    await createGroup(page, 'Allotment crew');
    await page.getByRole('button', { name: 'Group settings' }).click();
    const info = page.getByRole('dialog', { name: 'Group settings' });
    const groupServers = info.getByRole('list', { name: 'Signaling servers' });
    await expect(groupServers.getByRole('listitem')).toHaveText(['ws://localhost:4444']);
    await expect(info).toContainText(
      'New members, and new devices of members, see the whole history',
    );
    if (theme === 'light') await snap(page, 'group-info');
    await info.getByRole('button', { name: 'Close' }).click();
    await openSettings(page);
    await add(signaling(page), SIGNALING);
    await page.getByRole('complementary', { name: 'Groups' }).getByText('Allotment crew').click();
    await page.getByRole('button', { name: 'Group settings' }).click();
    await expect(groupServers.getByRole('listitem')).toHaveText(['ws://localhost:4444']);
    await context.close();
  });
}

test('settings that do not check out are replaced by the defaults', async ({ browser }) => {
  const { context, page } = await newPerson(browser);
  await onboard(page, 'Bo');
  await page.evaluate(() => {
    localStorage.setItem(
      'fellows:settings',
      JSON.stringify({ version: 1, signaling: ['javascript:alert(1)'], stun: 'nope' }),
    );
  });
  await page.reload();
  await openSettings(page);
  await expectServers(signaling(page), [SIGNALING]);
  await expectServers(stun(page), []);
  await context.close();
});

test('a person deletes Fellows from this device: name, keys and groups are gone', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser, { theme: 'light' });
  await onboard(page, 'Ada');
  await createGroup(page, 'Old flat');
  await openSettings(page);
  const section = page.getByRole('region', { name: 'This device' });
  await section.getByRole('button', { name: 'Delete Fellows from this device' }).click();
  await expect(section.getByRole('alertdialog')).toContainText('This cannot be undone');
  await snapWhole(page, 'settings-erase-light');
  await section.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
  // A first run again: asked for a name, with no group.
  await expect(page.getByLabel('Your name')).toBeVisible({ timeout: 15_000 });
  // The groups' log and rooms are gone; the profile and (web) vault databases the first run
  // opens again are empty, or onboarding would not ask for a name.
  const left = await page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('fellows')),
  );
  expect(left.filter((name) => name !== 'fellows-profile' && name !== 'fellows-vault')).toEqual([]);
  // Nor does the page keep anything of the old profile: no settings, no group ids.
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('fellows:')),
  );
  expect(kept).toEqual([]);
  await onboard(page, 'Ada again');
  await expect(page.getByText('Old flat')).toHaveCount(0);
  await context.close();
});
