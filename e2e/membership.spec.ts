import { expect, test } from '@playwright/test';
import {
  askToJoin,
  createGroup,
  groupOfThree,
  heading,
  inviteLink,
  letIn,
  messages,
  newPerson,
  onboard,
  openGroup,
  send,
  snap,
  snapThemes,
} from './people.ts';

test(`an admin removes someone; the others go on, and one who was away follows`, async ({
  browser,
}) => {
  const { ada, bo, cy } = await groupOfThree(browser, 'Allotment');
  await send(ada.page, 'Allotment', 'Plot rota is up');
  for (const page of [bo.page, cy.page])
    await expect(messages(page).getByText('Plot rota is up')).toBeVisible({ timeout: 30_000 });

  // Bo closes Fellows. Ada removes Cy, with a second click that says what it means.
  await bo.page.close();
  await ada.page.getByRole('button', { name: '3 members' }).click();
  const panel = ada.page.getByRole('region', { name: 'Members' });
  await expect(panel.getByRole('listitem')).toHaveText([/Ada.*\(you\).*Admin/, /Bo/, /Cy/]);
  await panel.getByRole('button', { name: 'Remove Cy' }).click();
  await expect(panel.getByRole('alertdialog')).toContainText(
    'will not see anything written from now on',
  );
  await snapThemes(ada.page, 'membership-confirm');
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(ada.page.getByRole('button', { name: '2 members' })).toBeVisible();
  await snapThemes(ada.page, 'membership-panel');
  await panel.getByRole('button', { name: 'Close' }).click();
  await send(ada.page, 'Allotment', 'Cy has moved away');

  // Cy's app, left running, says so plainly, keeps what was there, and gets nothing new.
  await expect(cy.page.getByRole('status').filter({ hasText: 'removed you' })).toContainText(
    'Ada removed you from this group',
    { timeout: 30_000 },
  );
  await expect(cy.page.getByRole('textbox', { name: 'Message Allotment' })).toHaveCount(0);
  await expect(messages(cy.page).getByText('Plot rota is up')).toBeVisible();
  await expect(messages(cy.page).getByText('Ada removed you')).toBeVisible();
  await expect(messages(ada.page).getByText('You removed Cy')).toBeVisible();
  await snapThemes(cy.page, 'membership-removed');

  // Bo comes back: he finds the new key in the old room, moves, and reads on.
  const boPage = await bo.context.newPage();
  await boPage.goto('/');
  await openGroup(boPage, 'Allotment');
  await expect(messages(boPage).getByText('Cy has moved away')).toBeVisible({ timeout: 45_000 });
  await send(boPage, 'Allotment', 'Noted, I will take plot 4');
  await expect(messages(ada.page).getByText('Noted, I will take plot 4')).toBeVisible({
    timeout: 30_000,
  });
  await expect(boPage.getByRole('button', { name: '2 members' })).toBeVisible();

  // Nothing written after the removal ever reaches Cy.
  await ada.page.waitForTimeout(2_000);
  await expect(messages(cy.page).getByText('Cy has moved away')).toHaveCount(0);
  await expect(messages(cy.page).getByText('Noted, I will take plot 4')).toHaveCount(0);
  await Promise.all([ada.context.close(), bo.context.close(), cy.context.close()]);
});

test('a member cannot remove anyone, and may leave', async ({ browser }) => {
  const ada = await newPerson(browser, { theme: 'light' });
  const bo = await newPerson(browser, { theme: 'light' });
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, 'Choir');
  await onboard(bo.page, 'Bo');
  await letIn(ada.page, bo.page, 'Choir');
  await expect(bo.page.getByRole('button', { name: '2 members' })).toBeVisible({
    timeout: 30_000,
  });
  await bo.page.getByRole('button', { name: '2 members' }).click();
  const panel = bo.page.getByRole('region', { name: 'Members' });
  await expect(panel.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Make admin' })).toHaveCount(0);
  // Safety numbers: what Bo sees for Ada is what Ada sees for herself.
  await panel.getByRole('button', { name: 'Safety number of Ada' }).click();
  const seenByBo = await panel.locator('.safety-number code').innerText();
  expect(seenByBo).toMatch(/^(\d{5} ){11}\d{5}$/);
  await ada.page.getByRole('button', { name: '2 members' }).click();
  const adaPanel = ada.page.getByRole('region', { name: 'Members' });
  await adaPanel.getByRole('button', { name: 'Safety number of Ada' }).click();
  await expect(adaPanel.locator('.safety-number code')).toHaveText(seenByBo);
  await snap(ada.page, 'membership-safety-number-light');
  await adaPanel.getByRole('button', { name: 'Close' }).click();
  await panel.getByRole('button', { name: 'Safety number of Ada' }).click();
  await panel.getByRole('button', { name: 'Leave group' }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();
  await expect(bo.page.getByRole('status').filter({ hasText: 'You left' })).toBeVisible();
  await expect(ada.page.getByRole('button', { name: '1 member' })).toBeVisible({
    timeout: 30_000,
  });
  // Bo deletes the group from his laptop, asked once more; it is gone, also after a reload.
  await bo.page.getByRole('button', { name: 'Delete from this device' }).click();
  await snap(bo.page, 'membership-left-delete-light');
  await bo.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  const groups = bo.page.getByRole('complementary', { name: 'Groups' });
  await expect(groups.getByText('Choir')).toHaveCount(0);
  await bo.page.reload();
  await expect(bo.page.getByRole('button', { name: 'New group' })).toBeVisible({ timeout: 15_000 });
  await expect(groups.getByText('Choir')).toHaveCount(0);
  await Promise.all([ada.context.close(), bo.context.close()]);
});

test('with “admins approve joins”, the joiner waits until an admin lets them in', async ({
  browser,
}) => {
  const ada = await newPerson(browser, { theme: 'light' });
  const bo = await newPerson(browser, { theme: 'light' });
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, 'Board');
  await ada.page.getByRole('button', { name: '1 member' }).click();
  const panel = ada.page.getByRole('region', { name: 'Members' });
  await panel.getByLabel('New members need an admin’s approval').check();
  await expect(panel.getByLabel('New members need an admin’s approval')).toBeChecked();
  await panel.getByRole('button', { name: 'Close' }).click();
  const link = await inviteLink(ada.page);

  await onboard(bo.page, 'Bo');
  await askToJoin(bo.page, link, 'Board');
  await expect(bo.page.getByText('Waiting for an admin to let you in')).toBeVisible({
    timeout: 30_000,
  });
  await ada.page.getByRole('button', { name: '1 asking to join' }).click({ timeout: 30_000 });
  await expect(panel.getByRole('region', { name: 'Asking to join' })).toContainText('Bo');
  await snap(ada.page, 'membership-approve-light');
  await panel.getByRole('button', { name: 'Let Bo in' }).click();
  await expect(heading(bo.page, 'Board')).toBeVisible({ timeout: 30_000 });
  await expect(ada.page.getByRole('button', { name: '2 members' })).toBeVisible({
    timeout: 15_000,
  });
  await Promise.all([ada.context.close(), bo.context.close()]);
});
