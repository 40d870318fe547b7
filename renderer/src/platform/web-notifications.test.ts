import { describe, expect, it, vi } from 'vitest';
import { webNotifications, type NotificationApi } from './web-notifications.ts';

const GROUP = 'ab'.repeat(32);
const request = { groupId: GROUP, title: 'Book club', body: 'Ada: See you at eight' };

/** A stand-in for the browser's Notification: records what was shown. */
function fakeApi(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
  const shown: FakeNotification[] = [];
  class FakeNotification extends EventTarget {
    static permission: NotificationPermission = permission;
    static requestPermission = vi.fn(() => {
      FakeNotification.permission = answer;
      return Promise.resolve(answer);
    });
    closed = false;
    constructor(
      readonly title: string,
      readonly options?: NotificationOptions,
    ) {
      super();
      shown.push(this);
    }
    close() {
      this.closed = true;
    }
  }
  return { api: FakeNotification as unknown as NotificationApi, shown, Fake: FakeNotification };
}

describe('web notifications', () => {
  it('show title and body once allowed; a click focuses the window and opens the group', async () => {
    const { api, shown } = fakeApi('granted');
    const open = vi.fn();
    const focus = vi.fn();
    const web = webNotifications(api, open, focus);
    expect(web.notificationAccess()).toBe('granted');
    expect(await web.notify(request)).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('Book club');
    expect(shown[0]!.options).toMatchObject({ body: 'Ada: See you at eight' });
    shown[0]!.dispatchEvent(new Event('click'));
    expect(focus).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith(GROUP);
    expect(shown[0]!.closed).toBe(true);
  });

  it('show nothing and ask nothing until the person allows them', async () => {
    const { api, shown, Fake } = fakeApi('default');
    const web = webNotifications(api, vi.fn(), vi.fn());
    expect(web.notificationAccess()).toBe('ask');
    expect(await web.notify(request)).toBe(false);
    expect(Fake.requestPermission).not.toHaveBeenCalled();
    expect(shown).toHaveLength(0);
    expect(await web.requestNotificationAccess()).toBe('granted');
    expect(await web.notify(request)).toBe(true);
  });

  it('say when the browser blocks them, and do not ask again', async () => {
    const { api, Fake } = fakeApi('default', 'denied');
    const web = webNotifications(api, vi.fn(), vi.fn());
    expect(await web.requestNotificationAccess()).toBe('denied');
    expect(await web.requestNotificationAccess()).toBe('denied');
    expect(Fake.requestPermission).toHaveBeenCalledTimes(1);
    expect(await web.notify(request)).toBe(false);
  });

  it('are unsupported without the API', async () => {
    const web = webNotifications(undefined, vi.fn(), vi.fn());
    expect(web.notificationAccess()).toBe('unsupported');
    expect(await web.requestNotificationAccess()).toBe('unsupported');
    expect(await web.notify(request)).toBe(false);
  });

  it('refuse a request main would refuse', async () => {
    const { api, shown } = fakeApi('granted');
    const web = webNotifications(api, vi.fn(), vi.fn());
    await expect(web.notify({ ...request, groupId: '../x' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(web.notify({ ...request, body: '' })).rejects.toThrow();
    expect(shown).toHaveLength(0);
  });
});
