import { expect, test } from '@playwright/test';
import {
  askToJoin,
  createGroup,
  groupOfThree,
  inviteLink,
  messages,
  newPerson,
  onboard,
  send,
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
  const again = await ada.context.newPage();
  await again.goto('/');
  await expect(again.getByRole('heading', { name: 'Your groups', level: 1 })).toBeVisible();
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
