import { equalityDeep } from 'lib0/function';
import type { Anchor, Page } from '../../../shared/repo/handle.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';

/** Asks the worker for messages around an anchor (SyncApi.page, bound to one group). */
export type PageSource = (anchor: Anchor, before: number, after: number) => Promise<Page>;

/** How many messages one load brings, above or below what is shown. */
export const PAGE_SIZE = 60;

/** Where a freshly loaded window should open: which message, and where in the view. */
export type Focus = { id: string; align: 'start' | 'center' | 'end' };

/**
 * What the message list shows of one conversation: a contiguous run of its messages (never
 * the whole group), loaded a page at a time around where the person looks.
 */
export type TimelineSnapshot = {
  status: 'loading' | 'ready';
  /** The last load's failure, to show; what was shown stays. */
  /** Why the last load failed (worded when drawn), or null. */
  error: Reason | null;
  items: readonly MessageItem[];
  /** Position of `items[0]` in the whole conversation. */
  start: number;
  /** Messages in the whole conversation. */
  total: number;
  /** Bumps when the run was replaced (opened, or a jump far away): the list starts over. */
  generation: number;
  /** Where the run of this generation opens. */
  focus: Focus | null;
  /** The first message that was unread when the group was opened: the divider goes above. */
  unreadFrom: string | null;
  /** How many messages come before `unreadFrom` (what had been read), when opened there. */
  readCount: number | null;
  /** Messages that came in at the end since the last snapshot (the list follows mine). */
  arrived: readonly MessageItem[];
  /** The latest messages of others that came in at the end, kept until newer ones come. */
  heard: readonly MessageItem[];
};

export type Timeline = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => TimelineSnapshot;
  /**
   * Loads the latest messages, or (when asked) from the first unread one, unless nothing here
   * was ever read: then the latest too.
   */
  open(fromFirstUnread: boolean): Promise<void>;
  /** One more page above (scrolled near the top). */
  older(): Promise<void>;
  /** One more page below, when the run does not reach the conversation's end. */
  newer(): Promise<void>;
  /** Something changed in the group: loads the run again in place, and what came after it. */
  refresh(): Promise<void>;
  /** Brings a message into the run (loading around it if needed); false if it is not here. */
  reveal(id: string): Promise<boolean>;
  /** Loads the latest page if the run does not reach the conversation's end. */
  latest(): Promise<void>;
};

/**
 * What is shown before the worker can answer (the recent window, at start): a page, and where
 * the unread messages began if that is inside it.
 */
export type InitialWindow = { page: Page; unreadFrom: number | null };

function seeded({ page, unreadFrom }: InitialWindow): TimelineSnapshot {
  const last = page.items.at(-1);
  // Never the first message (nothing was read before it) nor outside the page.
  const first =
    unreadFrom === null || unreadFrom === 0 ? null : page.items[unreadFrom - page.start];
  return {
    ...EMPTY,
    status: 'ready',
    items: page.items,
    start: page.start,
    total: page.total,
    generation: 1,
    ...(first && unreadFrom !== null
      ? { focus: { id: first.id, align: 'start' }, unreadFrom: first.id, readCount: unreadFrom }
      : { focus: last ? { id: last.id, align: 'end' } : null }),
  };
}

/**
 * `next`, with each message that has not changed since `previous` as the object shown before
 * (and `previous` itself when none did): rows are memoized by their message, so a refresh
 * draws again only what changed, not every row on screen.
 */
export function keepUnchanged(
  previous: readonly MessageItem[],
  next: readonly MessageItem[],
): readonly MessageItem[] {
  if (previous.length === 0) return next;
  const shown = new Map(previous.map((item) => [item.id, item]));
  let same = previous.length === next.length;
  const kept = next.map((item, index) => {
    const old = shown.get(item.id);
    const keep = old !== undefined && equalityDeep(old, item) ? old : item;
    if (keep !== previous[index]) same = false;
    return keep;
  });
  return same ? previous : kept;
}

const EMPTY: TimelineSnapshot = {
  status: 'loading',
  error: null,
  items: [],
  start: 0,
  total: 0,
  generation: 0,
  focus: null,
  unreadFrom: null,
  readCount: null,
  arrived: [],
  heard: [],
};

/**
 * The paging logic behind the message list, apart from React so it can be tested. Loads run
 * one at a time, in order, so a refresh never overwrites a page that came in meanwhile; a
 * refresh asked for while another waits is dropped (the waiting one sees the change too).
 */
/**
 * `initial`: a page to show before the worker can answer (the recent window, at start): the
 * run begins with it, and the first `refresh` loads the same messages in place.
 */
