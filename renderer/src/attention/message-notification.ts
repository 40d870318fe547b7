import {
  cleanNotificationText,
  MAX_NOTIFICATION_BODY,
  MAX_NOTIFICATION_TITLE,
  MAX_UNREAD_COUNT,
  type NotificationRequest,
  type Unread,
} from '../../../shared/ipc/notification.ts';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';

/**
 * The new message of a group worth a notification, or null. Only a message from someone else
 * that arrived since the last look (the group's latest message changed and its unread count
 * went up), and only while the person is not looking at the window. A group seen for the
 * first time (the app starting, a group just joined and catching up) notifies nothing.
 * (Per-group muting comes with the chat-UI work; the tray mutes everything in main.)
 */
export function messageToNotify(
  previous: GroupSummary | undefined,
  next: GroupSummary,
  windowFocused: boolean,
): MessageItem | null {
  if (windowFocused || previous === undefined) return null;
  const message = next.last;
  if (message === null || message.mine || message.deleted) return null;
  if (previous.last?.id === message.id) return null;
  if (next.unread <= previous.unread) return null;
  return message;
}

/**
 * What a notification says: the group's name, then "Sender: text". The one place for its
 * wording (the chat-UI work adds privacy levels that say less). Cut to the lengths main
 * accepts, never inside a character.
 */
export function messageNotification(
  group: GroupSummary,
  message: MessageItem,
): NotificationRequest {
  const title = cleanNotificationText(group.name) || 'Fellows';
  const sender = cleanNotificationText(message.author.name) || 'Someone';
  const text = cleanNotificationText(message.text);
  return {
    groupId: group.id,
    title: shorten(title, MAX_NOTIFICATION_TITLE),
    body: shorten(text === '' ? sender : `${sender}: ${text}`, MAX_NOTIFICATION_BODY),
  };
}

/** Cuts text to at most `max` UTF-16 units, ending in "…" when cut, by whole code points. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length + 1 > max) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** The unread total over all groups for the desktop badge, within what main accepts. */
export function unreadTotal(groups: readonly GroupSummary[]): Unread {
  let count = 0;
  let mentions = 0;
  for (const group of groups) {
    count += group.unread;
    mentions += group.mentions;
  }
  count = Math.min(count, MAX_UNREAD_COUNT);
  return { count, mentions: Math.min(mentions, count) };
}
