import { expect, test } from '@playwright/test';
import {
  askToJoin,
  heading,
  messageItems,
  messages,
  newPerson,
  onboard,
  send,
  snapThemes,
} from './people.ts';

test(`history "from join": Dee, invited later, sees nothing from before she joined`, async ({
  browser,
}) => {
  const ada = await newPerson(browser);
  const dee = await newPerson(browser);
  await onboard(ada.page, 'Ada');

  // Ada creates the group and chooses that newcomers read from their join on.
  await ada.page.getByRole('button', { name: 'New group' }).click();
  await ada.page.getByLabel('Group name').fill('Book club');
  await ada.page.getByLabel('New members see messages from when they join').check();
  await snapThemes(ada.page, 'from-join-create');
  await ada.page.getByRole('button', { name: 'Create group' }).click();
  await expect(heading(ada.page, 'Book club')).toBeVisible();
  await send(ada.page, 'Book club', 'Spoiler: the butler did it');

  // The invite says what the newcomer will see.
  await ada.page.getByRole('button', { name: 'Invite' }).click();
  await expect(
    ada.page.getByText('People who join will only see messages sent after they join.'),
  ).toBeVisible();
  await ada.page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await ada.page.getByLabel('Invite link').inputValue();
  await snapThemes(ada.page, 'from-join-invite');
  await ada.page.getByRole('button', { name: 'Done' }).click();

  await onboard(dee.page, 'Dee');
  await askToJoin(dee.page, link, 'Book club');
  await expect(heading(dee.page, 'Book club')).toBeVisible({ timeout: 30_000 });

  // What Ada writes now reaches Dee; what came before does not, though Dee holds (and
  // passes on) its ciphertext.
  await send(ada.page, 'Book club', 'Welcome Dee! Next up: chapter 10');
  await expect(messages(dee.page).getByText('Welcome Dee! Next up: chapter 10')).toBeVisible({
    timeout: 30_000,
  });
  await expect(messageItems(dee.page)).toHaveCount(1);
  await expect(dee.page.getByText('the butler did it')).toHaveCount(0);
  await send(dee.page, 'Book club', 'Thanks, no spoilers please');
  await expect(messages(ada.page).getByText('Thanks, no spoilers please')).toBeVisible({
    timeout: 30_000,
  });
  await expect(messageItems(ada.page)).toHaveCount(3);
  await expect(messageItems(dee.page)).toHaveCount(2);

  // Group settings say so too, on Dee's side.
  await dee.page.getByRole('button', { name: 'Group settings' }).click();
  await expect(
    dee.page.getByRole('dialog', { name: 'Group settings' }).getByText(/New members see only/),
  ).toBeVisible();
  await snapThemes(dee.page, 'from-join-newcomer');
  await expect(dee.page.getByText('the butler did it')).toHaveCount(0);
});
