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

test('a second tab on the same device says Fellows is open elsewhere, writes nothing, and takes over when the first closes', async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser);
  await onboard(page, 'Ada');
  await createGroup(page, 'Allotment');
  await send(page, 'Allotment', 'Only one tab writes');
  // The group's recent window is saved (a second after the message): a page that starts
  // could draw it before the engine runs.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const id = localStorage.getItem('fellows:last-group');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('fellows-data');
          request.onsuccess = () => {
            resolve(request.result);
          };
          request.onerror = () => {
            reject(new Error('cannot open fellows-data'));
          };
        });
        try {
          return await new Promise<boolean>((resolve) => {
            const request = db
              .transaction('records')
              .objectStore('records')
              .count(`g:${id}:recent`);
            request.onsuccess = () => {
              resolve(request.result === 1);
            };
            request.onerror = () => {
              resolve(false);
            };
          });
        } finally {
          db.close();
        }
      }),
    )
    .toBe(true);
  // Same browser profile, second tab: it must not run a second engine on the same chains,
  // nor draw the messages before it finds out.
  const second = await context.newPage();
  await second.addInitScript(() => {
    new MutationObserver(() => {
      if (document.documentElement.textContent.includes('Only one tab writes'))
        Object.assign(window, { sawMessages: true });
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await second.goto('/');
  await expect(second.getByRole('alert')).toContainText('already open in another tab');
  await snap(second, 'open-elsewhere');
  expect(await second.evaluate(() => 'sawMessages' in window)).toBe(false);
  // The first tab keeps working.
  await send(page, 'Allotment', 'Still here');
  // Close the first: the second takes over by itself, with the whole history.
  await page.close();
  await expect(second.getByRole('heading', { name: 'Allotment', level: 1 })).toBeVisible({
    timeout: 15_000,
  });
  await expect(second.getByRole('alert')).toHaveCount(0);
  await expect(
    second.getByRole('list', { name: 'Messages' }).getByText('Still here'),
  ).toBeVisible();
  await send(second, 'Allotment', 'Writing from the second tab');
  await context.close();
});
