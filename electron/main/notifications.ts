import type { NotificationConstructorOptions } from 'electron';
import type { NotificationRequest } from '../../shared/ipc/notification.ts';

/** The part of an Electron `Notification` the notifier uses. */
export type NotificationLike = {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
};

/** Electron's `Notification` class, or a fake of it. */
export type NotificationClass = {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
};

export type NotifierDeps = {
  Notification: NotificationClass;
  /** "Mute notifications" in the tray menu. */
  isMuted: () => boolean;
  /** Shows, restores and focuses the main window. */
  showWindow: () => void;
  /** Tells the renderer to open a group (through the main→renderer event path). */
  openGroup: (groupId: string) => void;
  /** How many notifications are kept alive at most (default MAX_LIVE_NOTIFICATIONS). */
  maxLive?: number;
};

export type Notifier = {
  /** Shows a parsed request; false when muted or the system has no notifications. */
  show(request: NotificationRequest): boolean;
  /** How many notifications are held now. */
  live(): number;
  /** Closes every notification still held (on quit). */
  closeAll(): void;
};

/** Enough for a few groups talking at once; older ones are closed. */
export const MAX_LIVE_NOTIFICATIONS = 5;

/**
 * Shows the renderer's notification requests as native notifications. Their text was parsed
 * and cleaned by the contract (plain text, no controls); Electron never interprets markup.
 *
 * A notification must stay referenced or its click can be lost when it is garbage-collected,
 * and Windows fires `close` when a toast times out into the Action Center, where it can still
 * be clicked. So each is held until it is clicked, replaced by a newer one for the same group,
 * or pushed out as the oldest of more than `maxLive`, and then closed.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const max = Math.max(1, deps.maxLive ?? MAX_LIVE_NOTIFICATIONS);
  // By group: a Map keeps insertion order, so the first entry is the oldest.
  const live = new Map<string, NotificationLike>();

  const drop = (groupId: string, notification: NotificationLike) => {
    if (live.get(groupId) === notification) live.delete(groupId);
  };
  const retire = (groupId: string) => {
    const old = live.get(groupId);
    if (old === undefined) return;
    live.delete(groupId);
    old.close();
  };

  return {
    show(request) {
      if (deps.isMuted() || !deps.Notification.isSupported()) return false;
      const { groupId, title, body } = request;
      retire(groupId);
      const notification = new deps.Notification({ title, body, silent: false });
      notification.on('click', () => {
        drop(groupId, notification);
        deps.showWindow();
        deps.openGroup(groupId);
      });
      notification.on('failed', () => {
        drop(groupId, notification);
        // The system's reason can quote the text; the text stays out of the log.
        console.warn('notifications: the system could not show a notification');
      });
      live.set(groupId, notification);
      for (const oldest of live.keys()) {
        if (live.size <= max) break;
        retire(oldest);
      }
      notification.show();
      return true;
    },
    live: () => live.size,
    closeAll() {
      for (const groupId of [...live.keys()]) retire(groupId);
    },
  };
}
