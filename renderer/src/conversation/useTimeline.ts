import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useSyncStore } from '../sync/hooks.tsx';
import { createTimeline, type Timeline, type TimelineSnapshot } from './paging.ts';

/**
 * One conversation's message pages (paging.ts), opened once (from the first unread message
 * when `fromFirstUnread` was true on mount) and refreshed in place whenever the store says
 * the group changed.
 */
export function useTimeline(
  groupId: string,
  fromFirstUnread: boolean,
): { snapshot: TimelineSnapshot; timeline: Timeline } {
  const store = useSyncStore();
  const [timeline] = useState(() =>
    createTimeline((anchor, before, after) => {
      const client = store.client();
      return client
        ? client.page(groupId, anchor, before, after)
        : Promise.reject(new Error('The sync engine is not running.'));
    }),
  );
  const snapshot = useSyncExternalStore(timeline.subscribe, timeline.getSnapshot);
  const version = useSyncExternalStore(store.subscribe, () => store.version(groupId));
  const [openFromUnread] = useState(fromFirstUnread);
  const loaded = useRef<number | null>(null);
  useEffect(() => {
    if (loaded.current === version) return;
    const first = loaded.current === null;
    loaded.current = version;
    void (first ? timeline.open(openFromUnread) : timeline.refresh());
  }, [timeline, version, openFromUnread]);
  return { snapshot, timeline };
}