export function createTimeline(source: PageSource, initial?: InitialWindow): Timeline {
  let snapshot = initial ? seeded(initial) : EMPTY;
  const listeners = new Set<() => void>();
  let queue: Promise<void> = Promise.resolve();
  let refreshQueued = false;

  const set = (next: Partial<TimelineSnapshot>) => {
    snapshot = { ...snapshot, arrived: [], ...next };
    for (const listener of listeners) listener();
  };

  const run = (task: () => Promise<void>): Promise<void> => {
    const done = queue.then(async () => {
      try {
        await task();
      } catch (caught) {
        console.error('Loading messages failed', caught);
        set({ status: 'ready', error: reasonFrom(caught) });
      }
    });
    queue = done;
    return done;
  };

  const end = () => snapshot.start + snapshot.items.length;

  const replace = (page: Page, focus: Focus | null, unread?: { id: string; at: number }) => {
    set({
      status: 'ready',
      error: null,
      items: page.items,
      start: page.start,
      total: page.total,
      generation: snapshot.generation + 1,
      focus,
      ...(unread ? { unreadFrom: unread.id, readCount: unread.at } : {}),
    });
  };

  const openLatest = async () => {
    const page = await source('latest', PAGE_SIZE, 0);
    const last = page.items.at(-1);
    replace(page, last ? { id: last.id, align: 'end' } : null);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,

    open: (fromFirstUnread) =>
      run(async () => {
        if (!fromFirstUnread) return openLatest();
        const page = await source('first-unread', PAGE_SIZE, PAGE_SIZE);
        const first = page.items[page.anchorIndex];
        const at = page.start + page.anchorIndex;
        // Never read anything here (just joined, say): the history is not news; the latest is.
        if (!first || at === 0) return openLatest();
        replace(page, { id: first.id, align: 'start' }, { id: first.id, at });
      }),

    older: () =>
      run(async () => {
        const first = snapshot.items[0];
        if (!first || snapshot.start === 0) return;
        const page = await source({ id: first.id }, PAGE_SIZE, 0);
        // The run's first message is the anchor, the page's last: what is above it is new.
        if (page.anchorIndex < 0 || snapshot.items[0] !== first) return;
        set({
          items: [...page.items.slice(0, page.anchorIndex), ...snapshot.items],
          start: page.start,
          total: page.total,
          error: null,
        });
      }),

    newer: () =>
      run(async () => {
        const last = snapshot.items.at(-1);
        if (!last || end() >= snapshot.total) return;
        const page = await source({ id: last.id }, 0, PAGE_SIZE);
        if (page.anchorIndex < 0 || snapshot.items.at(-1) !== last) return;
        set({
          items: [...snapshot.items, ...page.items.slice(page.anchorIndex + 1)],
          total: page.total,
          error: null,
        });
      }),

    refresh: () => {
      if (refreshQueued) return queue;
      refreshQueued = true;
      return run(async () => {
        refreshQueued = false;
        const first = snapshot.items[0];
        // Nothing shown yet (an empty group): the latest page is the whole story.
        if (!first) return openLatest();
        const atEnd = end() >= snapshot.total;
        const before = snapshot.items.length;
        // In place: the same first message, as many as before, and (when the run reached the
        // end) up to a page of what came after; the list loads more as it follows.
        const page = await source({ id: first.id }, 0, before - 1 + (atEnd ? PAGE_SIZE : 0));
        if (page.anchorIndex < 0) return openLatest();
        const items = keepUnchanged(snapshot.items, page.items.slice(page.anchorIndex));
        const lastBefore = snapshot.items.at(-1)?.id;
        const from = items.findIndex((item) => item.id === lastBefore);
        const arrived = atEnd && from >= 0 ? items.slice(from + 1) : [];
        const others = arrived.filter((item) => !item.mine && !item.deleted);
        set({
          items,
          start: page.start + page.anchorIndex,
          total: page.total,
          error: null,
          arrived,
          ...(others.length > 0 ? { heard: others } : {}),
        });
      });
    },

    reveal: async (id) => {
      let found = false;
      await run(async () => {
        if (snapshot.items.some((item) => item.id === id)) {
          found = true;
          return;
        }
        const page = await source({ id }, PAGE_SIZE, PAGE_SIZE);
        if (page.anchorIndex < 0) return;
        found = true;
        replace(page, { id, align: 'center' });
      });
      return found;
    },

    latest: () =>
      run(async () => {
        if (snapshot.status === 'ready' && end() >= snapshot.total) return;
        await openLatest();
      }),
  };
}
