import type { LinkOfferStatus } from '../../../shared/repo/link.ts';
import type { GroupSummary, JoinStatus } from '../../../shared/repo/repo.ts';
import type { Identity } from '../identity/identity.ts';
import type { SyncEvent } from './api.ts';
import type { EarlyWindow } from './early-window.ts';
import { startSyncEngine, type SyncClient } from './client.ts';
import { awaitDeviceLock, ELSEWHERE_MESSAGE, holdDeviceLock, pageLocks } from './device-lock.ts';

export type SyncState = {
  /** `elsewhere`: another tab or window of this device runs the engine; this one waits. */
  status: 'starting' | 'ready' | 'failed' | 'elsewhere';
  /** While starting: the list as the sidebar last showed it (the early window's), if saved. */
  groups: GroupSummary[];
  error: string | null;
  /**
   * While starting: the last open group's latest messages as last shown (its recent window),
   * painted before its doc has loaded; null once the groups are open, or if there is none.
   */
  early: EarlyWindow | null;
};

/**
 * The UI thread's view of the sync engine: an external store (for useSyncExternalStore) of
 * the group list, plus a per-group change counter that conversation views subscribe to.
 */
export type SyncStore = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SyncState;
  client: () => SyncClient | null;
  /** The engine to search: it answers while it opens the groups, before `client` is there. */
  searcher: () => SyncClient | null;
  /** Bumps whenever a group's messages, members or delivery state change. */
  version: (groupId: string) => number;
  /** Bumps whenever who is here, typing or has read something changes in a group. */
  presenceVersion: (groupId: string) => number;
  /** The latest status of a join request, or undefined while none has arrived. */
  joinStatus: (joinId: number) => JoinStatus | undefined;
  /** How the open offer to link a new device stands, or null when none is open. */
  linkStatus: () => LinkOfferStatus | null;
  forgetLink: () => void;
  refresh: () => Promise<void>;
};

/**
 * `onLinkedOpened` runs once the engine has opened the groups a just-linked device was
 * handed (their sealed copy can go); `early` is the last open group's recent window, read as
 * the app loaded (early-window.ts), shown while the engine starts.
 */
export function createSyncStore(
  identity: Identity,
  onLinkedOpened: () => Promise<void> = () => Promise.resolve(),
  early: EarlyWindow | null = null,
): SyncStore {
  let state: SyncState = { status: 'starting', groups: early?.groups ?? [], error: null, early };
  let client: SyncClient | null = null;
  // The worker while it starts: it may be searched already (`searcher`).
  let starting: SyncClient | null = null;
  const versions = new Map<string, number>();
  const presenceVersions = new Map<string, number>();
  const bump = (map: Map<string, number>, id: string) => {
    map.set(id, (map.get(id) ?? 0) + 1);
  };
  const joins = new Map<number, JoinStatus>();
  let link: LinkOfferStatus | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const set = (next: Partial<SyncState>) => {
    state = { ...state, ...next };
    notify();
  };
  const refresh = async () => {
    if (client) set({ groups: await client.groups() });
  };
  const onEvent = (event: SyncEvent) => {
    if (event.type === 'presence' || event.type === 'delivery') {
      // Neither changes the group list: only the open conversation looks again.
      bump(event.type === 'presence' ? presenceVersions : versions, event.groupId);
      notify();
      return;
    }
    if (event.type === 'link') {
      link = event.status;
      notify();
      return;
    }
    if (event.type === 'join') {
      joins.set(event.joinId, event.status);
      notify();
    } else if (event.type !== 'groups') {
      bump(versions, event.groupId);
    }
    refresh().catch((error: unknown) => {
      console.error('Refreshing the group list failed', error);
    });
  };
  holdDeviceLock()
    .then(async (mine) => {
      if (!mine) {
        // Only one engine per device (DESIGN §5): this page waits, then takes over.
        set({ status: 'elsewhere', error: ELSEWHERE_MESSAGE, early: null, groups: [] });
        await awaitDeviceLock(pageLocks());
        set({ status: 'starting', error: null });
      }
      return startSyncEngine(identity, onEvent, (remote) => {
        starting = remote;
      });
    })
    .then(async ({ remote, linkedOpened }) => {
      client = remote;
      set({ status: 'ready', groups: await remote.groups(), early: null });
      if (linkedOpened) await onLinkedOpened();
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error('The sync engine could not start', error);
      set({ status: 'failed', error: message, early: null, groups: [] });
    });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    client: () => client,
    searcher: () => client ?? (state.status === 'failed' ? null : starting),
    version: (groupId) => versions.get(groupId) ?? 0,
    presenceVersion: (groupId) => presenceVersions.get(groupId) ?? 0,
    joinStatus: (joinId) => joins.get(joinId),
    linkStatus: () => link,
    forgetLink() {
      link = null;
      notify();
    },
    refresh,
  };
}

const stores = new WeakMap<Identity, SyncStore>();

/**
 * The sync store of this identity, made once: main.tsx makes it as the session becomes ready,
 * before React draws the main screen (so the engine starts while it draws), and SyncProvider
 * takes the same one.
 */
export function syncStoreFor(
  identity: Identity,
  onLinkedOpened: () => Promise<void>,
  early: EarlyWindow | null,
): SyncStore {
  let store = stores.get(identity);
  if (!store) {
    store = createSyncStore(identity, onLinkedOpened, early);
    stores.set(identity, store);
  }
  return store;
}
