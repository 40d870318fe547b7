import { eventSchemas, type EventName, type EventPayload } from '../../shared/ipc/events.ts';

/** The part of Electron's `WebContents` that receives events. */
export type EventContents = {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
};

/** The part of a `BrowserWindow` events are sent to. */
export type EventWindow = { isDestroyed(): boolean; readonly webContents: EventContents };

/**
 * Sends one event of `shared/ipc/events.ts` to a window's page, which the preload hands to
 * the page's listeners. The payload is parsed with the same schema the preload uses, so a bug
 * in main cannot send what the page would drop. Returns whether it was sent: not when the
 * window is gone or the payload is invalid. A page still loading may miss it; use
 * `createRendererOutbox` for events that must arrive.
 */
export function sendToRenderer<E extends EventName>(
  window: EventWindow | null | undefined,
  event: E,
  payload: EventPayload<E>,
): boolean {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return false;
  const parsed = eventSchemas[event].safeParse(payload);
  if (!parsed.success) {
    console.error(`events: not sending ${event}: its payload is not valid`);
    return false;
  }
  window.webContents.send(event, parsed.data);
  return true;
}

/** The part of `WebContents` the outbox follows to know when its page can listen. */
export type OutboxContents = EventContents & {
  on(
    event: 'did-start-loading' | 'did-finish-load' | 'render-process-gone' | 'destroyed',
    listener: () => void,
  ): unknown;
};

export type OutboxWindow = { isDestroyed(): boolean; readonly webContents: OutboxContents };

/** Events kept while no page can take them; older ones are dropped first. */
export const MAX_WAITING_EVENTS = 5;

/** Events to the main window's page that wait while it is loading. */
export type RendererOutbox = {
  /**
   * Follows this window (replacing any earlier one); call it before the window loads. Its
   * page is ready after `did-finish-load`, and not while it loads again, after its renderer
   * crashed or once it is destroyed.
   */
  attach(window: OutboxWindow): void;
  /** Sends now when the page is ready; otherwise keeps the event until it is. */
  send<E extends EventName>(event: E, payload: EventPayload<E>): void;
};

type Waiting = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/**
 * Main's way to push events that must not be lost to a page that is still starting: a deep
 * link at cold start, a notification clicked while the window reloads. At most
 * `MAX_WAITING_EVENTS` wait; each drop is logged with the event's name only.
 */
export function createRendererOutbox(limit = MAX_WAITING_EVENTS): RendererOutbox {
  let target: OutboxWindow | null = null;
  let ready = false;
  const waiting: Waiting[] = [];

  const flush = () => {
    while (ready && target !== null && waiting.length > 0) {
      const next = waiting.shift();
      if (next !== undefined) sendToRenderer(target, next.event, next.payload);
    }
  };

  return {
    attach(window) {
      const contents = window.webContents;
      target = window;
      ready = false;
      const follow = (state: boolean) => () => {
        if (target !== window) return;
        ready = state;
        flush();
      };
      contents.on('did-start-loading', follow(false));
      contents.on('render-process-gone', follow(false));
      contents.on('did-finish-load', follow(true));
      contents.on('destroyed', () => {
        if (target !== window) return;
        target = null;
        ready = false;
      });
    },
    send(event, payload) {
      if (!eventSchemas[event].safeParse(payload).success) {
        console.error(`events: not sending ${event}: its payload is not valid`);
        return;
      }
      if (ready && target !== null && sendToRenderer(target, event, payload)) return;
      // TypeScript cannot pair a generic event with its payload inside a union; send's
      // signature already did.
      waiting.push({ event, payload } as Waiting);
      if (waiting.length > limit) {
        const dropped = waiting.shift();
        console.warn(
          `events: dropped a waiting ${dropped?.event ?? 'event'}: the page never loaded`,
        );
      }
    },
  };
}
