import { equalBytes, fromHex, toHex } from '../crypto/bytes.ts';
import type { Ed25519 } from '../crypto/ed25519.ts';
import { hash } from '../crypto/hash.ts';
import { joinerClientId } from '../group/admission.ts';
import { createGroupEngine, MembershipError, type GroupEngine } from '../group/engine.ts';
import { epochKeys } from '../group/epoch.ts';
import { createEmitter } from '../group/events.ts';
import { createGenesis, verifyGenesis, type GroupSettings } from '../group/genesis.ts';
import { verifyDeviceCertificate } from '../identity/keys.ts';
import { checkInviteUsable, decodeInvite, describeSignaling, type Invite } from '../invite/code.ts';
import { joinKeys, sealJoinRequest } from '../invite/join-request.ts';
import { INVITE_SECRET_BYTES } from '../membership/ops.ts';
import { logWarn } from '../log.ts';
import type { Sealer } from '../storage/sealer.ts';
import { admitOp, openSecrets } from '../group/admission.ts';
import type { LinkedGroup } from '../link/protocol.ts';
import { offerLink, type LinkOfferSession } from './link.ts';
import { statusCell } from './status-cell.ts';
import { watchInvites } from './admit.ts';
import { RECENT_SIZE, saveRecentWindow } from './recent-window.ts';
import type { IndexSeed } from '../search/group-index.ts';
import { loadSealedIndex, sameHeads, saveSealedIndex, shownBlock } from '../search/sealed-index.ts';
import { sealedGroup } from '../search/sealed-source.ts';
import type { SearchableGroup } from '../search/searches.ts';
import { createGroupHandle, type GroupHandle } from './handle.ts';
import type { RepoIdentity } from './identity.ts';
import { openJoinAnswer, type JoinRefusal } from './join-package.ts';
import type { Network } from './network.ts';
import {
  cameIn,
  loadGroupRecords,
  saveGroupRecord,
  type GroupRecord,
  type RepoStorage,
} from './records.ts';
import { deviceItems, type DeviceItem, type MessageItem } from './views.ts';
import { createRoomState, TYPING_TTL_MS } from './room-state.ts';
import { createGroupRooms, type GroupRooms } from './rooms.ts';
import { activePeople } from '../membership/state.ts';
import { signHeads } from '../sync/heads.ts';
import { sealPresence } from '../sync/presence.ts';
import { after, cancel, type Timer } from '../timers.ts';

export type RepoDeps = {
  identity: RepoIdentity;
  ed: Ed25519;
  sealer: Sealer;
  storage: RepoStorage;
  network: Network;
  now: () => number;
  random: (length: number) => Uint8Array;
  /**
   * Hears, while `createRepo` opens the device's groups, which groups there are, then each
   * group as soon as it can be searched: from its sealed search index while its content doc
   * loads, when that index holds all the device has of the group (sealed-source.ts), and as
   * its handle once it is open. The sync worker answers searches from these before the repo
   * is ready (docs/architecture.md, "Searchable while opening").
   */
  opening?: {
    groups(ids: readonly string[]): void;
    searchable(group: SearchableGroup): void;
  };
};

export type GroupSummary = {
  id: string;
  name: string;
  members: number;
  unread: number;
  mentions: number;
  last: MessageItem | null;
  /** The signaling servers this group's members meet through (its settings, in its invites). */
  signaling: readonly string[];
  /** What new members see: the whole history, or only from their join. */
  historyPolicy: 'all' | 'from-join';
  /** The epoch of the room the group is in now (its status is that room's), or null. */
  epoch: number | null;
};

/** One of this person's devices, as Settings lists it: in how many of our groups it is. */
export type MyDevice = DeviceItem & { groups: number };

export type JoinStatus =
  | { state: 'waiting' }
  /** A member saw the request; the group has an admin let people in, and none has yet. */
  | { state: 'awaiting-approval' }
  | { state: 'syncing'; groupId: string }
  | { state: 'admitted'; groupId: string }
  | { state: 'refused'; reason: JoinRefusal; message: string };

/** A request to join that is out: it resolves when a member answers. */
export type PendingJoin = {
  status(): JoinStatus;
  on(listener: (status: JoinStatus) => void): () => void;
  /** Asks again (a member may have come online). */
  retry(): void;
  cancel(): void;
};

