import { expect, test } from '@playwright/test';
import { SIGNALING } from '../playwright.config.ts';
import { startNodePeer } from './node-peer/client.ts';
import { askToJoin, messageItems, messages, newPerson, onboard, snap } from './people.ts';

const TOTAL = 10_000;

// Catch-up: a new member joins a group holding 10,000 messages and gets all of them. The
// group is made in Node (e2e/node-peer: the real core, real signed and sealed blobs, the app's
// network host over wrtc), not typed through the UI; Bo joins through the real UI.
test('a new member joins a group of 10,000 messages and gets every one', async ({ browser }) => {
  // Most of it the browser storing and applying 10,000 messages: ~5 s on a quiet machine
  // since 2026-11-24, still a few times what a Node peer takes (docs/benchmarks.md,
  // "Catch-up in Chromium"); the limits leave room for a busy CI machine.
  test.setTimeout(150_000);
  const ada = startNodePeer({ seed: 1, name: 'Ada' });
  const bo = await newPerson(browser);
  try {
    await ada.ready();
    // Ada's laptop holds the group; her Fellows is closed for now.
    const [{ groupId }] = await Promise.all([
      ada.call<{ groupId: string; count: number }>('create', {
        groupName: 'Archive',
        messages: TOTAL,
        signaling: [SIGNALING],
        offline: true,
      }),
      onboard(bo.page, 'Bo'),
    ]);
    const { link } = await ada.call<{ link: string }>('invite', { groupId });

    // Bo asks to join, sees that nobody is there to let him in, and closes the panel.
    await askToJoin(bo.page, link, 'Archive');
    await expect(bo.page.getByRole('status')).toContainText('Waiting for a member to let you in.');
    await bo.page.getByRole('button', { name: 'Close' }).click();

    // Ada opens Fellows: her app lets Bo in by itself, and Bo's app fetches the whole history
    // while he looks at something else. Ada's chain is taken in order, so her last message in
    // the preview means all 10,000 are here. All were written before Bo came in: history, not
    // news, so none of it counts as unread.
    await ada.call('online');
    const groups = bo.page.getByRole('complementary', { name: 'Groups' });
    await expect(groups.getByText('Archive')).toBeVisible({ timeout: 30_000 });
    await expect(groups.getByText(`Ada: message ${TOTAL}`)).toBeVisible({ timeout: 100_000 });
    await expect(groups.getByLabel(/unread/)).toHaveCount(0);
    await snap(bo.page, 'catchup-10k-arrived');

    // Bo opens the group: the latest page, in the order Ada wrote it, ends with her last one.
    await groups.getByText('Archive').click();
    await expect(bo.page.getByRole('heading', { name: 'Archive', level: 1 })).toBeVisible();
    const list = messages(bo.page);
    await expect(list.getByText(`message ${TOTAL}`, { exact: true })).toBeVisible();
    const texts = await list.locator('.message-text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    const first = TOTAL - texts.length + 1;
    expect(texts).toEqual(Array.from({ length: texts.length }, (_, i) => `message ${first + i}`));
    await expect(bo.page.getByText('2 members')).toBeVisible();
    await snap(bo.page, 'catchup-10k');

    // And the group is live: Bo's reply reaches Ada.
    await ada.call('watch', { groupId });
    const composer = bo.page.getByRole('textbox', { name: 'Message Archive' });
    await composer.fill('all 10,000 here');
    await composer.press('Enter');
    await ada.next((e) => e.event === 'message' && e.text === 'all 10,000 here', 15_000);

    // Bo starts Fellows again and, first thing, searches all groups for a message far back
    // from the latest page: asked as the app starts, the query waits for the group to be
    // searchable. Choosing the one hit opens the conversation there, with that message
    // highlighted among its neighbours, and the latest page no longer shown.
    await bo.page.reload();
    await bo.page.getByRole('button', { name: 'Search all groups' }).click();
    const panel = bo.page.getByRole('dialog', { name: 'Search all groups' });
    await panel.getByRole('combobox').fill('message 4321');
    const hit = panel.getByRole('option');
    await expect(hit).toHaveCount(1, { timeout: 30_000 });
    await expect(hit).toContainText('in Archive');
    await hit.click();
    await expect(panel).toBeHidden();
    const found = messageItems(bo.page).filter({ hasText: 'message 4321' });
    await expect(found).toBeVisible();
    await expect(found).toHaveClass(/flash/);
    await expect(list.getByText('message 4320', { exact: true })).toBeVisible();
    await expect(list.getByText('message 4322', { exact: true })).toBeVisible();
    await expect(list.getByText(`message ${TOTAL}`, { exact: true })).toBeHidden();
  } finally {
    await bo.context.close();
    await ada.stop();
  }
});
