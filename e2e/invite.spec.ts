import { expect, test } from '@playwright/test';
import { inviteLink as inviteLinkOf } from '../shared/invite/code.ts';
import { encodeLinkOffer } from '../shared/link/code.ts';
import { expectAccessible } from './axe.ts';
import {
  askToJoin,
  createGroup,
  groupOfThree,
  inviteLink,
  messages,
  newPerson,
  onboard,
  send,
  setOsLanguages,
  snap,
} from './people.ts';

test('invite, admit, talk: two people on their own laptops, over WebRTC on loopback', async ({
  browser,
}) => {
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, 'Book club');
  await send(ada.page, 'Book club', 'First book: Middlemarch');
  const link = await inviteLink(ada.page);

  await onboard(bo.page, 'Bo');
  await askToJoin(bo.page, link, 'Book club');
  // Ada is online, so her app lets Bo in; Bo's app opens the group with its history.
  await expect(bo.page.getByRole('heading', { name: 'Book club', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await expect(messages(bo.page).getByText('First book: Middlemarch')).toBeVisible({
    timeout: 30_000,
  });
  await expect(bo.page.getByText('2 members')).toBeVisible();

  await send(bo.page, 'Book club', 'Love it, I am in!');
  await expect(messages(ada.page).getByText('Love it, I am in!')).toBeVisible({ timeout: 15_000 });
  await send(ada.page, 'Book club', 'Chapter one by Friday');
  await expect(messages(bo.page).getByText('Chapter one by Friday')).toBeVisible({
    timeout: 15_000,
  });
  await expect(ada.page.getByText('2 members')).toBeVisible();
  await snap(ada.page, 'two-people-ada');
  await snap(bo.page, 'two-people-bo');
  await ada.context.close();
  await bo.context.close();
});

test('a bad invite gets a clear error and contacts nobody', async ({ browser }) => {
  const { context, page } = await newPerson(browser);
  await onboard(page, 'Cy');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByLabel('Invite code or link').fill('https://example.org/not-an-invite');
  await page.getByRole('button', { name: 'Check invite' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ask to join' })).toHaveCount(0);
  await context.close();
});

test('with nobody online the join waits and says why, and completes when a member returns', async ({
  browser,
}) => {
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, 'Book club');
  await send(ada.page, 'Book club', 'Anyone there?');
  const link = await inviteLink(ada.page);
  // Ada closes Fellows: her laptop is the only member.
  await ada.page.close();

  await onboard(bo.page, 'Bo');
  await askToJoin(bo.page, link, 'Book club');
  const status = bo.page.getByRole('status');
  await expect(status).toContainText('Waiting for a member to let you in.');
  await expect(status).toContainText('Someone in the group needs to have Fellows open.');
  await snap(bo.page, 'join-waiting');

  // Ada opens Fellows again: her app answers the next request by itself.
  // Her group opens again, with no welcome ("Your groups") shown while it does, even when
  // she closed too soon after writing for its recent window to be saved.
  const again = await ada.context.newPage();
  await again.addInitScript(() => {
    new MutationObserver(() => {
      if (document.getElementById('pane-heading')) Object.assign(window, { sawWelcome: true });
    }).observe(document, { childList: true, subtree: true });
  });
  await again.goto('/');
  await expect(again.getByRole('heading', { name: 'Book club', level: 1 })).toBeVisible();
  expect(await again.evaluate(() => 'sawWelcome' in window)).toBe(false);
  await expect(bo.page.getByRole('heading', { name: 'Book club', level: 1 })).toBeVisible({
    timeout: 30_000,
  });
  await expect(messages(bo.page).getByText('Anyone there?')).toBeVisible({ timeout: 30_000 });
  await ada.context.close();
  await bo.context.close();
});

test('gossip: a message reaches Bo through Cy after its author has gone', async ({ browser }) => {
  test.setTimeout(120_000);
  const { ada, bo, cy } = await groupOfThree(browser, 'Book club');
  await expect(ada.page.getByText('3 members')).toBeVisible({ timeout: 15_000 });

  // Bo closes Fellows; Ada writes five messages, which reach Cy.
  await bo.page.close();
  for (let i = 1; i <= 5; i++) await send(ada.page, 'Book club', `Chapter ${i} notes`);
  await expect(messages(cy.page).getByText('Chapter 5 notes')).toBeVisible({ timeout: 15_000 });
  // Ada closes Fellows too. Bo comes back: only Cy is there, and Cy relays Ada's messages.
  await ada.context.close();
  const back = await bo.context.newPage();
  await back.goto('/');
  await back.getByRole('complementary', { name: 'Groups' }).getByText('Book club').click();
  for (let i = 1; i <= 5; i++) {
    await expect(messages(back).getByText(`Chapter ${i} notes`)).toBeVisible({ timeout: 30_000 });
  }
  await bo.context.close();
  await cy.context.close();
});

test('the invite dialog: what it allows, then a QR code and a link that copies', async ({
  browser,
}) => {
  const ada = await newPerson(browser);
  await ada.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, 'Book club');
  const invite = ada.page.getByRole('button', { name: 'Invite' });
  await invite.click();
  const dialog = ada.page.getByRole('dialog', { name: 'Invite people to Book club' });
  await expect(dialog).toContainText('People who join will see the whole history.');
  await expect(dialog).toContainText('Someone in the group has to be online');
  // Esc closes it, and focus goes back to the button that opened it.
  await ada.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(invite).toBeFocused();

  await invite.click();
  await dialog.getByRole('button', { name: 'Create invite link' }).click();
  await expect(dialog.getByRole('img', { name: 'QR code of this invite' })).toBeVisible();
  const link = await dialog.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/^fellows:\/\/join\/[A-Za-z0-9_-]+$/);
  expect(link).toBe(`fellows://join/${await dialog.getByLabel('Invite code').inputValue()}`);
  await expect(dialog).toContainText(/Can be used until/);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await ada.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectAccessible(ada.page, 'invite dialog', 'dialog');
  await snap(ada.page, 'invite-dialog-light');
  await ada.page.emulateMedia({ colorScheme: 'dark' });
  await snap(ada.page, 'invite-dialog-dark');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await ada.context.close();
});

test('joining with a bad code says what is wrong with it, and keeps what was typed', async ({
  browser,
}) => {
  const ada = await newPerson(browser);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, 'Book club');
  const link = await inviteLink(ada.page);
  const code = link.slice('fellows://join/'.length);
  const typo = code.slice(0, 60) + (code[60] === 'A' ? 'B' : 'A') + code.slice(61);
  const now = Date.now();
  const expired = inviteLinkOf({
    version: 1,
    groupId: new Uint8Array(32).fill(9),
    inviteSecret: new Uint8Array(16).fill(1),
    inviter: new Uint8Array(32).fill(2),
    expiresAt: Date.UTC(2025, 2, 14),
    groupName: 'Old club',
    signaling: ['ws://127.0.0.1:4444'],
  });
  const deviceCode = encodeLinkOffer({
    version: 1,
    linkSecret: new Uint8Array(16).fill(3),
    person: new Uint8Array(32).fill(4),
    expiresAt: now + 600_000,
    signaling: ['ws://127.0.0.1:4444'],
  });

  const page = ada.page;
  await page.getByRole('button', { name: 'Join' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join a group' });
  const box = dialog.getByLabel('Invite code or link');
  const check = dialog.getByRole('button', { name: 'Check invite' });
  const cases: [string, string | RegExp][] = [
    ['', 'Paste an invite link or code.'],
    ['see you at the club', 'This does not look like a Fellows invite.'],
    ['https://example.org/invite', 'This is a link, but not a Fellows invite link.'],
    [`fellows://join/${typo}`, 'This invite has a typo or is incomplete.'],
    [expired, /This invite expired on .*2025/],
    [deviceCode, 'This is a code for linking your own devices, not a group invite.'],
    [link, 'You are already a member of Book club.'],
  ];
  for (const [text, error] of cases) {
    await box.fill(text);
    await check.click();
    await expect(dialog.getByRole('alert')).toContainText(error);
    await expect(box).toHaveValue(text);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('button', { name: 'Ask to join' })).toHaveCount(0);
    if (text === `fellows://join/${typo}`) {
      await expectAccessible(page, 'join dialog with an error', 'dialog');
      await snap(page, 'join-error-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await snap(page, 'join-error-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }
  // The laptop's language changes to Dutch while the dialog is open: what is wrong is said
  // again, in Dutch (the error is kept as what happened, not as English words).
  await setOsLanguages(page, ['nl-NL', 'nl']);
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    'Je bent al lid van Book club.',
  );
  await setOsLanguages(page, ['en-US', 'en']);
  await expect(dialog.getByRole('alert')).toHaveText('You are already a member of Book club.');
  // Already a member: the dialog offers the group instead.
  await dialog.getByRole('button', { name: 'Open the group' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Book club', level: 1 })).toBeVisible();
  await ada.context.close();
});
