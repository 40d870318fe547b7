import { z } from '../zod.ts';

/** Longest notification title main shows (the group's name, shortened to fit). */
export const MAX_NOTIFICATION_TITLE = 120;
/** Longest notification body main shows ("Sender: text", shortened to fit). */
export const MAX_NOTIFICATION_BODY = 300;
/** Highest unread count the badge is told about; the badge itself shows "99+". */
export const MAX_UNREAD_COUNT = 100_000;

/** A group id as the renderer knows it: the genesis record's SHA-256, as lower-case hex. */
export const groupIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{64}$/, 'a group id is 64 lower-case hex characters'));

// C0 and C1 controls (newlines and tabs included) and the bidirectional overrides and
// isolates, which could make a notification read differently from what was sent.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Notification text as the system will show it: plain text on every platform (nothing is
 * ever interpreted as markup), controls replaced by spaces, bidi overrides removed, runs of
 * spaces collapsed, trimmed.
 */
export function cleanNotificationText(text: string): string {
  return text.replace(BIDI_CONTROL, '').replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

const notificationText = (what: string, max: number) =>
  z
    .pipe(
      z.string().check(z.maxLength(max, `a notification ${what} is at most ${max} characters`)),
      z.transform(cleanNotificationText),
    )
    .check(z.refine((text) => text.length > 0, `a notification ${what} must not be empty`));

/**
 * What the renderer may ask main to show: a group's new message, as text only. Clicking it
 * opens that group. Unknown fields are refused, not ignored.
 */
export const notificationRequestSchema = z.strictObject({
  groupId: groupIdSchema,
  title: notificationText('title', MAX_NOTIFICATION_TITLE),
  body: notificationText('body', MAX_NOTIFICATION_BODY),
});
export type NotificationRequest = z.infer<typeof notificationRequestSchema>;

const unreadNumber = z
  .int('an unread count is a whole number')
  .check(
    z.minimum(0, 'an unread count is not negative'),
    z.maximum(MAX_UNREAD_COUNT, `an unread count is at most ${MAX_UNREAD_COUNT}`),
  );

/** The unread total over every group, from the core's persisted read positions. */
export const unreadSchema = z
  .strictObject({ count: unreadNumber, mentions: z.optional(unreadNumber) })
  .check(
    z.refine(
      (unread) => (unread.mentions ?? 0) <= unread.count,
      'mentions are unread messages too: there cannot be more of them than unread ones',
    ),
  );
export type Unread = z.infer<typeof unreadSchema>;
