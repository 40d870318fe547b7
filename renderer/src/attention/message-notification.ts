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
import type { NotificationPreview } from '../settings/settings.ts';
import type { NotifyLevel } from './levels.ts';

/** The words a notification needs when it says less than "Sender: text", in the language shown. */
export type NotificationWords = {
  /** "New message": all a notification says when the setting is "nothing". */
  newMessage: string;
  /** "New message from Ada". */
  newMessageFrom: (name: string) => string;
  /** "Ada mentioned you". */
  mentionedBy: (name: string) => string;
  /** For an author with no usable name. */
  someone: string;
};

/**
 * The new message of a group worth a notification, or null. Only a message from someone else
 * that arrived since the last look (the group's latest message changed and its unread count
 * went up), only while the person is not looking at the window, and only as far as the
 * group's level lets it: none when 'off', only a mention of me when 'mentions'. A group seen
 * for the first time (the app starting, a group just joined and catching up) notifies nothing.
 */
export function messageToNotify(
  previous: GroupSummary | undefined,
  next: GroupSummary,
  windowFocused: boolean,
  level: NotifyLevel = 'all',
): MessageItem | null {
  if (windowFocused || previous === undefined || level === 'off') return null;
  const message = next.last;
  if (message === null || message.mine || message.deleted) return null;
  if (level === 'mentions' && !message.mentionsMe) return null;
  if (previous.last?.id === message.id) return null;
  if (next.unread <= previous.unread) return null;
  return message;
}

/**
 * What a notification says, as much as the privacy setting allows: the group's name, then
 * "Sender: text" ('sender-and-text'), "New message from Sender" ('sender'), or only "New
 * message" under the app's name, with neither group nor sender ('nothing'). The group id
 * travels along but is never shown: a click opens that group. Cut to the lengths main
 * accepts, never inside a character.
 */
export function messageNotification(
  group: GroupSummary,
  message: MessageItem,
  preview: NotificationPreview = 'sender-and-text',
  words: NotificationWords = ENGLISH_WORDS,
): NotificationRequest {
  const shown = notificationText(
    { group: group.name, sender: message.author.name, text: message.text },
    message.mentionsMe,
    preview,
    words,
  );
  return { groupId: group.id, ...shown };
}

/** A notification's title and body from its parts (Settings shows a sample this way). */
export function notificationText(
  parts: { group: string; sender: string; text: string },
  mentionsMe: boolean,
  preview: NotificationPreview,
  words: NotificationWords,
): { title: string; body: string } {
  if (preview === 'nothing') return { title: APP_NAME, body: words.newMessage };
  const title = shorten(cleanNotificationText(parts.group) || APP_NAME, MAX_NOTIFICATION_TITLE);
  const sender = cleanNotificationText(parts.sender) || words.someone;
  const text = preview === 'sender-and-text' ? cleanNotificationText(parts.text) : '';
  const body =
    text !== ''
      ? `${sender}: ${text}`
      : preview === 'sender'
        ? mentionsMe
          ? words.mentionedBy(sender)
          : words.newMessageFrom(sender)
        : sender;
  return { title, body: shorten(body, MAX_NOTIFICATION_BODY) };
}

const APP_NAME = 'Fellows';

/** The English words, for tests and for a notification made before i18next starts. */
export const ENGLISH_WORDS: NotificationWords = {
  newMessage: 'New message',
  newMessageFrom: (name) => `New message from ${name}`,
  mentionedBy: (name) => `${name} mentioned you`,
  someone: 'Someone',
};

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

/**
 * The unread total for the badge and the window title, within what main accepts: what each
 * group may claim attention for. A group set to 'off' counts nothing, one set to 'mentions'
 * only its unread mentions.
 */
export function unreadTotal(
  groups: readonly GroupSummary[],
  level: (groupId: string) => NotifyLevel = () => 'all',
): Unread {
  let count = 0;
  let mentions = 0;
  for (const group of groups) {
    const groupLevel = level(group.id);
    if (groupLevel === 'off') continue;
    count += groupLevel === 'mentions' ? group.mentions : group.unread;
    mentions += group.mentions;
  }
  count = Math.min(count, MAX_UNREAD_COUNT);
  return { count, mentions: Math.min(mentions, count) };
}

/** The window's title: "Fellows", or "(3) Fellows" with unread messages, in the language's digits. */
export function windowTitle(count: number, formatCount: (n: number) => string = String): string {
  return count > 0 ? `(${formatCount(count)}) ${APP_NAME}` : APP_NAME;
}
