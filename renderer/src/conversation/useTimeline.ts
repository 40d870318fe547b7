import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useSyncStore } from '../sync/hooks.tsx';
import {
  createTimeline,
  type InitialWindow,
  type Timeline,
  type TimelineSnapshot,
} from './paging.ts';

/**
 * One conversation's message pages (paging.ts), opened once (from the first unread message
 * when `fromFirstUnread` was true on mount, or from `initial`, the recent window shown while
 * the engine starts) and refreshed in place whenever the store says the group changed.
 */
export function useTimeline(
  groupId: string,
  fromFirstUnread: boolean,
  initial: InitialWindow | null = null,
): { snapshot: TimelineSnapshot; timeline: Timeline } {
  const store = useSyncStore();
  const [timeline] = useState(() =>
    createTimeline((anchor, before, after) => {
      const client = store.client();
      return client
        ? client.page(groupId, anchor, before, after)
        : Promise.reject(new Error('The sync engine is not running.'));
    }, initial ?? undefined),
  );
  const [seeded] = useState(initial !== null);
  // Shown from the recent window while the engine starts: nothing to load until it runs.
  const running = useSyncExternalStore(store.subscribe, () => store.client() !== null);
  const snapshot = useSyncExternalStore(timeline.subscribe, timeline.getSnapshot);
  const version = useSyncExternalStore(store.subscribe, () => store.version(groupId));
  const [openFromUnread] = useState(fromFirstUnread);
  const loaded = useRef<number | null>(null);
  useEffect(() => {
    if (!running || loaded.current === version) return;
    const first = loaded.current === null;
    loaded.current = version;
    // A run seeded from the recent window loads the same messages in place: no jump.
    void (first && !seeded ? timeline.open(openFromUnread) : timeline.refresh());
  }, [timeline, version, openFromUnread, running, seeded]);
  return { snapshot, timeline };
}
