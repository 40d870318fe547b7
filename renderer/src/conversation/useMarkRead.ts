import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useSyncStore } from '../sync/hooks.tsx';

const subscribeVisibility = (listener: () => void) => {
  document.addEventListener('visibilitychange', listener);
  return () => {
    document.removeEventListener('visibilitychange', listener);
  };
};
const pageVisible = () => document.visibilityState === 'visible';

/**
 * Marks the conversation read up to its latest message once that message is on screen: the
 * list is at the bottom, reaches the conversation's end, and the page is visible. A message
 * that arrives while the person is scrolled up (or away) stays unread.
 */
export function useMarkRead(
  groupId: string,
  state: { atBottom: boolean; liveEnd: boolean; lastId: string | null },
): void {
  const store = useSyncStore();
  const visible = useSyncExternalStore(subscribeVisibility, pageVisible);
  const marked = useRef<string | null>(null);
  const { atBottom, liveEnd, lastId } = state;
  useEffect(() => {
    if (!atBottom || !liveEnd || !visible || !lastId || marked.current === lastId) return;
    const client = store.client();
    if (!client) return;
    marked.current = lastId;
    client
      .markRead(groupId, lastId)
      .then(() => store.refresh())
      .catch((caught: unknown) => {
        console.error('Marking as read failed', caught);
      });
  }, [atBottom, liveEnd, visible, lastId, store, groupId]);
}
