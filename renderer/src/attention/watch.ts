import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { Platform } from '../platform/types.ts';
import type { SyncState } from '../sync/store.ts';
import { messageNotification, messageToNotify, unreadTotal } from './message-notification.ts';

export type AttentionDeps = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SyncState;
  platform: Pick<Platform, 'host' | 'notify' | 'setUnread'>;
  /** Whether the person is looking at the window now. */
  windowFocused: () => boolean;
};

/** Focused and visible: a hidden window (closed to the tray) can keep document focus. */
export function documentFocused(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/**
 * Watches the group list and, in the desktop app, asks main for a notification for each
 * new message from someone else while the window is not being looked at, and tells main the
 * unread total whenever it changes. A web page does neither. Returns the function that stops
 * (and clears the badge).
 */
export function watchForAttention(deps: AttentionDeps): () => void {
  if (deps.platform.host === 'web') return () => undefined;
  let seen: Map<string, GroupSummary> | null = null;
  let seenList: readonly GroupSummary[] | null = null;
  let sentTotal = '';
  const look = () => {
    const state = deps.getSnapshot();
    // The store also speaks for presence and delivery changes, which leave the list as it is.
    if (state.status !== 'ready' || state.groups === seenList) return;
    seenList = state.groups;
    const focused = deps.windowFocused();
    if (seen !== null) {
      for (const group of state.groups) {
        const message = messageToNotify(seen.get(group.id), group, focused);
        if (message === null) continue;
        deps.platform.notify(messageNotification(group, message)).catch((error: unknown) => {
          console.error('Asking for a notification failed', error);
        });
      }
    }
    seen = new Map(state.groups.map((group) => [group.id, group]));
    const total = unreadTotal(state.groups);
    const key = `${total.count}/${total.mentions ?? 0}`;
    if (key === sentTotal) return;
    sentTotal = key;
    deps.platform.setUnread(total).catch((error: unknown) => {
      console.error('Updating the unread badge failed', error);
    });
  };
  look();
  const unsubscribe = deps.subscribe(look);
  return () => {
    unsubscribe();
    // Locked or signed out: no unread count belongs on the badge any more.
    if (sentTotal === '' || sentTotal === '0/0') return;
    deps.platform.setUnread({ count: 0 }).catch((error: unknown) => {
      console.error('Clearing the unread badge failed', error);
    });
  };
}
