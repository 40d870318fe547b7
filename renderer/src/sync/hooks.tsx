import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Page, PresenceItem } from '../../../shared/repo/handle.ts';
import type { SyncReport } from './api.ts';
import { roomStatus } from './client.ts';
import { peerConnectionsMade, type RoomStatus } from './webrtc-host.ts';
import { usePlatform } from '../app/context.tsx';
import { watchForRecycle } from './recycle.ts';
import type { MemberItem } from '../../../shared/repo/views.ts';
import type { Identity } from '../identity/identity.ts';
import { createSyncStore, type SyncState, type SyncStore } from './store.ts';

const SyncContext = createContext<SyncStore | null>(null);

/** Starts the sync engine for this identity and makes it available to the tree below. */
export function SyncProvider(props: { identity: Identity; children: ReactNode }) {
  const { identity, children } = props;
  const store = useMemo(() => createSyncStore(identity), [identity]);
  const platform = usePlatform();
  // Fresh renderer before Chromium's peer-connection cap, at an idle moment (recycle.ts).
  useEffect(
    () =>
      watchForRecycle({
        connectionsMade: peerConnectionsMade,
        recycle: () => platform.recycle(),
      }),
    [platform],
  );
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

const NOBODY: PresenceItem = { online: [], typing: [], readUpTo: [] };

/** Who else is in the group's room now: online, typing, and how far each has read. */
export function usePresence(groupId: string): PresenceItem {
  const store = useSyncStore();
  const version = useSyncExternalStore(store.subscribe, () => store.presenceVersion(groupId));
  const [data, setData] = useState<{ id: string; presence: PresenceItem }>({
    id: groupId,
    presence: NOBODY,
  });
  useEffect(() => {
    const client = store.client();
    if (!client) return;
    let live = true;
    client
      .presence(groupId)
      .then((presence) => {
        if (live) setData({ id: groupId, presence });
      })
      .catch((error: unknown) => {
        console.error('Loading presence failed', error);
      });
    return () => {
      live = false;
    };
  }, [store, groupId, version]);
  return data.id === groupId ? data.presence : NOBODY;
}

const STATUS_POLL_MS = 1000;

const sameStatus = (a: RoomStatus | null, b: RoomStatus | null) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The group's room as the network sees it now: peers and signaling servers. Read on the UI
 * thread (where WebRTC lives) once a second: y-webrtc has no event for every change we show.
 */
export function useRoomStatus(groupId: string): RoomStatus | null {
  const [status, setStatus] = useState<RoomStatus | null>(() => roomStatus(groupId));
  useEffect(() => {
    const look = () => {
      const next = roomStatus(groupId);
      setStatus((current) => (sameStatus(current, next) ? current : next));
    };
    look();
    const timer = setInterval(look, STATUS_POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [groupId]);
  return status;
}

/** Blobs refused and forks found in a group, for the sync panel. */
export function useSyncReport(groupId: string): SyncReport {
  const store = useSyncStore();
  const version = useSyncExternalStore(store.subscribe, () => store.version(groupId));
  const [report, setReport] = useState<SyncReport>({ rejected: [], forks: [] });
  useEffect(() => {
    const client = store.client();
    if (!client) return;
    let live = true;
    client
      .syncReport(groupId)
      .then((next) => {
        if (live) setReport(next);
      })
      .catch((error: unknown) => {
        console.error('Loading the sync report failed', error);
      });
    return () => {
      live = false;
    };
  }, [store, groupId, version]);
  return report;
}
