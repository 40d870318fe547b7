import { toHex } from '../crypto/bytes.ts';
import { parseGroupName } from '../profile.ts';
import { MembershipError, type GroupEngine } from '../group/engine.ts';
import type { JoinRequestItem } from './admit.ts';
import { membershipNotices, type Notice } from './notices.ts';
import { compareOrder, type OrderKey } from '../group/order.ts';
import { createEmitter } from '../group/events.ts';
import { viewDocs } from '../group/engine-state.ts';
import { readMessages, readTexts } from '../content/view.ts';
import type { Invite } from '../invite/code.ts';
import { createGroupIndex, type GroupIndex, type IndexSeed } from '../search/group-index.ts';
import { after, cancel, type Timer } from '../timers.ts';
import type { RoomState } from './room-state.ts';
import {
  authorOf,
  countUnread,
  memberItems,
  messageItem,
  standingOf,
  type MemberItem,
  type MessageItem,
  type Standing,
  type Unread,
} from './views.ts';

/** Where a page is centred: the newest message, the first unread one, or a given message. */
export type Anchor = 'latest' | 'first-unread' | { id: string };

export type Page = {
  items: MessageItem[];
  /** Position of the first item in the whole conversation. */
  start: number;
  total: number;
  /** Index in `items` of the anchor message, or -1. */
  anchorIndex: number;
};

export type GroupHandleEvents = {
  messages: { added: string[]; changed: string[] };
  members: { count: number };
  read: { unread: number };
  /** A blob a peer sent was refused, with the reason (for the sync panel). */
  rejected: { id: string | null; reason: string; detail: string };
  /** A device wrote two different blobs at one position: it is frozen there. */
  fork: { clientId: number; seq: number; person: string; name: string };
  /** Someone came, went, started or stopped typing, or read further. */
  presence: Record<string, never>;
  /** A member's have-vector moved: "held by N of M" may have changed. */
  delivery: Record<string, never>;
  /** Someone asked to join and waits for an admin, or a request was decided. */
  requests: Record<string, never>;
};

/** A message as the search index reads it (shared/search): its plain text and author. */
export type MessageText = {
  id: string;
  /** The author's hex person key and display name. */
  person: string;
  name: string;
  /** '' when deleted. */
  text: string;
  deleted: boolean;
};

/** Who is here, by name, for the conversation header and read markers. */
export type PresenceItem = {
  online: { person: string; name: string }[];
  typing: { person: string; name: string }[];
  /** The last message each person (other than this one) has read. */
  readUpTo: { person: string; name: string; messageId: string }[];
};

/** What the UI holds for one open group. Everything it shows comes from here. */
export type GroupHandle = {
  readonly id: string;
  name(): string;
  send(text: string, options?: { replyTo?: string; mentions?: string[] }): Promise<string>;
  edit(id: string, text: string): Promise<void>;
  remove(id: string): Promise<void>;
  react(id: string, emoji: string, on: boolean): Promise<void>;
  invite(options?: { expiresInMs?: number | null; singleUse?: boolean }): Promise<Invite>;
  /** Withdraws an invite: members refuse it from then on, and tell the joiner why. */
  revokeInvite(inviteId: Uint8Array): Promise<void>;
  /** The people in the group now, admins first. */
  members(): MemberItem[];
  /** Whether this device is in the group, and as what. */
  standing(): Standing;
  /** Removes a person (hex person key) and starts an epoch they cannot read; admins only. */
  removeMember(person: string): Promise<void>;
  /** Makes a member an admin; admins only. */
  promote(person: string): Promise<void>;
  /** Takes one device (hex key) out: one's own other device, or anyone's as an admin. */
  unlinkDevice(device: string): Promise<void>;
  /** Leaves the group: the others go on without this device; what it holds stays, read-only. */
  leave(): Promise<void>;
  /** People asking to join while the group has admins approve joins (admins see them). */
  joinRequests(): JoinRequestItem[];
  /** Lets a person asking to join in (admins; the group must have admins approve joins). */
  approveJoin(device: string): Promise<void>;
  /** Turns a person asking to join away: they are told the group did not let them in. */
  declineJoin(device: string): void;
  /** Whether new members need an admin's approval; admins change it. */
  setApproveJoins(on: boolean): Promise<void>;
  /** Renames the group for everyone; admins only. The name is checked like a new group's. */
  rename(name: string): Promise<void>;
  /** Changes to who is in the group, in order, for the conversation to show where they happened. */
  notices(): Notice[];
  /** Messages around an anchor: never the whole list. */
  page(anchor: Anchor, before: number, after: number): Page;
  count(): number;
  unread(): Unread;
  markRead(id: string): Promise<void>;
  lastMessage(): MessageItem | null;
  /**
   * For the search index: `ids` in the order given, or every message in conversation order;
   * ids with no readable message are left out. One pass over the docs, however many ids.
   */
  texts(ids?: readonly string[]): MessageText[];
  /** The group's search index, made on first use (from its sealed copy when that is current). */
  searchIndex(): GroupIndex;
  /** Each message's effective time (ms), as in `MessageItem`; NaN for an unknown id. */
  times(ids: readonly string[]): number[];
  /** Conversation order of two messages: negative when `a` comes first; 0 if either is unknown. */
  compareMessages(a: string, b: string): number;
  /** Each person's display name now (hex person key), people who left included. */
  authorNames(): ReadonlyMap<string, string>;
  presence(): PresenceItem;
  /** Tells the room this person is (or stopped) typing; it stops by itself after a pause. */
  setTyping(typing: boolean): void;
  on: ReturnType<typeof createEmitter<GroupHandleEvents>>['on'];
};