const REFUSAL_MESSAGES: Record<JoinRefusal, string> = {
  expired: 'This invite has expired. Ask a member for a new one.',
  revoked: 'This invite was withdrawn. Ask a member for a new one.',
  used: 'This invite was for one person and has been used. Ask a member for a new one.',
  'not-allowed': 'The group did not let you in with this invite.',
};

/** Thrown for a join the repo can tell is pointless before contacting anyone. */
export class JoinError extends Error {
  override readonly name = 'JoinError';
}

type Open = {
  record: GroupRecord;
  engine: GroupEngine;
  rooms: GroupRooms;
  handle: GroupHandle;
  /** Leaves the group's rooms after a snapshot; `forget`: no snapshot, and rooms' data deleted. */
  close: (forget?: boolean) => Promise<void>;
};

/** How often, at most, this device re-signs its have-vector into the heads doc. */
const HEADS_EVERY_MS = 250;

/**
 * Accepted blobs between sealed snapshots (opening replays at most about this many), taken
 * once things are quiet for SNAPSHOT_QUIET_MS: sealing the whole state every 500 blobs in the
 * middle of a catch-up made it quadratic (measured: 19 s of 43 s catching up 100k).
 */
const SNAPSHOT_EVERY = 500;
const SNAPSHOT_QUIET_MS = 2_000;
/** The recent window is sealed again once the conversation has been still this long. */
const RECENT_QUIET_MS = 1_000;

/**
 * Most blobs of one device per range answer; the peer asks again after the answer's `done`.
 * Bounded so a read never loads a whole chain; 1,024 keeps round trips few (100k: 98).
 */
const RANGE_BLOBS = 1024;

/** After a catch-up, offer other peers what we gained at most this often. */
const OFFER_EVERY_MS = 500;

/**
 * All of this device's groups (STYLE §4: the UI talks to a repo and handles, never to Yjs).
 * Create, join, list and open groups; each open group syncs over the network it was given.
 */
