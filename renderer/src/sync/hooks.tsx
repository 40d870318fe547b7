import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { PresenceItem } from '../../../shared/repo/handle.ts';
import type { SyncReport } from './api.ts';
import { roomStatus, type SyncClient } from './client.ts';
import { peerConnectionsMade } from './connections-made.ts';
import type { RoomStatus } from './webrtc-host.ts';
import { usePlatform, useSession } from '../app/context.tsx';
import { watchForRecycle } from './recycle.ts';
import { watchForAttention } from '../attention/watch.ts';
import { windowAttention } from '../attention/window-attention.ts';
import type { MemberItem, Standing } from '../../../shared/repo/views.ts';
import type { JoinRequestItem } from '../../../shared/repo/admit.ts';
import type { Notice } from '../../../shared/repo/notices.ts';
import type { Identity } from '../identity/identity.ts';
import { syncStoreFor, type SyncState, type SyncStore } from './store.ts';
import type { EarlyWindow } from './early-window.ts';

const SyncContext = createContext<SyncStore | null>(null);

/** Starts the sync engine for this identity and makes it available to the tree below. */
export function SyncProvider(props: {
  identity: Identity;
  /** The last open group's recent window, drawn until the group has opened. */
  early: EarlyWindow | null;
  children: ReactNode;
}) {
  const { identity, early, children } = props;
  const session = useSession();
  const store = useMemo(
    () => syncStoreFor(identity, session.linkedGroupsOpened, early),
    [identity, session, early],
  );
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
  // Notifications for new messages, and the unread count in the title and on the badge.
  useEffect(
    () =>
      watchForAttention({
        subscribe: store.subscribe,
        getSnapshot: store.getSnapshot,
        platform,
        ...windowAttention(),
      }),
    [store, platform],
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

/**
 * What `load` gives for one group, loaded again each time the group's `version` (or
 * `presenceVersion`) moves; `empty` until the first answer for this group, never another
 * group's data. `load` and `empty` must be stable (module-level).
 */
function useGroupData<T>(
  groupId: string,
  counter: 'version' | 'presenceVersion',
  load: (client: SyncClient, groupId: string) => Promise<T>,
  empty: T,
  what: string,
): T {
  const store = useSyncStore();
  const version = useSyncExternalStore(store.subscribe, () => store[counter](groupId));
  const [data, setData] = useState<{ id: string; value: T } | null>(null);
  useEffect(() => {
    const client = store.client();
    if (!client) return;
    let live = true;
    load(client, groupId)
      .then((value) => {
        if (live) setData({ id: groupId, value });
      })
      .catch((error: unknown) => {
        console.error(`Loading ${what} failed`, error);
      });
    return () => {
      live = false;
    };
  }, [store, groupId, version, load, what]);
  return data?.id === groupId ? data.value : empty;
}

type ConversationData = {
  members: MemberItem[];
  standing: Standing;
  requests: JoinRequestItem[];
  notices: readonly Notice[];
};
const NO_CONVERSATION: ConversationData = {
  members: [],
  standing: { state: 'member', admin: false, adminsApproveJoins: false },
  requests: [],
  notices: [],
};
const loadConversation = async (client: SyncClient, groupId: string) => {
  const [members, standing, requests, notices] = await Promise.all([
    client.members(groupId),
    client.standing(groupId),
    client.joinRequests(groupId),
    client.notices(groupId),
  ]);
  return { members, standing, requests, notices };
};

/**
 * One conversation's members, standing, join requests and notices, refreshed when they
 * change. (Its messages come in pages: conversation/useTimeline.ts.)
 */
export function useConversation(
  groupId: string,
  /** The notices to show until the group's own are loaded (the recent window's). */
  notices: readonly Notice[] = NO_CONVERSATION.notices,
): ConversationData {
  const empty = useMemo(
    () => (notices === NO_CONVERSATION.notices ? NO_CONVERSATION : { ...NO_CONVERSATION, notices }),
    [notices],
  );
  return useGroupData(groupId, 'version', loadConversation, empty, 'the conversation');
}

const NOBODY: PresenceItem = { online: [], typing: [], readUpTo: [] };
const loadPresence = (client: SyncClient, groupId: string) => client.presence(groupId);

/** Who else is in the group's room now: online, typing, and how far each has read. */
export function usePresence(groupId: string): PresenceItem {
  return useGroupData(groupId, 'presenceVersion', loadPresence, NOBODY, 'presence');
}

const STATUS_POLL_MS = 1000;

const sameStatus = (a: RoomStatus | null, b: RoomStatus | null) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The group's room as the network sees it now: peers and signaling servers. Read on the UI
 * thread (where WebRTC lives) once a second: y-webrtc has no event for every change we show.
 */
export function useRoomStatus(groupId: string, epoch: number | null): RoomStatus | null {
  const [status, setStatus] = useState<RoomStatus | null>(() => roomStatus(groupId, epoch));
  useEffect(() => {
    const look = () => {
      const next = roomStatus(groupId, epoch);
      setStatus((current) => (sameStatus(current, next) ? current : next));
    };
    look();
    const timer = setInterval(look, STATUS_POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [groupId, epoch]);
  return status;
}

const NOTHING_REFUSED: SyncReport = { rejected: [], forks: [] };
const loadReport = (client: SyncClient, groupId: string) => client.syncReport(groupId);

/** Blobs refused and forks found in a group, for the sync panel. */
export function useSyncReport(groupId: string): SyncReport {
  return useGroupData(groupId, 'version', loadReport, NOTHING_REFUSED, 'the sync report');
}
