import { expect, test } from '@playwright/test';
import { createGroup, newPerson, onboard, send, snap } from './people.ts';

for (const theme of ['light', 'dark'] as const) {
  test(`a person creates a group and writes in it with nobody online (${theme})`, async ({
    browser,
  }) => {
    const { context, page } = await newPerson(browser, { theme });
    await onboard(page, 'Ada Lovelace');
    await createGroup(page, 'Allotment crew');
    await expect(page.getByText('1 member')).toBeVisible();
    await expect(page.getByText('No messages yet. Say hello.')).toBeVisible();
    await send(page, 'Allotment crew', 'Water the tomatoes tonight?');
    await send(page, 'Allotment crew', 'And the beans 🌱');
    await snap(page, `conversation-${theme}`);

    // Everything is on this laptop: after a reload it is all still there, decrypted.
    await page.reload();
    const sidebar = page.getByRole('complementary', { name: 'Groups' });
    await expect(sidebar.getByText('Allotment crew')).toBeVisible();
    await expect(sidebar.getByText('You: And the beans 🌱')).toBeVisible();
    await sidebar.getByText('Allotment crew').click();
    const messages = page.getByRole('list', { name: 'Messages' });
    await expect(messages.getByText('Water the tomatoes tonight?')).toBeVisible();
    await expect(messages.getByText('And the beans 🌱')).toBeVisible();
    await context.close();
  });
}

test('a blank group name gets a clear error, and nothing is created', async ({ browser }) => {
  const { context, page } = await newPerson(browser);
  await onboard(page, 'Ada');
  await page.getByRole('button', { name: 'New group' }).click();
  // Unless the person chooses otherwise, newcomers read the whole history.
  await expect(
    page.getByRole('radio', { name: 'Everyone in the group sees the whole history' }),
  ).toBeChecked();
  await page.getByLabel('Group name').fill('   ');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Give the group a name its members will recognise.',
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No groups yet.')).toBeVisible();
  await context.close();
});

test('a second tab on the same device says Fellows is open elsewhere and writes nothing', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await onboard(page, 'Ada');
  await createGroup(page, 'Allotment');
  await send(page, 'Allotment', 'Only one tab writes');
  // Same browser profile, second tab: it must not run a second engine on the same chains.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('alert')).toContainText('already open in another tab');
  // The first tab keeps working.
  await send(page, 'Allotment', 'Still here');
  // Close the first; the second, reloaded, takes over with the whole history.
  await page.close();
  await second.reload();
  await second.getByRole('complementary', { name: 'Groups' }).getByText('Allotment').click();
  await expect(
    second.getByRole('list', { name: 'Messages' }).getByText('Still here'),
  ).toBeVisible();
  await context.close();
});
