import { describe, expect, it } from 'vitest';
import {
  MAX_NOTIFICATION_BODY,
  MAX_NOTIFICATION_TITLE,
  notificationRequestSchema,
} from '../../../shared/ipc/notification.ts';
import {
  messageNotification,
  messageToNotify,
  shorten,
  unreadTotal,
} from './message-notification.ts';
import { group, message } from './testing.ts';

const before = group({ unread: 1, last: message({ id: 'm0' }) });
const after = group({ unread: 2, last: message({ id: 'm1' }) });

describe('messageToNotify', () => {
  it('notifies a new message from someone else while the window is not looked at', () => {
    expect(messageToNotify(before, after, false)).toBe(after.last);
  });

  it('stays quiet while the person looks at the window', () => {
    expect(messageToNotify(before, after, true)).toBeNull();
  });

  it('stays quiet for the person’s own message (from this or another device)', () => {
    const mine = group({ unread: 2, last: message({ id: 'm1', mine: true }) });
    expect(messageToNotify(before, mine, false)).toBeNull();
  });

  it('stays quiet when the latest message did not change (an edit, a reaction, presence)', () => {
    const edited = group({ unread: 2, last: message({ id: 'm0', edited: true }) });
    expect(messageToNotify(before, edited, false)).toBeNull();
  });

  it('stays quiet when nothing new is unread (read on another device first)', () => {
    const read = group({ unread: 0, last: message({ id: 'm1' }) });
    expect(messageToNotify(before, read, false)).toBeNull();
  });

  it('stays quiet for a deleted message and for a group with no messages', () => {
    expect(
      messageToNotify(before, group({ unread: 2, last: message({ deleted: true }) }), false),
    ).toBeNull();
    expect(messageToNotify(before, group({ unread: 2, last: null }), false)).toBeNull();
  });

  it('stays quiet for a group seen for the first time (start-up, a group just joined)', () => {
    expect(messageToNotify(undefined, after, false)).toBeNull();
  });

  it('notifies the first message of a group that had none', () => {
    expect(messageToNotify(group(), after, false)).toBe(after.last);
  });
});

describe('messageNotification', () => {
  it('titles with the group and says who wrote what', () => {
    expect(messageNotification(after, after.last!)).toEqual({
      groupId: after.id,
      title: 'Book club',
      body: 'Ada: See you at eight',
    });
  });

  it('flattens lines and cuts long text to what main accepts', () => {
    const long = message({ text: `first line\nsecond ${'x'.repeat(1000)}` });
    const request = messageNotification(group({ name: 'N'.repeat(500) }), long);
    expect(request.title).toHaveLength(MAX_NOTIFICATION_TITLE);
    expect(request.title.endsWith('…')).toBe(true);
    expect(request.body.startsWith('Ada: first line second x')).toBe(true);
    expect(request.body.length).toBeLessThanOrEqual(MAX_NOTIFICATION_BODY);
    expect(notificationRequestSchema.safeParse(request).success).toBe(true);
  });

  it('always makes a request main accepts, whatever the names and text', () => {
    for (const [name, author, text] of [
      ['', '', ''],
      ['\n\t', '\u202e', '\u0000'],
      ['😀'.repeat(200), '😀'.repeat(200), '😀'.repeat(500)],
    ]) {
      const request = messageNotification(
        group({ name }),
        message({ author: { person: 'ad'.repeat(32), name: author! }, text }),
      );
      expect(notificationRequestSchema.safeParse(request).success, JSON.stringify(request)).toBe(
        true,
      );
    }
  });

  it('without text, says who wrote', () => {
    expect(messageNotification(after, message({ text: '' })).body).toBe('Ada');
  });
});

describe('shorten', () => {
  it('leaves short text alone and never splits a character', () => {
    expect(shorten('hello', 5)).toBe('hello');
    expect(shorten('hello world', 6)).toBe('hello…');
    expect(shorten('👋👋👋', 4)).toBe('👋…');
  });
});

describe('unreadTotal', () => {
  it('adds up every group, within what main accepts', () => {
    expect(unreadTotal([])).toEqual({ count: 0, mentions: 0 });
    expect(
      unreadTotal([group({ unread: 2, mentions: 1 }), group({ unread: 5, mentions: 0 })]),
    ).toEqual({ count: 7, mentions: 1 });
    expect(unreadTotal([group({ unread: 80_000 }), group({ unread: 80_000 })]).count).toBe(100_000);
  });
});