export type HandleDeps = {
  id: string;
  engine: GroupEngine;
  myPerson: string;
  readKey(): OrderKey | null;
  saveReadKey(key: OrderKey): Promise<void>;
  invite(options: { expiresInMs?: number | null; singleUse?: boolean }): Promise<Invite>;
  room: RoomState;
  /**
   * Hands over, once, the group's sealed search index, current as of the snapshot it opened
   * from, with the messages changed since (kept up to date until the index is built). Taken,
   * not kept in the deps: the index's blocks replace the seed's as it changes.
   */
  takeSearchSeed?: () => IndexSeed | undefined;
  /** Called when the search index was built by reading every message (it may be sealed then). */
  onIndexRead?: () => void;
  /** Fires when the room's heads or presence changed (the repo verifies them first). */
  onRoom: (listener: (what: 'presence' | 'delivery') => void) => () => void;
  /** Re-seals this device's presence: typing, and the message read up to. */
  publishPresence(state: { typing: boolean; readUpTo: string }): void;
  /** Requests to join waiting for an admin (admit.ts). */
  joinRequests: {
    requests(): JoinRequestItem[];
    approve(device: string): Promise<void>;
    decline(device: string): void;
    onRequests(listener: () => void): () => void;
  };
};

/** Typing stops by itself after this long without a keystroke. */
const TYPING_IDLE_MS = 5_000;

const sameKey = (a: OrderKey | null, b: OrderKey | null) =>
  a === b || (a !== null && b !== null && compareOrder(a, b) === 0);

