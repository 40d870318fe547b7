import { describe, expect, it, vi } from 'vitest';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { NotificationPreview } from '../settings/settings.ts';
import type { SyncState } from '../sync/store.ts';
import { createLevelStore } from './levels.ts';
import { ENGLISH_WORDS } from './message-notification.ts';
import { group, message } from './testing.ts';
import { watchForAttention } from './watch.ts';

function setup() {
  let state: SyncState = { status: 'starting', groups: [], error: null, early: null };
  const listeners = new Set<() => void>();
  let focused = false;
  let preview: NotificationPreview = 'sender-and-text';
  const memory = new Map<string, string>();
  const levels = createLevelStore({
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => {
      memory.set(key, value);
    },
  });
  const platform = {
    notify: vi.fn(() => Promise.resolve(true)),
    setUnread: vi.fn(() => Promise.resolve()),
  };
  const showUnread = vi.fn();
  const stop = watchForAttention({
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    platform,
    windowFocused: () => focused,
    levels,
    preview: () => preview,
    words: () => ENGLISH_WORDS,
    showUnread,
  });
  const publish = (groups: GroupSummary[]) => {
    state = { status: 'ready', groups, error: null, early: null };
    for (const listener of listeners) listener();
  };
  return {
    platform,
    publish,
    stop,
    levels,
    showUnread,
    focus: (value: boolean) => {
      focused = value;
    },
    setPreview: (value: NotificationPreview) => {
      preview = value;
    },
  };
}

const quiet = group({ unread: 0, last: message({ id: 'm0', mine: true }) });
const news = group({ unread: 1, last: message({ id: 'm1' }) });

describe('watchForAttention', () => {
  it('asks for a notification when a message from someone else arrives unseen', () => {
    const { platform, publish } = setup();
    publish([quiet]);
    expect(platform.notify).not.toHaveBeenCalled();
    publish([news]);
    expect(platform.notify).toHaveBeenCalledWith({
      groupId: news.id,
      title: 'Book club',
      body: 'Ada: See you at eight',
    });
  });

  it('does not notify while the window is focused', () => {
    const { platform, publish, focus } = setup();
    focus(true);
    publish([quiet]);
    publish([news]);
    expect(platform.notify).not.toHaveBeenCalled();
  });

  it('does not notify what was already there when the app started', () => {
    const { platform, publish } = setup();
    publish([news]);
    publish([news]);
    expect(platform.notify).not.toHaveBeenCalled();
  });

  it('says only as much as the privacy setting allows, read when the message arrives', () => {
    const { platform, publish, setPreview } = setup();
    publish([quiet]);
    setPreview('sender');
    publish([news]);
    expect(platform.notify).toHaveBeenLastCalledWith({
      groupId: news.id,
      title: 'Book club',
      body: 'New message from Ada',
    });
    setPreview('nothing');
    publish([group({ unread: 2, last: message({ id: 'm2' }) })]);
    expect(platform.notify).toHaveBeenLastCalledWith({
      groupId: news.id,
      title: 'Fellows',
      body: 'New message',
    });
  });

  it('follows the group’s level: off is silent, mentions only for a mention', () => {
    const { platform, publish, levels } = setup();
    publish([quiet]);
    levels.set(news.id, 'off');
    publish([news]);
    levels.set(news.id, 'mentions');
    publish([group({ unread: 2, last: message({ id: 'm2' }) })]);
    expect(platform.notify).not.toHaveBeenCalled();
    publish([group({ unread: 3, mentions: 1, last: message({ id: 'm3', mentionsMe: true }) })]);
    expect(platform.notify).toHaveBeenCalledTimes(1);
  });

  it('shows the unread total in the title and on the badge when it changes, and only then', () => {
    const { platform, publish, showUnread } = setup();
    publish([quiet]);
    publish([quiet]);
    publish([news]);
    publish([news, group({ id: '2e'.repeat(32), unread: 2, mentions: 1 })]);
    expect(platform.setUnread.mock.calls).toEqual([
      [{ count: 0, mentions: 0 }],
      [{ count: 1, mentions: 0 }],
      [{ count: 3, mentions: 1 }],
    ]);
    expect(showUnread.mock.calls).toEqual([[0], [1], [3]]);
  });

  it('counts again when a group is muted, with nothing new in the list', () => {
    const { publish, levels, showUnread } = setup();
    publish([news, group({ id: '2e'.repeat(32), unread: 2, mentions: 1 })]);
    expect(showUnread).toHaveBeenLastCalledWith(3);
    levels.set(news.id, 'off');
    expect(showUnread).toHaveBeenLastCalledWith(2);
    levels.set('2e'.repeat(32), 'mentions');
    expect(showUnread).toHaveBeenLastCalledWith(1);
  });

  it('clears the title and the badge when it stops (locked, signed out)', () => {
    const { platform, publish, stop, showUnread, levels } = setup();
    publish([news]);
    stop();
    expect(platform.setUnread).toHaveBeenLastCalledWith({ count: 0 });
    expect(showUnread).toHaveBeenLastCalledWith(0);
    publish([quiet, news]);
    levels.set(news.id, 'off');
    expect(platform.setUnread).toHaveBeenCalledTimes(2);
  });

  it('logs a refused request instead of failing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { platform, publish } = setup();
    platform.notify.mockRejectedValueOnce(new Error('invalid-argument'));
    publish([quiet]);
    publish([news]);
    await vi.waitFor(() => {
      expect(error).toHaveBeenCalledWith('Asking for a notification failed', expect.any(Error));
    });
    error.mockRestore();
  });
});
