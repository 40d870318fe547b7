import { describe, expect, it, vi } from 'vitest';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { SyncState } from '../sync/store.ts';
import { group, message } from './testing.ts';
import { watchForAttention } from './watch.ts';

function setup(host: 'electron' | 'web' = 'electron') {
  let state: SyncState = { status: 'starting', groups: [], error: null };
  const listeners = new Set<() => void>();
  let focused = false;
  const platform = {
    host,
    notify: vi.fn(() => Promise.resolve(true)),
    setUnread: vi.fn(() => Promise.resolve()),
  };
  const stop = watchForAttention({
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    platform,
    windowFocused: () => focused,
  });
  const publish = (groups: GroupSummary[]) => {
    state = { status: 'ready', groups, error: null };
    for (const listener of listeners) listener();
  };
  return {
    platform,
    publish,
    stop,
    focus: (value: boolean) => {
      focused = value;
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

  it('tells main the unread total when it changes, and only then', () => {
    const { platform, publish } = setup();
    publish([quiet]);
    publish([quiet]);
    publish([news]);
    publish([news, group({ id: '2e'.repeat(32), unread: 2, mentions: 1 })]);
    expect(platform.setUnread.mock.calls).toEqual([
      [{ count: 0, mentions: 0 }],
      [{ count: 1, mentions: 0 }],
      [{ count: 3, mentions: 1 }],
    ]);
  });

  it('clears the badge when it stops (locked, signed out)', () => {
    const { platform, publish, stop } = setup();
    publish([news]);
    stop();
    expect(platform.setUnread).toHaveBeenLastCalledWith({ count: 0 });
    publish([quiet, news]);
    expect(platform.setUnread).toHaveBeenCalledTimes(2);
  });

  it('does nothing in a web page', () => {
    const { platform, publish } = setup('web');
    publish([quiet]);
    publish([news]);
    expect(platform.notify).not.toHaveBeenCalled();
    expect(platform.setUnread).not.toHaveBeenCalled();
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
