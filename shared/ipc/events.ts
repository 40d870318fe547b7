import { z } from '../zod.ts';

/**
 * Every event main pushes to the page, as `namespace:action`: the only main→renderer path.
 * Main sends them with `webContents.send`; the preload checks the name and parses the
 * payload with the schema below before any page listener sees it. Each name is its own IPC
 * channel, apart from the invoke channels in `channels.ts` (a test keeps them apart).
 */
export const eventNames = ['link:open', 'group:open', 'menu:command'] as const;

export type EventName = (typeof eventNames)[number];

/** The application-menu items the page acts on (electron/main/app-menu.ts). */
export const MENU_COMMANDS = ['new-group', 'join-group', 'settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Longest invite link main forwards; the same cap as `MAX_INVITE_INPUT_LENGTH`. */
export const MAX_EVENT_LINK_LENGTH = 2048;

/**
 * The payload of each event. `link:open` carries an invite link main has already decoded
 * and written out again in its one canonical form; `group:open` a group id (64 hex digits).
 */
export const eventSchemas = {
  'link:open': z.strictObject({
    link: z
      .string()
      .check(
        z.maxLength(MAX_EVENT_LINK_LENGTH),
        z.regex(
          /^fellows:\/\/join\/[A-Za-z0-9_-]+$/,
          'only fellows://join/ invite links are opened',
        ),
      ),
  }),
  'group:open': z.strictObject({
    groupId: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a group id is 64 lower-case hex digits')),
  }),
  /** An application-menu item that opens a screen of the page. */
  'menu:command': z.strictObject({ command: z.enum(MENU_COMMANDS) }),
} satisfies Record<EventName, z.ZodMiniType>;

export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * `window.fellows.on(event, listener)`: calls `listener` with each checked payload of that
 * event and returns the function that stops it. (A returned function rather than an `off`:
 * the context bridge hands main-world functions over as new proxies each time, so an `off`
 * could never find the listener again.)
 */
export type SubscribeToEvent = <E extends EventName>(
  event: E,
  listener: EventListener<E>,
) => () => void;

/** Hands each raw message of one event to `receive`; the preload wraps `ipcRenderer.on`. */
export type Listen = (event: EventName, receive: (payload: unknown) => void) => void;

/** Events that arrive before the page listens are held, the last few of each name. */
export const MAX_HELD_EVENTS = 5;

/** Whether a value names one of the events main sends. */
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}

/**
 * Builds the bridge's `on` from a raw listener. Unknown names are refused when the page
 * subscribes; a payload that does not parse is dropped with a warning that names the event
 * but never the value. Events that arrive while nobody listens wait (the last
 * `MAX_HELD_EVENTS` of each name) and go to the first listener of that name.
 */
export function createEventHub(listen: Listen, warn: (line: string) => void): SubscribeToEvent {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const held = new Map<EventName, unknown[]>();

  const deliver = (event: EventName, listener: (payload: unknown) => void, payload: unknown) => {
    try {
      listener(payload);
    } catch (error) {
      // One broken listener must not keep the event from the others.
      warn(
        `events: a listener for ${event} threw ${error instanceof Error ? error.name : 'a value'}`,
      );
    }
  };

  const receive = (event: EventName, raw: unknown) => {
    const parsed = eventSchemas[event].safeParse(raw);
    if (!parsed.success) {
      warn(`events: dropped ${event}: its payload is not valid`);
      return;
    }
    const current = listeners.get(event);
    if (current === undefined || current.size === 0) {
      const waiting = held.get(event) ?? [];
      waiting.push(parsed.data);
      if (waiting.length > MAX_HELD_EVENTS) {
        waiting.shift();
        warn(`events: dropped the oldest waiting ${event}: nobody listened`);
      }
      held.set(event, waiting);
      return;
    }
    for (const listener of [...current]) deliver(event, listener, parsed.data);
  };

  for (const event of eventNames) {
    listen(event, (raw) => {
      receive(event, raw);
    });
  }

  return (event: unknown, listener: unknown) => {
    if (!isEventName(event)) throw new TypeError('fellows.on: that is not an event the app sends.');
    if (typeof listener !== 'function') {
      throw new TypeError('fellows.on: the listener must be a function.');
    }
    const own = (payload: unknown) => {
      (listener as (payload: unknown) => void)(payload);
    };
    const current = listeners.get(event) ?? new Set();
    current.add(own);
    listeners.set(event, current);
    const waiting = held.get(event);
    held.delete(event);
    for (const payload of waiting ?? []) deliver(event, own, payload);
    return () => {
      current.delete(own);
    };
  };
}
