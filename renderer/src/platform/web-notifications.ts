import { notificationRequestSchema } from '../../../shared/ipc/notification.ts';
import { PlatformError, type NotificationAccess, type Platform } from './types.ts';

/** The part of the Notification API this file uses; a fake in tests. */
export type NotificationApi = {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): Notification;
};

type WebNotifications = Pick<
  Platform,
  'notify' | 'notificationAccess' | 'requestNotificationAccess'
>;

/**
 * Notifications in a web page, with the browser's Notification API. Permission is asked only
 * when `requestNotificationAccess` is called (from a click in Settings or a group's
 * settings), never on the page's own. A click on a notification brings the window forward
 * and hands the group to `open`, the same path the desktop app's clicks take.
 */
export function webNotifications(
  api: NotificationApi | undefined,
  open: (groupId: string) => void,
  focusWindow: () => void,
): WebNotifications {
  const access = (): NotificationAccess => {
    if (api === undefined) return 'unsupported';
    return api.permission === 'default' ? 'ask' : api.permission;
  };
  return {
    notificationAccess: access,
    async requestNotificationAccess() {
      if (api === undefined || api.permission !== 'default') return access();
      try {
        await api.requestPermission();
      } catch (error) {
        console.warn('fellows: the browser would not ask for notifications', error);
      }
      return access();
    },
    notify(request) {
      const parsed = notificationRequestSchema.safeParse(request);
      if (!parsed.success) {
        return Promise.reject(
          new PlatformError('invalid-argument', parsed.error.issues[0]?.message ?? 'bad request'),
        );
      }
      if (api === undefined || access() !== 'granted') return Promise.resolve(false);
      const { groupId, title, body } = parsed.data;
      let notification: Notification;
      try {
        // One per group: a newer message replaces the group's older notification.
        notification = new api(title, { body, tag: `fellows-${groupId}` });
      } catch (error) {
        // Some browsers (Chrome on Android) only notify from a service worker.
        console.warn('fellows: the browser refused to show a notification', error);
        return Promise.resolve(false);
      }
      notification.addEventListener('click', () => {
        focusWindow();
        notification.close();
        open(groupId);
      });
      return Promise.resolve(true);
    },
  };
}
