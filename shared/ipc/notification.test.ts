import { describe, expect, it } from 'vitest';
import { contract } from './contract.ts';
import {
  cleanNotificationText,
  MAX_NOTIFICATION_BODY,
  MAX_NOTIFICATION_TITLE,
  MAX_UNREAD_COUNT,
  notificationRequestSchema,
  unreadSchema,
} from './notification.ts';

const GROUP = 'ab'.repeat(32);
const request = { groupId: GROUP, title: 'Book club', body: 'Ada: see you at eight' };

describe('notification requests', () => {
  it('accepts a group id and plain text', () => {
    expect(notificationRequestSchema.parse(request)).toEqual(request);
    expect(contract['notify:show'].args.safeParse([request]).success).toBe(true);
  });

  it.each([
    ['no fields', {}],
    ['a number for the title', { ...request, title: 42 }],
    ['a missing body', { groupId: GROUP, title: 'Book club' }],
    ['an extra field', { ...request, icon: 'file:///etc/passwd' }],
    ['an html field', { ...request, html: '<b>hi</b>' }],
    ['a title too long', { ...request, title: 'x'.repeat(MAX_NOTIFICATION_TITLE + 1) }],
    ['a body too long', { ...request, body: 'x'.repeat(MAX_NOTIFICATION_BODY + 1) }],
    ['an empty title', { ...request, title: '' }],
    ['a title of nothing but controls', { ...request, title: '\u0000\n\u202e' }],
    ['a short group id', { ...request, groupId: 'ab'.repeat(31) }],
    ['an upper-case group id', { ...request, groupId: 'AB'.repeat(32) }],
    ['a group id that is not hex', { ...request, groupId: `${'ab'.repeat(31)}zz` }],
    ['a group id that walks paths', { ...request, groupId: '../'.repeat(21) + 'a' }],
    ['an array', [request]],
    ['a string', 'Book club'],
    ['null', null],
  ])('refuses %s', (_name, value) => {
    expect(notificationRequestSchema.safeParse(value).success).toBe(false);
  });

  it('takes the longest title and body allowed', () => {
    const longest = {
      groupId: GROUP,
      title: 't'.repeat(MAX_NOTIFICATION_TITLE),
      body: 'b'.repeat(MAX_NOTIFICATION_BODY),
    };
    expect(notificationRequestSchema.safeParse(longest).success).toBe(true);
  });

  it('replaces control characters and removes bidi overrides', () => {
    const parsed = notificationRequestSchema.parse({
      groupId: GROUP,
      title: 'Book\u0000club\u0007',
      body: 'Ada:\nline one\r\n\tline two \u202egnp.exe\u202c \u009b31m',
    });
    expect(parsed.title).toBe('Book club');
    expect(parsed.body).toBe('Ada: line one line two gnp.exe 31m');
  });

  it('keeps markup as the literal text it is', () => {
    expect(cleanNotificationText('<b>bold</b> & <img src=x>')).toBe('<b>bold</b> & <img src=x>');
  });

  it('keeps emoji and other scripts', () => {
    expect(cleanNotificationText('Zoë 👋 مرحبا 你好')).toBe('Zoë 👋 مرحبا 你好');
  });
});

describe('unread totals', () => {
  it('accepts counts with or without mentions', () => {
    expect(unreadSchema.parse({ count: 0 })).toEqual({ count: 0 });
    expect(unreadSchema.parse({ count: 12, mentions: 2 })).toEqual({ count: 12, mentions: 2 });
    expect(unreadSchema.safeParse({ count: MAX_UNREAD_COUNT }).success).toBe(true);
    expect(contract['app:setUnread'].args.safeParse([{ count: 3 }]).success).toBe(true);
  });

  it.each([
    ['a negative count', { count: -1 }],
    ['a fraction', { count: 1.5 }],
    ['a count past the cap', { count: MAX_UNREAD_COUNT + 1 }],
    ['not a number', { count: '3' }],
    ['NaN', { count: Number.NaN }],
    ['infinity', { count: Number.POSITIVE_INFINITY }],
    ['more mentions than unread', { count: 1, mentions: 2 }],
    ['negative mentions', { count: 1, mentions: -1 }],
    ['an extra field', { count: 1, groups: ['a'] }],
    ['a bare number', 3],
  ])('refuses %s', (_name, value) => {
    expect(unreadSchema.safeParse(value).success).toBe(false);
  });
});