export async function createRepo(deps: RepoDeps) {
  const { identity, network } = deps;
  const myPerson = toHex(identity.person.publicKey);
  const myDevice = toHex(identity.device.publicKey);
  const groups = new Map<string, Open>();
  const events = createEmitter<{ groups: { ids: string[] } }>();
  const changed = () => {
    events.emit('groups', { ids: [...groups.keys()] });
  };

  async function open(record: GroupRecord): Promise<Open> {
    const already = groups.get(record.id);
    if (already) return already;
    const groupId = fromHex(record.id);
    const genesis = await verifyGenesis(deps.ed, record.genesis, groupId);
    if (!genesis) throw new Error(`group ${record.id} has a genesis record that does not verify`);
    const storage = deps.storage.group(record.id);
    const engine = createGroupEngine({
      ed: deps.ed,
      groupId,
      genesis,
      me: {
        signer: identity.device,
        person: identity.person.publicKey,
        clientId: record.clientId,
        box: identity.box,
      },
      storage,
      now: deps.now,
      random: deps.random,
    });
    for (const { epoch, key } of record.membershipKeys ?? [])
      await engine.addMembershipKey(epoch, key);
    for (const { epoch, secret } of record.epochs) await engine.addEpochSecret(epoch, secret);
    // The sealed search index is read beside the snapshot; what the newer blobs change is
    // noted for it, until the handle's index follows the group itself.
    const sealedIndex = loadSealedIndex(storage, deps.sealer);
    // It can answer searches alone as soon as it is read, while the snapshot loads, when the
    // stored log holds nothing it does not (sealed-source.ts).
    const { opening } = deps;
    const offered = opening
      ? sealedIndex.then(async (sealed) => {
          if (!sealed) return;
          const newer = await storage.loadBlobsAfter(new Map(sealed.heads));
          if (newer.length === 0) opening.searchable(sealedGroup(record.id, sealed));
        })
      : null;
    const since: IndexSeed['since'] = { added: [], changed: [] };
    const offSince = engine.events.on('messages', ({ added, changed }) => {
      for (const id of added) since.added.push(id);
      for (const id of changed) since.changed.push(id);
    });
    // The sealed snapshot, then only newer blobs; the whole log if the snapshot cannot be used.
    const load = await engine.loadSnapshot(deps.sealer);
    const sealed = await sealedIndex;
    // Offered before the handle, which takes its place.
    await offered?.catch((error: unknown) => {
      logWarn(`fellows: group ${record.id.slice(0, 12)} is searchable only once open`, error);
    });
    let searchSeed: IndexSeed | undefined =
      load.from === 'snapshot' && sealed && sameHeads(sealed.heads, load.heads)
        ? // Not what a result shows: the group's own messages show it from here.
          { people: sealed.people, blocks: sealed.blocks, since }
        : undefined;
    const secrets = () => new Map(record.epochs.map((e) => [e.epoch, e.secret]));
    const membershipKeys = () =>
      new Map([
        ...(record.membershipKeys ?? []).map((e) => [e.epoch, e.key] as const),
        ...record.epochs.map(
          (e) => [e.epoch, epochKeys(groupId, e.epoch, e.secret).membershipKey] as const,
        ),
      ]);
    const room = createRoomState({
      ed: deps.ed,
      group: groupId,
      members: () => engine.members(),
      myPerson,
      myDevice,
      contentKeys: () => record.epochs.map((e) => epochKeys(groupId, e.epoch, e.secret).contentKey),
      now: deps.now,
    });
    const roomEvents = createEmitter<{ room: 'presence' | 'delivery' }>();
    let typingCheck: Timer | null = null;
    const rooms = createGroupRooms({
      network,
      engine,
      signaling: record.signaling,
      group: record.id,
      device: myDevice,
      clientId: record.clientId,
      secrets,
      room,
      host: {
        roomHeads: async (records) => {
          if (!(await room.acceptHeads(records))) return;
          roomEvents.emit('room', 'delivery');
          // A member who was away may have moved to the current epoch: old rooms can go.
          rooms.sync();
        },
        roomPresence: async (states) => {
          if (!(await room.acceptPresence(states))) return;
          roomEvents.emit('room', 'presence');
          // A typing flag expires by itself: look again once it may have.
          cancel(typingCheck);
          typingCheck = room.typingPending()
            ? after(TYPING_TTL_MS, () => {
                roomEvents.emit('room', 'presence');
              })
            : null;
        },
        heads: () => engine.heads(),
        // One key-range read of that device's chain, never the whole log; bounded, since the
        // peer asks again from its new head (see RANGE_BLOBS).
        blobsAfter: async (clientId, seq) =>
          (await storage.loadChainAfter(clientId, seq, RANGE_BLOBS)).map((b) => b.bytes),
        receive: (blobs) => engine.receive(blobs),
        receiveRange: async (blobs) => {
          ranging++;
          try {
            return await engine.receiveRange(blobs);
          } finally {
            ranging--;
          }
        },
      },
    });
    rooms.sync();
    // A new epoch's secret (ours, or opened from a keyring) is kept with the group, then
    // the rooms follow the group to it.
    const offEpoch = engine.events.on('epoch', ({ epoch, secret }) => {
      if (record.epochs.some((e) => e.epoch === epoch)) return;
      record.epochs.push({ epoch, secret });
      saveGroupRecord(deps.storage, deps.sealer, record)
        .catch((error: unknown) => {
          logWarn(`fellows: could not keep a new epoch of group ${record.id.slice(0, 12)}`, error);
        })
        .finally(() => {
          rooms.sync();
        });
    });
    const offMembers = engine.events.on('members', () => {
      rooms.sync();
    });
    // Blobs that came in a catch-up range are offered to other peers as ranges, not relayed
    // one push each (and never echoed to the peer they came from).
    let ranging = 0;
    let offerTimer: Timer | null = null;
    const scheduleOffer = () => {
      offerTimer ??= after(OFFER_EVERY_MS, () => {
        offerTimer = null;
        rooms.offer();
      });
    };
    let snapshotTimer: Timer | null = null;
    // Every blob we accept goes to the peers we see: any member relays any blob (DESIGN §6).
    let sinceSnapshot = 0;
    const snapshot = () =>
      engine
        .saveSnapshot(deps.sealer, (heads) => {
          const index = handle.searchIndex().dump();
          if (!index) return Promise.resolve();
          // What a result shows of each message, read in this same step (see sealed-index.ts).
          const ids = index.blocks.flatMap((block) => block.ids);
          const texts = new Map(handle.texts(ids).map((message) => [message.id, message.text]));
          const shown = index.blocks.map(({ ids }) =>
            shownBlock(
              ids.map((id) => texts.get(id) ?? ''),
              handle.times(ids),
            ),
          );
          return saveSealedIndex(storage, deps.sealer, {
            ...index,
            heads: [...heads],
            groupName: engine.members().groupName,
            shown,
          });
        })
        .catch((error: unknown) => {
          logWarn(`fellows: could not save a snapshot of group ${record.id.slice(0, 12)}`, error);
        });
    /** Seals a snapshot once the group has been still for SNAPSHOT_QUIET_MS. */
    const snapshotWhenQuiet = () => {
      cancel(snapshotTimer);
      snapshotTimer = after(SNAPSHOT_QUIET_MS, () => {
        snapshotTimer = null;
        sinceSnapshot = 0;
        void snapshot();
      });
    };
    // Our have-vector, signed into the heads doc: at once, then at most every HEADS_EVERY_MS.
    let headsTimer: Timer | null = null;
    let headsAt = 0;
    const publishHeads = async () => {
      headsTimer = null;
      // Strictly later each time, so a peer never mistakes our newest record for an old one.
      headsAt = Math.max(deps.now(), headsAt + 1);
      rooms.publishHeads(await signHeads(identity.device, groupId, engine.heads(), headsAt));
    };
    const scheduleHeads = () => {
      headsTimer ??= after(HEADS_EVERY_MS, () => {
        publishHeads().catch((error: unknown) => {
          logWarn('fellows: could not sign our heads', error);
        });
      });
    };
    void publishHeads();
    const publishPresence = (state: { typing: boolean; readUpTo: string }) => {
      const keys = rooms.currentKeys();
      if (!keys) return;
      sealPresence(
        identity.device,
        groupId,
        keys.contentKey,
        { ...state, at: deps.now() },
        deps.random,
      )
        .then((sealed) => {
          rooms.setPresence(sealed);
        })
        .catch((error: unknown) => {
          logWarn('fellows: could not seal our presence', error);
        });
    };
    publishPresence({ typing: false, readUpTo: '' });
    const offBlob = engine.events.on('blob', (blob) => {
      if (ranging > 0) scheduleOffer();
      else rooms.broadcast([blob.bytes]);
      scheduleHeads();
      if (++sinceSnapshot >= SNAPSHOT_EVERY) snapshotWhenQuiet();
    });
    const invites = watchInvites({
      ed: deps.ed,
      identity,
      engine,
      genesis: record.genesis,
      secrets,
      membershipKeys,
      network,
      signaling: record.signaling,
      now: deps.now,
      random: deps.random,
    });
    const handle = createGroupHandle({
      id: record.id,
      engine,
      myPerson,
      readKey: () => record.readKey,
      saveReadKey: async (key) => {
        record.readKey = key;
        await saveGroupRecord(deps.storage, deps.sealer, record);
      },
      invite: (options) => createInvite(record, engine, options),
      room,
      onRoom: (listener) => roomEvents.on('room', listener),
      publishPresence,
      joinRequests: invites,
      takeSearchSeed: () => {
        const seed = searchSeed;
        searchSeed = undefined;
        return seed;
      },
      // An index read from every message is sealed with a snapshot once things are quiet, so
      // the next start has it (a snapshot is otherwise sealed only every SNAPSHOT_EVERY blobs).
      onIndexRead: snapshotWhenQuiet,
    });
    // The handle's index (made now if seeded) follows the group from here.
    offSince();
    // The latest page as the UI shows it, sealed for the next start's first paint.
    let recentTimer: Timer | null = null;
    // Where the unread messages begin (as `page('first-unread')` finds it), or null.
    const firstUnread = () => {
      const key = record.readKey;
      if (!key) return null;
      const { order } = engine.core().state;
      const after = order.countAfter(key, () => true);
      return after > 0 ? order.size() - after : null;
    };
    const saveRecent = () =>
      saveRecentWindow(storage, deps.sealer, {
        groupName: engine.members().groupName,
        members: handle.members().length,
        historyPolicy: engine.members().settings.historyPolicy,
        signaling: [...record.signaling],
        page: handle.page('latest', RECENT_SIZE - 1, 0),
        unreadFrom: firstUnread(),
        notices: handle.notices(),
      }).catch((error: unknown) => {
        logWarn(`fellows: could not save the recent window of ${record.id.slice(0, 12)}`, error);
      });
    const recentChanged = () => {
      cancel(recentTimer);
      recentTimer = after(RECENT_QUIET_MS, () => {
        recentTimer = null;
        void saveRecent();
      });
    };
    const offRecent = [
      engine.events.on('messages', recentChanged),
      engine.events.on('members', recentChanged),
    ];
    const offMessages = engine.events.on('messages', changed);
    const opened = {
      record,
      engine,
      rooms,
      handle,
      close: async (forget = false) => {
        cancel(recentTimer);
        for (const off of offRecent) off();
        if (!forget) await Promise.all([snapshot(), saveRecent()]);
        handle.searchIndex().close();
        offBlob();
        offMessages();
        offEpoch();
        offMembers();
        cancel(headsTimer);
        cancel(typingCheck);
        cancel(offerTimer);
        cancel(snapshotTimer);
        invites.stop();
        rooms.close(forget);
      },
    };
    groups.set(record.id, opened);
    // Opened by replaying the whole log (no usable snapshot) or many blobs past it: seal a fresh
    // snapshot now, or every start replays again (blobs replayed here count toward no snapshot;
    // a 10k group took 11–15 s to open each time, docs/benchmarks.md).
    if (load.from === 'log' ? engine.messageCount() > 0 : load.newer >= SNAPSHOT_EVERY)
      void snapshot();
    changed();
    return opened;
  }

  async function createInvite(
    record: GroupRecord,
    engine: GroupEngine,
    options: { expiresInMs?: number | null; singleUse?: boolean },
  ): Promise<Invite> {
    const inviteSecret = deps.random(INVITE_SECRET_BYTES);
    const expiresIn = options.expiresInMs === undefined ? 7 * 24 * 3600_000 : options.expiresInMs;
    const expiresAt = expiresIn === null ? null : deps.now() + expiresIn;
    await engine.writeOp({
      type: 'invite',
      inviteSecret,
      expiresAt,
      singleUse: options.singleUse ?? false,
    });
    return {
      version: 1,
      groupId: engine.groupId,
      inviteSecret,
      inviter: identity.person.publicKey,
      expiresAt,
      groupName: engine.members().groupName,
      signaling: record.signaling,
    };
  }

  const records = await loadGroupRecords(deps.storage, deps.sealer);
  deps.opening?.groups(records.map((record) => record.id));
  for (const record of records) {
    const { handle } = await open(record);
    deps.opening?.searchable(handle);
  }

  return {
    events: { on: events.on },
    list(): GroupSummary[] {
      return [...groups.values()].map(({ record, engine, handle, rooms }) => {
        const unread = handle.unread();
        return {
          id: record.id,
          name: engine.members().groupName,
          members: activePeople(engine.members()).length,
          unread: unread.count,
          mentions: unread.mentions,
          last: handle.lastMessage(),
          signaling: [...record.signaling],
          historyPolicy: engine.members().settings.historyPolicy,
          epoch: rooms.currentEpoch(),
        };
      });
    },
    get(id: string): GroupHandle | undefined {
      return groups.get(id)?.handle;
    },
    /** The epochs whose rooms this device is in for a group (the sync panel, tests). */
    roomsOf(id: string): number[] {
      return groups.get(id)?.rooms.rooms() ?? [];
    },
    /** The engine behind a group: for the sync layer (have-vectors, repair) and tests, not the UI. */
    engineOf(id: string): GroupEngine | undefined {
      return groups.get(id)?.engine;
    },
    async create(input: {
      name: string;
      settings?: Partial<GroupSettings>;
      signaling: string[];
    }): Promise<GroupHandle> {
      const { genesis, groupId, bytes } = await createGenesis({
        name: input.name,
        person: identity.person,
        creator: identity.certificate,
        creatorName: identity.name,
        settings: { historyPolicy: 'all', adminsApproveJoins: false, ...input.settings },
        createdAt: deps.now(),
        random: deps.random,
      });
      const record: GroupRecord = {
        version: 1,
        id: toHex(groupId),
        genesis: bytes,
        clientId: genesis.clientId,
        epochs: [{ epoch: 0, secret: deps.random(32) }],
        signaling: input.signaling,
        readKey: null,
      };
      await saveGroupRecord(deps.storage, deps.sealer, record);
      return (await open(record)).handle;
    },
    /** Reads an invite without contacting anyone: what the joiner is shown first. */
    previewInvite(code: string) {
      const invite = decodeInvite(code);
      checkInviteUsable(invite, deps.now());
      return {
        invite,
        groupName: invite.groupName,
        hosts: describeSignaling(invite),
        expiresAt: invite.expiresAt,
      };
    },
    async join(code: string): Promise<PendingJoin> {
      const invite = decodeInvite(code);
      checkInviteUsable(invite, deps.now());
      const id = toHex(invite.groupId);
      if (groups.has(id)) throw new JoinError('You are already a member of this group.');
      return requestToJoin(invite);
    },
    /**
     * Offers to link a new device of this person (a code and QR on screen): once approved, the
     * new device is admitted into every group this device is in, with the keys their history
     * policy gives a new member, and handed the person key (docs/architecture.md).
     */
    offerLink(signaling: readonly string[]): LinkOfferSession {
      return offerLink({
        ed: deps.ed,
        identity,
        network,
        signaling,
        now: deps.now,
        random: deps.random,
        admitEverywhere: async (certificate) => {
          const handed: LinkedGroup[] = [];
          const device = toHex(certificate.device);
          for (const { record, engine, handle } of groups.values()) {
            if (handle.standing().state !== 'member') continue;
            if (!engine.members().devices.has(device)) {
              const op = admitOp({
                groupId: engine.groupId,
                certificate,
                name: identity.name,
                inviteSecret: null,
                secrets: [],
              });
              await engine.writeOp(op);
            }
            if (engine.members().devices.get(device)?.removed !== null) continue;
            handed.push({
              genesis: record.genesis,
              signaling: [...record.signaling],
              secrets: record.epochs.map(({ epoch, secret }) => ({ epoch, secret })),
              membershipKeys: (record.membershipKeys ?? []).map(({ epoch, key }) => ({
                epoch,
                key,
              })),
            });
          }
          return handed;
        },
      });
    },
    /**
     * This person's devices across every group this device is in (hex key, label, when it
     * was added, how many groups it is in): what Settings lists under "Your devices".
     */
    myDevices(): MyDevice[] {
      const found = new Map<string, MyDevice>();
      for (const { engine, handle } of groups.values()) {
        if (handle.standing().state !== 'member') continue;
        const me = engine.members().people.get(myPerson);
        if (!me) continue;
        for (const device of deviceItems(engine.members(), me, myDevice)) {
          const known = found.get(device.device);
          found.set(device.device, { ...device, groups: (known?.groups ?? 0) + 1 });
        }
      }
      return [...found.values()].sort((a, b) => a.addedAt - b.addedAt);
    },
    /**
     * Unlinks one of this person's other devices from every group this device is in (each
     * group moves to a new epoch it lacks). Returns in how many groups it was unlinked.
     */
    async unlinkEverywhere(device: string): Promise<number> {
      if (device === myDevice)
        throw new MembershipError(
          'this-device',
          'This is the device you are using: unlink it from another one.',
        );
      let count = 0;
      for (const { engine, handle } of groups.values()) {
        if (handle.standing().state !== 'member') continue;
        const known = engine.members().devices.get(device);
        if (!known || known.removed || known.person !== myPerson) continue;
        await engine.unlinkDevice(device);
        count++;
      }
      return count;
    },
    /**
     * Opens the groups a linked device was handed (again after a restart: those already here
     * are skipped). A group whose genesis does not verify is left out with a log line.
     */
    async adoptLinked(linked: readonly LinkedGroup[]): Promise<void> {
      for (const group of linked) {
        const groupId = hash(group.genesis);
        const id = toHex(groupId);
        if (groups.has(id) || group.secrets.length === 0) continue;
        if (!(await verifyGenesis(deps.ed, group.genesis, groupId))) {
          logWarn(`fellows: a linked group ${id.slice(0, 12)} has a genesis that does not verify`);
          continue;
        }
        await openJoined(groupId, group.genesis, group.secrets, group.signaling, [
          ...group.membershipKeys,
        ]);
      }
    },
    /**
     * Deletes a group from this device: its log, snapshot, keys and record. Only once this
     * device is out of it (left or removed): a member would lose what others may need.
     */
    async forget(id: string): Promise<void> {
      const open = groups.get(id);
      if (!open) return;
      if (open.handle.standing().state === 'member')
        throw new MembershipError(
          'leave-first',
          'Leave the group before deleting it from this device.',
        );
      groups.delete(id);
      await open.close(true);
      await deps.storage.deleteGroup(id);
      changed();
    },
    /** Saves a snapshot of every group and leaves their rooms. */
    async close() {
      await Promise.all([...groups.values()].map((group) => group.close()));
    },
  };

  /**
   * Keeps and opens a group this device was let into (by a join answer, or by its person's
   * other device): its clientID derived from its key and the group, the secrets it was handed.
   */
  async function openJoined(
    groupId: Uint8Array,
    genesis: Uint8Array,
    secrets: readonly { epoch: number; secret: Uint8Array }[],
    signaling: readonly string[],
    membershipKeys: { epoch: number; key: Uint8Array }[] = [],
  ): Promise<Open> {
    const record: GroupRecord = {
      version: 1,
      id: toHex(groupId),
      genesis,
      clientId: joinerClientId(identity.device.publicKey, groupId),
      epochs: secrets.map(({ epoch, secret }) => ({ epoch, secret })),
      membershipKeys,
      signaling: [...signaling],
      readKey: cameIn(deps.now()),
    };
    await saveGroupRecord(deps.storage, deps.sealer, record);
    return open(record);
  }

  async function requestToJoin(invite: Invite): Promise<PendingJoin> {
    const cell = statusCell<JoinStatus>({ state: 'waiting' });
    const { set } = cell;
    let claimed = false;
    const { key, topic } = joinKeys(invite);
    const request = await sealJoinRequest({
      invite,
      name: identity.name,
      certificate: identity.certificate,
      deviceSigner: identity.device,
      now: deps.now(),
      random: deps.random,
    });
    const unsubscribe = network.subscribe(invite.signaling, `${topic}:answer`, (bytes) => {
      void onAnswer(bytes);
    });
    async function onAnswer(bytes: Uint8Array): Promise<void> {
      const answer = openJoinAnswer(bytes, key);
      const status = cell.get();
      const undecided = status.state === 'waiting' || status.state === 'awaiting-approval';
      if (!answer || !undecided || !equalBytes(answer.device, identity.device.publicKey)) return;
      if (answer.kind === 'pending') {
        if (status.state === 'waiting') set({ state: 'awaiting-approval' });
        return;
      }
      if (answer.kind === 'refused') {
        unsubscribe();
        set({ state: 'refused', reason: answer.reason, message: REFUSAL_MESSAGES[answer.reason] });
        return;
      }
      // The genesis must be the group the invite named, and the secrets must open.
      if (!equalBytes(hash(answer.genesis), invite.groupId)) return;
      if (!(await verifyDeviceCertificate(deps.ed, answer.admitter))) return;
      const secrets = openSecrets(answer.secrets, answer.admitter.box, identity.box);
      const membershipKeys = openSecrets(answer.membershipKeys, answer.admitter.box, identity.box);
      // Another answer may have been taken while we verified this one.
      // Several members may answer; the first good answer is taken, synchronously, before
      // anything is awaited, so the group is never opened twice.
      const still = cell.get().state;
      if (secrets.size === 0 || (still !== 'waiting' && still !== 'awaiting-approval') || claimed)
        return;
      claimed = true;
      unsubscribe();
      const id = toHex(invite.groupId);
      const opened = await openJoined(
        invite.groupId,
        answer.genesis,
        [...secrets].map(([epoch, secret]) => ({ epoch, secret })),
        invite.signaling,
        [...membershipKeys].map(([epoch, key]) => ({ epoch, key })),
      );
      set({ state: 'syncing', groupId: id });
      // Admitted for real once our own admission, chained back to genesis, is in our log.
      const check = () => {
        if (opened.engine.members().devices.has(myDevice)) {
          off();
          set({ state: 'admitted', groupId: id });
        }
      };
      const off = opened.engine.events.on('members', check);
      check();
    }
    network.publish(invite.signaling, topic, request);
    return {
      status: cell.get,
      on: cell.on,
      retry() {
        const { state } = cell.get();
        if (state === 'waiting' || state === 'awaiting-approval')
          network.publish(invite.signaling, topic, request);
      },
      cancel() {
        unsubscribe();
      },
    };
  }
}

export type Repo = Awaited<ReturnType<typeof createRepo>>;
