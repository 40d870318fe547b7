import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  createRendererOutbox,
  MAX_WAITING_EVENTS,
  sendToRenderer,
  type OutboxWindow,
} from './renderer-events.ts';

const link = `fellows://join/${'A'.repeat(150)}`;
const groupId = 'c'.repeat(64);

/** A window whose web contents records what was sent and can play its load events. */
function fakeWindow() {
  const listeners = new Map<string, (() => void)[]>();
  const sent: [string, unknown][] = [];
  let destroyed = false;
  const window = {
    isDestroyed: () => destroyed,
    webContents: {
      isDestroyed: () => destroyed,
      send: vi.fn((channel: string, payload: unknown) => {
        sent.push([channel, payload]);
      }),
      on: (event: string, listener: () => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
    },
  } satisfies OutboxWindow;
  const emit = (event: string) => {
    for (const listener of listeners.get(event) ?? []) listener();
  };
  const destroy = () => {
    destroyed = true;
    emit('destroyed');
  };
  return { window, sent, emit, destroy };
}

let error: MockInstance<typeof console.error>;
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('sendToRenderer', () => {
  it('sends a checked event on its own channel', () => {
    const { window, sent } = fakeWindow();
    expect(sendToRenderer(window, 'group:open', { groupId })).toBe(true);
    expect(sent).toEqual([['group:open', { groupId }]]);
  });

  it('sends nothing to a missing or destroyed window', () => {
    expect(sendToRenderer(null, 'group:open', { groupId })).toBe(false);
    const { window, sent, destroy } = fakeWindow();
    destroy();
    expect(sendToRenderer(window, 'group:open', { groupId })).toBe(false);
    expect(sent).toEqual([]);
  });

  it('refuses a payload the page would drop, without logging it', () => {
    const { window, sent } = fakeWindow();
    const bad = { groupId: 'not-a-group' };
    expect(sendToRenderer(window, 'group:open', bad)).toBe(false);
    expect(sent).toEqual([]);
    expect(error).toHaveBeenCalledWith('events: not sending group:open: its payload is not valid');
  });
});

describe('createRendererOutbox', () => {
  it('keeps events until the page has loaded, then sends them in order', () => {
    const outbox = createRendererOutbox();
    outbox.send('link:open', { link });
    const { window, sent, emit } = fakeWindow();
    outbox.attach(window);
    outbox.send('group:open', { groupId });
    emit('did-start-loading');
    expect(sent).toEqual([]);
    emit('did-finish-load');
    expect(sent).toEqual([
      ['link:open', { link }],
      ['group:open', { groupId }],
    ]);
  });

  it('sends at once while the page is ready', () => {
    const outbox = createRendererOutbox();
    const { window, sent, emit } = fakeWindow();
    outbox.attach(window);
    emit('did-finish-load');
    outbox.send('link:open', { link });
    expect(sent).toEqual<[string, unknown][]>([['link:open', { link }]]);
  });

  it('keeps only the last few while nothing can take them', () => {
    const outbox = createRendererOutbox();
    for (let i = 0; i < MAX_WAITING_EVENTS + 3; i++) {
      outbox.send('group:open', { groupId: i.toString(16).padStart(64, '0') });
    }
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn).toHaveBeenCalledWith(
      'events: dropped a waiting group:open: the page never loaded',
    );
    const { window, sent, emit } = fakeWindow();
    outbox.attach(window);
    emit('did-finish-load');
    expect(sent.map(([, p]) => (p as { groupId: string }).groupId.slice(-1))).toEqual([
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  it('waits again while the page reloads or after its renderer is gone', () => {
    const outbox = createRendererOutbox();
    const { window, sent, emit } = fakeWindow();
    outbox.attach(window);
    emit('did-finish-load');
    emit('render-process-gone');
    outbox.send('link:open', { link });
    emit('did-start-loading');
    expect(sent).toEqual([]);
    emit('did-finish-load');
    expect(sent).toEqual<[string, unknown][]>([['link:open', { link }]]);
  });

  it('waits for the next window once the window is destroyed', () => {
    const outbox = createRendererOutbox();
    const first = fakeWindow();
    outbox.attach(first.window);
    first.emit('did-finish-load');
    first.destroy();
    outbox.send('link:open', { link });
    expect(first.sent).toEqual([]);
    const second = fakeWindow();
    outbox.attach(second.window);
    // A late event of the old window does not make the new one ready.
    first.emit('did-finish-load');
    expect(second.sent).toEqual([]);
    second.emit('did-finish-load');
    expect(second.sent).toEqual<[string, unknown][]>([['link:open', { link }]]);
  });

  it('never keeps an invalid payload', () => {
    const outbox = createRendererOutbox();
    outbox.send('link:open', { link: 'https://example.org/' });
    const { window, sent, emit } = fakeWindow();
    outbox.attach(window);
    emit('did-finish-load');
    expect(sent).toEqual([]);
    expect(error).toHaveBeenCalledWith('events: not sending link:open: its payload is not valid');
  });
});
