import { describe, expect, it, vi } from 'vitest';
import { MAX_INVITE_INPUT_LENGTH } from '../invite/code.ts';
import { channelNames } from './channels.ts';
import {
  createEventHub,
  eventNames,
  MAX_EVENT_LINK_LENGTH,
  MAX_HELD_EVENTS,
  type EventName,
  type SubscribeToEvent,
} from './events.ts';

const link = `fellows://join/${'A'.repeat(200)}`;
const groupId = 'ab'.repeat(32);

/** A hub on a fake `ipcRenderer`: `emit` plays main sending a raw message. */
function hub() {
  const receivers = new Map<string, (payload: unknown) => void>();
  const warn = vi.fn<(line: string) => void>();
  const on: SubscribeToEvent = createEventHub((event, receive) => {
    receivers.set(event, receive);
  }, warn);
  const emit = (event: EventName, payload: unknown) => {
    receivers.get(event)?.(payload);
  };
  return { on, emit, warn, receivers };
}

describe('event names', () => {
  it('are namespace:action, apart from the invoke channels, and capped like invites', () => {
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    expect(eventNames.filter((name) => (channelNames as readonly string[]).includes(name))).toEqual(
      [],
    );
    expect(MAX_EVENT_LINK_LENGTH).toBe(MAX_INVITE_INPUT_LENGTH);
  });
});

describe('createEventHub', () => {
  it('listens once to every event name main may send', () => {
    expect([...hub().receivers.keys()].sort()).toEqual([...eventNames].sort());
  });

  it('calls the listener with the checked payload, never with the raw IPC event', () => {
    const { on, emit } = hub();
    const listener = vi.fn();
    on('link:open', listener);
    emit('link:open', { link });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ link }]);
  });

  it('refuses to subscribe to a name main never sends, or without a function', () => {
    const { on } = hub();
    const anyOn = on as unknown as (event: unknown, listener: unknown) => unknown;
    expect(() => anyOn('vault:get', () => undefined)).toThrow(TypeError);
    expect(() => anyOn('__proto__', () => undefined)).toThrow(TypeError);
    expect(() => anyOn(undefined, () => undefined)).toThrow(TypeError);
    expect(() => anyOn('link:open', 'alert(1)')).toThrow(TypeError);
  });

  it('drops a payload that does not parse, naming the event but not the value', () => {
    const { on, emit, warn } = hub();
    const listener = vi.fn();
    on('link:open', listener);
    on('group:open', listener);
    for (const bad of [
      undefined,
      'fellows://join/abc',
      { link: 'https://example.org/' },
      { link: 'fellows://link/abc' },
      { link: `fellows://join/${'A'.repeat(MAX_EVENT_LINK_LENGTH)}` },
      { link: 'fellows://join/abc def' },
      { link, extra: true },
    ]) {
      emit('link:open', bad);
    }
    emit('group:open', { groupId: 'AB'.repeat(32) });
    emit('group:open', { groupId: '../x' });
    on('menu:command', listener);
    emit('menu:command', { command: 'devtools' });
    emit('menu:command', { command: 'settings', extra: 1 });
    expect(listener).not.toHaveBeenCalled();
    emit('menu:command', { command: 'settings' });
    expect(listener).toHaveBeenCalledWith({ command: 'settings' });
    listener.mockClear();
    expect(warn).toHaveBeenCalledWith('events: dropped link:open: its payload is not valid');
    for (const [line] of warn.mock.calls) expect(line).not.toMatch(/AAAA|abc|example/);
  });

  it('stops calling a listener once it unsubscribes, and only that one', () => {
    const { on, emit } = hub();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = on('group:open', first);
    on('group:open', second);
    stopFirst();
    stopFirst();
    emit('group:open', { groupId });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ groupId });
  });

  it('keeps the last few events that arrive before anyone listens, for the first listener', () => {
    const { on, emit, warn } = hub();
    for (let i = 0; i < MAX_HELD_EVENTS + 2; i++) {
      emit('group:open', { groupId: i.toString(16).padStart(64, '0') });
    }
    emit('link:open', { link });
    const groups = vi.fn();
    on('group:open', groups);
    expect(groups.mock.calls.map(([p]) => (p as { groupId: string }).groupId.slice(-1))).toEqual([
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(warn).toHaveBeenCalledWith(
      'events: dropped the oldest waiting group:open: nobody listened',
    );
    // Held events go to one listener only; a later one hears only what comes next.
    const late = vi.fn();
    on('group:open', late);
    expect(late).not.toHaveBeenCalled();
    const links = vi.fn();
    on('link:open', links);
    expect(links).toHaveBeenCalledWith({ link });
  });

  it('holds again once every listener has gone', () => {
    const { on, emit } = hub();
    const stop = on('link:open', vi.fn());
    stop();
    emit('link:open', { link });
    const next = vi.fn();
    on('link:open', next);
    expect(next).toHaveBeenCalledWith({ link });
  });

  it('keeps delivering to the others when one listener throws', () => {
    const { on, emit, warn } = hub();
    on('group:open', () => {
      throw new RangeError('boom');
    });
    const other = vi.fn();
    on('group:open', other);
    emit('group:open', { groupId });
    expect(other).toHaveBeenCalledWith({ groupId });
    expect(warn).toHaveBeenCalledWith('events: a listener for group:open threw RangeError');
  });
});