export function createGroupHandle(deps: HandleDeps): GroupHandle {
  const { engine, myPerson } = deps;
  const events = createEmitter<GroupHandleEvents>();
  const delivery = (clientId: number, seq: number) => deps.room.delivery(clientId, seq);
  const item = (id: string) => {
    const view = engine.message(id);
    return view ? messageItem(engine, view, myPerson, delivery) : null;
  };
  // The groups list asks every group on each refresh; most have not changed since. Any change
  // of messages, of the read key, or a rebuild (a new state) counts again.
  let counted: { state: unknown; key: OrderKey | null; unread: Unread } | null = null;
  const unread = (): Unread => {
    const { state } = engine.core();
    const key = deps.readKey();
    if (counted?.state === state && sameKey(counted.key, key)) return counted.unread;
    const after: string[] = [];
    state.order.countAfter(key, (id) => {
      after.push(id);
      return true;
    });
    counted = { state, key, unread: countUnread(engine, after, myPerson) };
    return counted.unread;
  };
  engine.events.on('messages', (change) => {
    counted = null;
    // Unread counts are read when asked for (`unread()`), never recounted per change: that
    // walks every unread message, and a catch-up is thousands of changes (quadratic).
    events.emit('messages', change);
  });
  engine.events.on('members', (change) => {
    events.emit('members', change);
  });
  engine.events.on('rejected', (rejection) => {
    events.emit('rejected', rejection);
  });
  engine.events.on('fork', (fork) => {
    events.emit('fork', { ...fork, ...authorOf(engine, fork.clientId) });
  });
  let typing = false;
  let readUpTo = '';
  let typingTimer: Timer | null = null;
  const announce = () => {
    deps.publishPresence({ typing, readUpTo });
  };
  const nameOf = (person: string) => engine.members().people.get(person)?.name.name ?? '';
  const setTyping = (on: boolean) => {
    cancel(typingTimer);
    typingTimer = on
      ? after(TYPING_IDLE_MS, () => {
          typing = false;
          typingTimer = null;
          announce();
        })
      : null;
    if (on === typing) return;
    typing = on;
    announce();
  };
  deps.onRoom((what) => {
    events.emit(what, {});
  });
  deps.joinRequests.onRequests(() => {
    events.emit('requests', {});
  });

  let index: GroupIndex | null = null;
  let seed = deps.takeSearchSeed?.();
  const handle: GroupHandle = {
    id: deps.id,
    name: () => engine.members().groupName,
    async send(text, options = {}) {
      const id = await engine.send({ text, ...options });
      if (typing) setTyping(false);
      return id;
    },
    edit: (id, text) => engine.edit(id, text),
    remove: (id) => engine.remove(id),
    react: (id, emoji, on) => engine.react(id, emoji, on),
    invite: (options = {}) => deps.invite(options),
    revokeInvite: async (inviteId) => {
      await engine.writeOp({ type: 'revoke-invite', inviteId });
    },
    members: () => memberItems(engine, myPerson),
    standing: () => standingOf(engine, myPerson, toHex(engine.core().me.signer.publicKey)),
    removeMember: (person) => engine.removePerson(person),
    promote: (person) => engine.promote(person),
    unlinkDevice: (device) => engine.unlinkDevice(device),
    leave: () => engine.removePerson(myPerson),
    joinRequests: () => deps.joinRequests.requests(),
    notices: () => membershipNotices(engine, myPerson),
    approveJoin: (device) => deps.joinRequests.approve(device),
    declineJoin: (device) => {
      deps.joinRequests.decline(device);
    },
    async setApproveJoins(on) {
      const members = engine.members();
      if (members.people.get(myPerson)?.role !== 'admin')
        throw new MembershipError(
          'admin-only-join-rules',
          'Only an admin can change how people join.',
        );
      if (members.settings.adminsApproveJoins === on) return;
      await engine.writeOp({ type: 'settings', groupName: null, adminsApproveJoins: on });
    },
    async rename(name) {
      const members = engine.members();
      if (members.people.get(myPerson)?.role !== 'admin')
        throw new MembershipError('admin-only-rename', 'Only an admin can rename the group.');
      const groupName = parseGroupName(name);
      if (members.groupName === groupName) return;
      await engine.writeOp({ type: 'settings', groupName, adminsApproveJoins: null });
    },
    page(anchor, before, after) {
      const order = engine.core().state.order;
      const total = order.size();
      let at = total - 1;
      if (anchor === 'first-unread') {
        const key = deps.readKey();
        at = key ? Math.min(total - 1, total - order.countAfter(key, () => true)) : 0;
      } else if (anchor !== 'latest') {
        at = order.indexOf(anchor.id);
      }
      if (at < 0) return { items: [], start: 0, total, anchorIndex: -1 };
      const start = Math.max(0, at - before);
      const ids = order.slice(start, Math.min(total, at + after + 1));
      // One read for the page: a message read alone indexes every reaction in the group.
      const views = readMessages(viewDocs(engine.core().state), ids);
      return {
        items: views.map((view) => messageItem(engine, view, myPerson, delivery)),
        start,
        total,
        anchorIndex: at - start,
      };
    },
    count: () => engine.messageCount(),
    unread,
    async markRead(id) {
      const key = engine.core().state.order.keyOf(id);
      const current = deps.readKey();
      if (!key) return;
      // Reading an older message never moves the marker back.
      if (current && compareOrder(current, key) >= 0) return;
      await deps.saveReadKey(key);
      readUpTo = id;
      announce();
      events.emit('read', { unread: unread().count });
    },
    lastMessage() {
      const order = engine.core().state.order;
      const [id] = order.slice(order.size() - 1, order.size());
      return id ? item(id) : null;
    },
    texts(ids) {
      const { state } = engine.core();
      const { order } = state;
      const wanted = ids?.filter((id) => order.has(id)) ?? order.slice(0, order.size());
      const authors = new Map<number, { person: string; name: string }>();
      return readTexts(viewDocs(state), wanted).map(({ id, author: clientId, text, deleted }) => {
        let author = authors.get(clientId);
        if (!author) {
          author = authorOf(engine, clientId);
          authors.set(clientId, author);
        }
        return { id, person: author.person, name: author.name, text, deleted };
      });
    },
    times: (ids) => ids.map((id) => engine.core().state.order.keyOf(id)?.time.wall ?? NaN),
    compareMessages(a, b) {
      const order = engine.core().state.order;
      const keyA = order.keyOf(a);
      const keyB = order.keyOf(b);
      return keyA && keyB ? compareOrder(keyA, keyB) : 0;
    },
    authorNames() {
      const names = new Map<string, string>();
      for (const [person, member] of engine.members().people) names.set(person, member.name.name);
      return names;
    },
    presence() {
      const view = deps.room.presence();
      const named = (person: string) => ({ person, name: nameOf(person) });
      return {
        online: view.online.map(named),
        typing: view.typing.map(named),
        readUpTo: [...view.readUpTo].map(([person, messageId]) => ({
          ...named(person),
          messageId,
        })),
      };
    },
    setTyping,
    on: events.on,
    searchIndex() {
      if (index) return index;
      index = createGroupIndex(handle, {
        ...(seed ? { seed } : {}),
        onBuilt: (from) => {
          if (from === 'messages') deps.onIndexRead?.();
        },
      });
      seed = undefined;
      return index;
    },
  };
  // Made now when there is a sealed index: it follows what changes until it is built.
  if (seed) handle.searchIndex();
  return handle;
}
