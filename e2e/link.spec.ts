import { expect, test } from '@playwright/test';
import {
  askToJoin,
  createGroup,
  heading,
  inviteLink,
  messageItems,
  messages,
  newPerson,
  onboard,
  openGroup,
  send,
  snap,
  type Theme,
} from './people.ts';

for (const theme of ['light', 'dark'] as Theme[]) {
  test(`Bo links a second laptop: it sees the whole history and writes as Bo (${theme})`, async ({
    browser,
  }) => {
    const ada = await newPerson(browser, { theme });
    const bo = await newPerson(browser, { theme });
    await onboard(ada.page, 'Ada');
    await createGroup(ada.page, 'Choir');
    const link = await inviteLink(ada.page);
    await onboard(bo.page, 'Bo');
    await askToJoin(bo.page, link, 'Choir');
    await expect(heading(bo.page, 'Choir')).toBeVisible({ timeout: 30_000 });
    await send(ada.page, 'Choir', 'Rehearsal moved to Thursday');
    await send(bo.page, 'Choir', 'I will bring the scores');
    await expect(messages(ada.page).getByText('I will bring the scores')).toBeVisible({
      timeout: 30_000,
    });

    // On his first laptop Bo makes a link code.
    await bo.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const devices = bo.page.getByRole('region', { name: 'Your devices' });
    await devices.getByRole('button', { name: 'Link a new device' }).click();
    const code = await devices.getByRole('textbox').inputValue();
    expect(code).toMatch(/^fellows:\/\/link\//);
    await snap(bo.page, `link-offer-${theme}`);

    // The new laptop: first run, "Link to my other device", the code, the server it names.
    const laptop = await newPerson(browser, { theme });
    await laptop.page.goto('/');
    await laptop.page.getByRole('button', { name: 'Link to my other device' }).click();
    // An invite pasted by mistake, then a damaged code: each says what is wrong.
    await laptop.page.getByLabel('Link code').fill(link);
    await laptop.page.getByRole('button', { name: 'Continue' }).click();
    await expect(laptop.page.getByRole('alert')).toContainText('not a device link code');
    await laptop.page.getByLabel('Link code').fill(code.slice(0, -4));
    await laptop.page.getByRole('button', { name: 'Continue' }).click();
    await expect(laptop.page.getByRole('alert')).toContainText('incomplete or has a typo');
    await laptop.page.getByLabel('Link code').fill(code);
    await laptop.page.getByRole('button', { name: 'Continue' }).click();
    await expect(laptop.page.getByText(/Fellows will contact/)).toContainText('127.0.0.1:4444');
    await laptop.page.getByRole('button', { name: 'Ask to link' }).click();
    const digits = laptop.page.getByLabel('Check digits');
    await expect(digits).toHaveText(/^\d{3} \d{3}$/);
    await snap(laptop.page, `link-new-device-${theme}`);

    // Both screens show the same digits; Bo approves on the first laptop.
    await expect(devices.getByLabel('Check digits')).toHaveText(
      (await digits.textContent()) ?? '',
      {
        timeout: 30_000,
      },
    );
    await snap(bo.page, `link-approve-${theme}`);
    await devices.getByRole('button', { name: 'Link this device' }).click();
    await expect(devices.getByRole('status')).toContainText('Linked', { timeout: 30_000 });

    // The laptop is Bo's: his group, its whole history, and what it writes is Bo's.
    await expect(laptop.page.getByRole('heading', { name: 'Your groups', level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    await openGroup(laptop.page, 'Choir');
    await expect(messages(laptop.page).getByText('Rehearsal moved to Thursday')).toBeVisible({
      timeout: 45_000,
    });
    await expect(messages(laptop.page).getByText('I will bring the scores')).toBeVisible();
    await send(laptop.page, 'Choir', 'Sent from my other laptop');
    const last = messageItems(ada.page).filter({ hasText: 'Sent from my other laptop' });
    await expect(last).toContainText('Bo', { timeout: 30_000 });
    await expect(messages(ada.page).getByText('Bo added a device')).toBeVisible();
    await snap(laptop.page, `link-history-${theme}`);

    // Ada sees one Bo with two devices, each labelled, and still two members.
    await ada.page.getByRole('button', { name: '2 members' }).click();
    const panel = ada.page.getByRole('region', { name: 'Members' });
    await expect(
      panel.getByRole('list', { name: 'Devices of Bo' }).getByRole('listitem'),
    ).toHaveCount(2);
    await snap(ada.page, `link-members-${theme}`);
    await panel.getByRole('button', { name: 'Close' }).click();

    // Bo unlinks the laptop from the first one — from a group's members panel, or from
    // Settings for all his groups at once: it says so and gets nothing new.
    if (theme === 'light') {
      await bo.page.getByRole('button', { name: 'Done' }).click();
      await bo.page.getByRole('button', { name: 'Close' }).click();
      await openGroup(bo.page, 'Choir');
      await bo.page.getByRole('button', { name: '2 members' }).click();
      const boPanel = bo.page.getByRole('region', { name: 'Members' });
      await boPanel.getByRole('button', { name: /^Unlink device/ }).click();
      await boPanel.getByRole('alertdialog').getByRole('button', { name: 'Unlink' }).click();
      await expect(boPanel.getByRole('list', { name: 'Devices of Bo' })).toHaveCount(0);
      await boPanel.getByRole('button', { name: 'Close' }).click();
    } else {
      await bo.page.getByRole('button', { name: 'Done' }).click();
      const mine = devices.getByRole('list', { name: 'Your linked devices' });
      await expect(mine.getByRole('listitem')).toHaveCount(2);
      await expect(mine.getByRole('listitem').first()).toContainText('this device');
      await mine.getByRole('button', { name: /^Unlink device/ }).click();
      await expect(devices.getByRole('alertdialog')).toContainText('from all your groups');
      await snap(bo.page, `link-unlink-${theme}`);
      await devices.getByRole('alertdialog').getByRole('button', { name: 'Unlink' }).click();
      await expect(mine).toHaveCount(0);
      await bo.page.getByRole('button', { name: 'Close' }).click();
      await openGroup(bo.page, 'Choir');
    }
    await expect(
      laptop.page.getByRole('status').filter({ hasText: 'unlinked this device' }),
    ).toBeVisible({ timeout: 30_000 });
    await send(ada.page, 'Choir', 'Only for current devices');
    await expect(messages(bo.page).getByText('Only for current devices')).toBeVisible({
      timeout: 30_000,
    });
    await expect(messages(laptop.page).getByText('Only for current devices')).toHaveCount(0);
    for (const person of [ada, bo, laptop]) await person.context.close();
  });
}
