import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Page } from '../../../shared/repo/handle.ts';
import type { MemberItem } from '../../../shared/repo/views.ts';
import type { Identity } from '../identity/identity.ts';
import { createSyncStore, type SyncState, type SyncStore } from './store.ts';

const SyncContext = createContext<SyncStore | null>(null);

/** Starts the sync engine for this identity and makes it available to the tree below. */
export function SyncProvider(props: { identity: Identity; children: ReactNode }) {
  const { identity, children } = props;
  const store = useMemo(() => createSyncStore(identity), [identity]);
  return <SyncContext value={store}>{children}</SyncContext>;
}

export function useSyncStore(): SyncStore {
  const store = useContext(SyncContext);
  if (!store) throw new Error('useSyncStore must be used inside <SyncProvider>');
  return store;
}

/** The group list and the engine's status; re-renders when they change. */
export function useGroups(): SyncState {
  const store = useSyncStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

const CONVERSATION_PAGE = 100;

/** The latest page of one conversation and its members, refreshed when they change. */
export function useConversation(groupId: string): { page: Page | null; members: MemberItem[] } {
  const store = useSyncStore();
  const version = useSyncExternalStore(store.subscribe, () => store.version(groupId));
  const [data, setData] = useState<{ id: string; page: Page | null; members: MemberItem[] }>({
    id: groupId,
    page: null,
    members: [],
  });
  useEffect(() => {
    const client = store.client();
    if (!client) return;
    let live = true;
    Promise.all([client.page(groupId, 'latest', CONVERSATION_PAGE, 0), client.members(groupId)])
      .then(([page, members]) => {
        if (live) setData({ id: groupId, page, members });
      })
      .catch((error: unknown) => {
        console.error('Loading the conversation failed', error);
      });
    return () => {
      live = false;
    };
  }, [store, groupId, version]);
  return data.id === groupId ? data : { page: null, members: [] };
}
