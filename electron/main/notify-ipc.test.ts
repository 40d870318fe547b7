// From the page's call to what the person sees: a notification request and an unread
// total pass the sender check and the contract, then reach the notifier and the badge.
import { describe, expect, it, vi } from 'vitest';
import type { ChannelName } from '../../shared/ipc/channels.ts';
import { createBadge } from './badge.ts';
import { createHandlers, type HandlerDeps } from './handlers.ts';
import { registerIpc, type InvokeEvent, type IpcMainLike } from './ipc.ts';
import { createNotifier, type NotificationClass } from './notifications.ts';
import { APP_ORIGIN, isTrustedSender, type SenderFrame } from './security.ts';

type Listener = Parameters<IpcMainLike['handle']>[1];
const appFrame: SenderFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };
const GROUP = '0f'.repeat(32);

function setup() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => listeners.set(channel, listener),
    removeHandler: (channel) => listeners.delete(channel),
  };
  const shown: { title: string; body: string }[] = [];
  const Notification = class {
    constructor(options: { title?: string; body?: string }) {
      shown.push({ title: options.title ?? '', body: options.body ?? '' });
    }
    static isSupported = () => true;
    show() {}
    close() {}
    on() {
      return this;
    }
  } satisfies NotificationClass;
  const notifier = createNotifier({
    Notification,
    isMuted: () => false,
    showWindow: vi.fn(),
    openGroup: vi.fn(),
  });
  const dock = { setBadge: vi.fn() };
  const badge = createBadge({
    platform: 'darwin',
    app: { dock, setBadgeCount: () => true },
    window: () => null,
    overlayIcon: () => {
      throw new Error('not on macOS');
    },
  });
  const deps = {
    notify: (request) => notifier.show(request),
    setUnread: (unread) => {
      badge.set(unread);
    },
  } satisfies Partial<HandlerDeps>;
  // The other services are not reached by these channels.
  registerIpc(ipcMain, createHandlers(deps as HandlerDeps), (frame) => isTrustedSender(frame));
  const invoke = (channel: ChannelName, args: unknown[], frame: SenderFrame = appFrame) => {
    const event: InvokeEvent = { senderFrame: frame };
    return listeners.get(channel)!(event, ...args);
  };
  return { invoke, shown, dock };
}

describe('notify:show over IPC', () => {
  it('shows a valid request as cleaned plain text', async () => {
    const { invoke, shown } = setup();
    const result = await invoke('notify:show', [
      { groupId: GROUP, title: 'Book club', body: 'Ada:\n<b>hi</b>' },
    ]);
    expect(result).toEqual({ ok: true, value: true });
    expect(shown).toEqual([{ title: 'Book club', body: 'Ada: <b>hi</b>' }]);
  });

  it.each([
    ['an extra field', [{ groupId: GROUP, title: 't', body: 'b', icon: '/etc/passwd' }]],
    ['a bad group id', [{ groupId: 'nope', title: 't', body: 'b' }]],
    ['a long body', [{ groupId: GROUP, title: 't', body: 'b'.repeat(301) }]],
    ['a second argument', [{ groupId: GROUP, title: 't', body: 'b' }, true]],
  ])('refuses %s and shows nothing', async (_name, args) => {
    const { invoke, shown } = setup();
    expect(await invoke('notify:show', args)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(shown).toEqual([]);
  });

  it('refuses a request from a page that is not the app', async () => {
    const { invoke, shown } = setup();
    const foreign = { url: 'https://example.com/', parent: null };
    const request = { groupId: GROUP, title: 't', body: 'b' };
    expect(await invoke('notify:show', [request], foreign)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(shown).toEqual([]);
  });
});

describe('app:setUnread over IPC', () => {
  it('puts a valid total on the badge', async () => {
    const { invoke, dock } = setup();
    expect(await invoke('app:setUnread', [{ count: 7, mentions: 1 }])).toEqual({
      ok: true,
      value: null,
    });
    expect(dock.setBadge).toHaveBeenCalledWith('7');
  });

  it('refuses a total that is not a count', async () => {
    const { invoke, dock } = setup();
    for (const bad of [{ count: -1 }, { count: 'many' }, { count: 2.5 }, 7]) {
      expect(await invoke('app:setUnread', [bad])).toMatchObject({ ok: false });
    }
    expect(dock.setBadge).not.toHaveBeenCalled();
  });
});
