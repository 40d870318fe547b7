import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResults } from '../../../shared/search/searches.ts';
import { useSyncStore } from '../sync/hooks.tsx';

/** Typing settles this long before the worker is asked. */
const SETTLE_MS = 120;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string; last: SearchResults | null }
  | { status: 'done'; query: string; results: SearchResults }
  | { status: 'failed'; query: string; message: string };

/** The worker's answer, and what it answered: a query, at a version of the data. */
type Answer = { query: string; version: unknown } & (
  { results: SearchResults } | { message: string }
);

/**
 * The worker's answer to `query` in one group (or all when `groupId` is null), asked again
 * when the group's messages change, so an edit or a delete shows at once. Stale answers are
 * dropped; while a new one is on its way the last results stay (no flicker).
 */
export function useSearch(query: string, groupId: string | null): SearchState {
  const store = useSyncStore();
  const { t } = useTranslation('search');
  // Any change to the group (or, searching everywhere, to the list of groups) asks again.
  const version = useSyncExternalStore(store.subscribe, () =>
    groupId === null ? store.getSnapshot() : store.version(groupId),
  );
  const [answer, setAnswer] = useState<Answer | null>(null);
  const blank = query.trim() === '';
  useEffect(() => {
    if (blank) return;
    let live = true;
    const timer = setTimeout(() => {
      // While the engine opens the groups it already answers searches (sync/worker.ts).
      const client = store.searcher();
      if (!client) {
        setAnswer({ query, version, message: t('starting') });
        return;
      }
      client
        .search(query, groupId === null ? {} : { groupId })
        .then((results) => {
          if (live) setAnswer({ query, version, results });
        })
        .catch((error: unknown) => {
          if (!live) return;
          const message = error instanceof Error ? error.message : String(error);
          setAnswer({ query, version, message });
        });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [store, query, blank, groupId, version, t]);

  if (blank) return { status: 'idle' };
  if (answer?.query === query && answer.version === version)
    return 'results' in answer
      ? { status: 'done', query, results: answer.results }
      : { status: 'failed', query, message: answer.message };
  return {
    status: 'searching',
    query,
    last: answer && 'results' in answer ? answer.results : null,
  };
}
