import { expect, test, type Page } from '@playwright/test';
import {
  askToJoin,
  createGroup,
  inviteLink,
  messages,
  newPerson,
  onboard,
  send,
  snapThemes,
} from './people.ts';

const message = (page: Page, text: string) =>
  messages(page).getByRole('listitem').filter({ hasText: text });

test(`delivery, presence and the sync panel`, async ({ browser }) => {
  const ada = await newPerson(browser);
  const bo = await newPerson(browser);
  await onboard(ada.page, 'Ada');
  await createGroup(ada.page, 'Garden');
  const link = await inviteLink(ada.page);
  await onboard(bo.page, 'Bo');
  await askToJoin(bo.page, link, 'Garden');
  await expect(bo.page.getByRole('heading', { name: 'Garden', level: 1 })).toBeVisible({
    timeout: 30_000,
  });

  // Both online: each sees the other, and the room reports a connected peer.
  await expect(ada.page.getByLabel('Who is online')).toContainText('Bo online', {
    timeout: 30_000,
  });
  await expect(bo.page.getByLabel('Who is online')).toContainText('Ada online');

  // Bo closes Fellows (as a window closes: its unload handlers run, so Bo says goodbye
  // rather than timing out): Ada's message is hers alone, and she is told so.
  await bo.page.close({ runBeforeUnload: true });
  await expect(ada.page.getByLabel('Who is online')).toContainText('Nobody else online', {
    timeout: 45_000,
  });
  await send(ada.page, 'Garden', 'Who has the shed key?');
  await expect(message(ada.page, 'Who has the shed key?')).toContainText('Not yet delivered');

  // Bo comes back: his signed have-vector says he holds it.
  const boPage = await bo.context.newPage();
  await boPage.goto('/');
  await boPage.getByRole('complementary', { name: 'Groups' }).getByText('Garden').click();
  await expect(messages(boPage).getByText('Who has the shed key?')).toBeVisible({
    timeout: 30_000,
  });
  await expect(message(ada.page, 'Who has the shed key?')).toContainText('Held by everyone', {
    timeout: 30_000,
  });
  // Bo has read it, and Ada sees that.
  await expect(message(ada.page, 'Who has the shed key?')).toContainText('Seen by Bo', {
    timeout: 30_000,
  });

  // Typing shows on the other side, and stops with the message.
  await boPage.getByRole('textbox', { name: 'Message Garden' }).fill('I do, it');
  await expect(ada.page.getByText('Bo is typing…')).toBeVisible({ timeout: 15_000 });
  await boPage.getByRole('textbox', { name: 'Message Garden' }).fill('I do, it is under the pot');
  await boPage.getByRole('textbox', { name: 'Message Garden' }).press('Enter');
  await expect(messages(ada.page).getByText('I do, it is under the pot')).toBeVisible({
    timeout: 15_000,
  });
  await expect(ada.page.getByText('Bo is typing…')).toBeHidden({ timeout: 15_000 });

  // The count comes from the heads doc on disk: a reload keeps it, with Bo gone.
  await boPage.close();
  await ada.page.reload();
  await ada.page.getByRole('complementary', { name: 'Groups' }).getByText('Garden').click();
  await expect(message(ada.page, 'Who has the shed key?')).toContainText('Held by everyone', {
    timeout: 15_000,
  });

  await ada.page.getByRole('button', { name: 'Sync' }).click();
  const panel = ada.page.getByRole('region', { name: 'Sync' });
  await expect(panel).toContainText('ws://127.0.0.1:4444');
  await expect(panel).toContainText('reachable');
  await expect(panel).toContainText('Rejected blobs');
  await snapThemes(ada.page, 'presence-sync-panel');
  await ada.context.close();
  await bo.context.close();
});
