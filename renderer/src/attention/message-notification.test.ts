import { describe, expect, it } from 'vitest';
import {
  MAX_NOTIFICATION_BODY,
  MAX_NOTIFICATION_TITLE,
  notificationRequestSchema,
} from '../../../shared/ipc/notification.ts';
import type { NotificationPreview } from '../settings/settings.ts';
import { NOTIFY_LEVELS } from './levels.ts';
import {
  messageNotification,
  messageToNotify,
  shorten,
  unreadTotal,
  windowTitle,
  type NotificationWords,
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

describe('messageToNotify, every level, focus and kind of message', () => {
  const kinds = {
    plain: message({ id: 'm1' }),
    mention: message({ id: 'm1', mentionsMe: true }),
    mine: message({ id: 'm1', mine: true }),
    deleted: message({ id: 'm1', deleted: true }),
    'my mention of myself': message({ id: 'm1', mine: true, mentionsMe: true }),
  };
  // Which kinds notify, by level, while the window is not looked at.
  const expected: Record<(typeof NOTIFY_LEVELS)[number], (keyof typeof kinds)[]> = {
    all: ['plain', 'mention'],
    mentions: ['mention'],
    off: [],
  };
  for (const level of NOTIFY_LEVELS) {
    for (const [kind, last] of Object.entries(kinds)) {
      for (const focused of [false, true]) {
        const notifies = !focused && expected[level].includes(kind as keyof typeof kinds);
        it(`${level}, ${kind}, ${focused ? 'focused' : 'not looked at'}: ${notifies ? 'notifies' : 'quiet'}`, () => {
          const next = group({ unread: 2, mentions: 1, last });
          expect(messageToNotify(before, next, focused, level)).toBe(notifies ? last : null);
        });
      }
    }
  }
});

describe('messageNotification, by privacy setting', () => {
  const dutch: NotificationWords = {
    newMessage: 'Nieuw bericht',
    newMessageFrom: (name) => `Nieuw bericht van ${name}`,
    mentionedBy: (name) => `${name} noemde je`,
    someone: 'Iemand',
  };
  const cases: [NotificationPreview, boolean, { title: string; body: string }][] = [
    ['sender-and-text', false, { title: 'Book club', body: 'Ada: See you at eight' }],
    ['sender-and-text', true, { title: 'Book club', body: 'Ada: See you at eight' }],
    ['sender', false, { title: 'Book club', body: 'Nieuw bericht van Ada' }],
    ['sender', true, { title: 'Book club', body: 'Ada noemde je' }],
    ['nothing', false, { title: 'Fellows', body: 'Nieuw bericht' }],
    ['nothing', true, { title: 'Fellows', body: 'Nieuw bericht' }],
  ];
  for (const [preview, mentionsMe, shown] of cases) {
    it(`${preview}${mentionsMe ? ', a mention' : ''}: ${shown.title} / ${shown.body}`, () => {
      const request = messageNotification(after, message({ mentionsMe }), preview, dutch);
      expect(request).toEqual({ groupId: after.id, ...shown });
      // Whatever it hides is nowhere in what reaches the system.
      if (preview !== 'sender-and-text') expect(JSON.stringify(request)).not.toContain('eight');
      if (preview === 'nothing') expect(JSON.stringify(request)).not.toMatch(/Ada|Book/);
    });
  }

  it('names an author without a usable name in the language shown', () => {
    const nameless = message({ author: { person: 'ad'.repeat(32), name: '\u202e' } });
    expect(messageNotification(after, nameless, 'sender', dutch).body).toBe(
      'Nieuw bericht van Iemand',
    );
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

describe('windowTitle', () => {
  it('is the app’s name, with the unread count first when there is one', () => {
    expect(windowTitle(0)).toBe('Fellows');
    expect(windowTitle(3)).toBe('(3) Fellows');
    expect(windowTitle(1234, (n) => n.toLocaleString('nl'))).toBe('(1.234) Fellows');
  });
});

describe('unreadTotal', () => {
  it('counts what each group’s level lets it claim', () => {
    const loud = group({ id: 'aa'.repeat(32), unread: 4, mentions: 1 });
    const some = group({ id: 'bb'.repeat(32), unread: 5, mentions: 2 });
    const muted = group({ id: 'cc'.repeat(32), unread: 7, mentions: 3 });
    const levels: Record<string, 'all' | 'mentions' | 'off'> = {
      [loud.id]: 'all',
      [some.id]: 'mentions',
      [muted.id]: 'off',
    };
    expect(unreadTotal([loud, some, muted], (id) => levels[id] ?? 'all')).toEqual({
      count: 6,
      mentions: 3,
    });
  });

  it('adds up every group, within what main accepts', () => {
    expect(unreadTotal([])).toEqual({ count: 0, mentions: 0 });
    expect(
      unreadTotal([group({ unread: 2, mentions: 1 }), group({ unread: 5, mentions: 0 })]),
    ).toEqual({ count: 7, mentions: 1 });
    expect(unreadTotal([group({ unread: 80_000 }), group({ unread: 80_000 })]).count).toBe(100_000);
  });
});
