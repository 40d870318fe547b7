import type { Notification as ElectronNotification } from 'electron';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { NotificationRequest } from '../../shared/ipc/notification.ts';
import {
  createNotifier,
  MAX_LIVE_NOTIFICATIONS,
  type NotificationClass,
  type NotifierDeps,
} from './notifications.ts';

type Options = { title?: string; body?: string; silent?: boolean };

/** A Notification class that records every instance, so tests can click and inspect them. */
function fakeNotificationClass(supported = true) {
  const made: FakeNotification[] = [];
  class FakeNotification {
    readonly listeners = new Map<string, (...args: unknown[]) => void>();
    shown = false;
    closed = false;
    constructor(readonly options: Options) {
      made.push(this);
    }
    static isSupported() {
      return supported;
    }
    show() {
      this.shown = true;
    }
    close() {
      this.closed = true;
    }
    on(event: string, listener: (...args: never[]) => void) {
      // Tests emit each event with the arguments Electron would pass.
      this.listeners.set(event, listener as (...args: unknown[]) => void);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      this.listeners.get(event)?.(...args);
    }
  }
  return { Notification: FakeNotification satisfies NotificationClass, made };
}

const group = (n: number) => n.toString(16).padStart(2, '0').repeat(32);
const request = (n = 1): NotificationRequest => ({
  groupId: group(n),
  title: `Group ${n}`,
  body: 'Ada: hello',
});

function setup(overrides: Partial<NotifierDeps> = {}, supported = true) {
  const { Notification, made } = fakeNotificationClass(supported);
  let muted = false;
  const deps = {
    Notification,
    isMuted: () => muted,
    showWindow: vi.fn<() => void>(),
    openGroup: vi.fn<(groupId: string) => void>(),
  };
  const notifier = createNotifier({ ...deps, ...overrides });
  return {
    notifier,
    made,
    deps,
    mute: (value: boolean) => {
      muted = value;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createNotifier', () => {
  it("takes Electron's own Notification class", () => {
    expectTypeOf<typeof ElectronNotification>().toExtend<NotificationClass>();
  });

  it('shows a native notification with the text as given', () => {
    const { notifier, made } = setup();
    expect(notifier.show(request())).toBe(true);
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toEqual({ title: 'Group 1', body: 'Ada: hello', silent: false });
    expect(made[0]!.shown).toBe(true);
  });

  it('shows nothing while muted, but still answers the request', () => {
    const { notifier, made, mute } = setup();
    mute(true);
    expect(notifier.show(request())).toBe(false);
    expect(made).toHaveLength(0);
    mute(false);
    expect(notifier.show(request())).toBe(true);
    expect(made).toHaveLength(1);
  });

  it('shows nothing where the system has no notifications', () => {
    const { notifier, made } = setup({}, false);
    expect(notifier.show(request())).toBe(false);
    expect(made).toHaveLength(0);
  });

  it('a click brings the window back and opens the group, once', () => {
    const { notifier, made, deps } = setup();
    notifier.show(request(7));
    made[0]!.emit('click', {});
    expect(deps.showWindow).toHaveBeenCalledTimes(1);
    expect(deps.openGroup).toHaveBeenCalledWith(group(7));
    expect(deps.showWindow.mock.invocationCallOrder[0]).toBeLessThan(
      deps.openGroup.mock.invocationCallOrder[0]!,
    );
    expect(notifier.live()).toBe(0);
  });

  it('a newer message of the same group replaces its notification', () => {
    const { notifier, made } = setup();
    notifier.show(request(1));
    notifier.show(request(1));
    expect(made[0]!.closed).toBe(true);
    expect(made[1]!.closed).toBe(false);
    expect(notifier.live()).toBe(1);
  });

  it('holds a bounded number of notifications and closes the oldest', () => {
    const { notifier, made } = setup();
    for (let n = 1; n <= MAX_LIVE_NOTIFICATIONS + 2; n++) notifier.show(request(n));
    expect(notifier.live()).toBe(MAX_LIVE_NOTIFICATIONS);
    expect(made.filter((n) => n.closed)).toEqual([made[0], made[1]]);
    expect(made.at(-1)!.shown).toBe(true);
  });

  it('keeps a notification Windows reports closed, so a click from the Action Center works', () => {
    const { notifier, made, deps } = setup();
    notifier.show(request(3));
    made[0]!.emit('close', {});
    expect(notifier.live()).toBe(1);
    made[0]!.emit('click', {});
    expect(deps.openGroup).toHaveBeenCalledWith(group(3));
  });

  it('a click on a replaced notification still opens its group', () => {
    const { notifier, made, deps } = setup();
    notifier.show(request(4));
    notifier.show(request(4));
    made[0]!.emit('click', {});
    expect(deps.openGroup).toHaveBeenCalledWith(group(4));
    // The live one is still held.
    expect(notifier.live()).toBe(1);
  });

  it('lets go of a notification the system could not show, without logging its text', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { notifier, made } = setup();
    notifier.show(request(5));
    made[0]!.emit('failed', {}, 'toast failed: Ada: hello');
    expect(notifier.live()).toBe(0);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('hello');
  });

  it('closes everything it holds on request', () => {
    const { notifier, made } = setup();
    notifier.show(request(1));
    notifier.show(request(2));
    notifier.closeAll();
    expect(notifier.live()).toBe(0);
    expect(made.every((n) => n.closed)).toBe(true);
  });
});
