import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { Platform } from '../platform/types.ts';
import type { NotificationPreview } from '../settings/settings.ts';
import type { SyncState } from '../sync/store.ts';
import type { LevelStore } from './levels.ts';
import {
  messageNotification,
  messageToNotify,
  unreadTotal,
  type NotificationWords,
} from './message-notification.ts';

export type AttentionDeps = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SyncState;
  platform: Pick<Platform, 'notify' | 'setUnread'>;
  /** Whether the person is looking at the window now. */
  windowFocused: () => boolean;
  /** Each group's notification level; a change there changes the unread total. */
  levels: Pick<LevelStore, 'get' | 'subscribe'>;
  /** What a notification may show (Settings). */
  preview: () => NotificationPreview;
  /** The words of a notification, in the language shown now. */
  words: () => NotificationWords;
  /** Shows the unread total where the window shows it: its title. */
  showUnread: (count: number) => void;
};

/** Focused and visible: a hidden window (closed to the tray) can keep document focus. */
export function documentFocused(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/**
 * Watches the group list and asks the platform for a notification for each new message from
 * someone else while the window is not being looked at (as far as the group's level and the
 * privacy setting allow), and keeps the unread total in the window's title and on the desktop
 * badge. Returns the function that stops (and clears both).
 */
export function watchForAttention(deps: AttentionDeps): () => void {
  let seen: Map<string, GroupSummary> | null = null;
  let seenList: readonly GroupSummary[] | null = null;
  let sentTotal = '';

  const showTotal = (groups: readonly GroupSummary[]) => {
    const total = unreadTotal(groups, deps.levels.get);
    const key = `${total.count}/${total.mentions ?? 0}`;
    if (key === sentTotal) return;
    sentTotal = key;
    deps.showUnread(total.count);
    deps.platform.setUnread(total).catch((error: unknown) => {
      console.error('Updating the unread badge failed', error);
    });
  };

  const look = () => {
    const state = deps.getSnapshot();
    // The store also speaks for presence and delivery changes, which leave the list as it is.
    if (state.status !== 'ready' || state.groups === seenList) return;
    seenList = state.groups;
    const focused = deps.windowFocused();
    if (seen !== null) {
      for (const group of state.groups) {
        const level = deps.levels.get(group.id);
        const message = messageToNotify(seen.get(group.id), group, focused, level);
        if (message === null) continue;
        const request = messageNotification(group, message, deps.preview(), deps.words());
        deps.platform.notify(request).catch((error: unknown) => {
          console.error('Asking for a notification failed', error);
        });
      }
    }
    seen = new Map(state.groups.map((group) => [group.id, group]));
    showTotal(state.groups);
  };

  look();
  const unsubscribe = deps.subscribe(look);
  // A group muted or unmuted: the total it adds changes, with nothing new in the list.
  const unsubscribeLevels = deps.levels.subscribe(() => {
    if (seenList !== null) showTotal(seenList);
  });
  return () => {
    unsubscribe();
    unsubscribeLevels();
    // Locked or signed out: no unread count belongs on the badge or in the title any more.
    if (sentTotal === '' || sentTotal === '0/0') return;
    deps.showUnread(0);
    deps.platform.setUnread({ count: 0 }).catch((error: unknown) => {
      console.error('Clearing the unread badge failed', error);
    });
  };
}
