import type * as Y from 'yjs';
import { createContentDocs, type ContentDocs } from '../content/docs.ts';
import type { Ed25519, Signer } from '../crypto/ed25519.ts';
import type { BoxKeyPair } from '../identity/keys.ts';
import type { GroupStorage } from '../storage/storage.ts';
import { createChainBook, type ChainBook } from './chains.ts';
import { createClock, type HybridClock } from './clock.ts';
import type { EpochKeys } from './epoch.ts';
import { createEmitter, type Emitter } from './events.ts';
import type { Genesis } from './genesis.ts';
import { createHoldback, type Holdback } from './holdback.ts';
import { createMembershipLog, type MembershipLog } from './membership-log.ts';
import { createMessageIndex, type MessageIndex } from './message-index.ts';
import type { OrderKey } from './order.ts';
import type { Signed } from './opening.ts';
import type { OpEvent } from '../membership/reduce.ts';

/** This device, as one group knows it. */
export type LocalDevice = {
  signer: Signer;
  person: Uint8Array;
  clientId: number;
  /** The device's box key: keyrings of new epochs are boxed to it (none: opens no keyring). */
  box?: BoxKeyPair;
};

/** Why a blob was refused, for the event stream, tests and the fork/abuse UI. */
export type Rejection = { id: string | null; reason: string; detail: string };

export type EngineEvents = {
  /** Messages that appeared or changed (edit, delete, reaction), by id. */
  messages: { added: string[]; changed: string[] };
  members: { count: number };
  rejected: Rejection;
  /** A device wrote two different blobs at one position: proof kept, device frozen there. */
  fork: { clientId: number; seq: number };
  /** A blob this device accepted, for transports to push and relay (DESIGN §6). */
  blob: { id: string; clientId: number; seq: number; bytes: Uint8Array };
  /** A new epoch's secret, opened from a keyring boxed to this device: keep it. */
  epoch: { epoch: number; secret: Uint8Array };
};

/** Pending work: either already verified, or raw bytes waiting for an epoch key. */
export type Waiting = { signed: Signed } | { bytes: Uint8Array };

/**
 * The group's storage, as the engine uses it. Opening from a snapshot reads only what the
 * snapshot does not cover (`loadBlobsAfter`; IndexedDB: a skip-scan over each device's chain).
 */
export type EngineStorage = GroupStorage;

export type EngineDeps = {
  ed: Ed25519;
  groupId: Uint8Array;
  genesis: Genesis;
  me: LocalDevice;
  storage: EngineStorage;
  now: () => number;
  random: (length: number) => Uint8Array;
};

/** A membership op as the log took it in: what a snapshot keeps to rebuild the log. */
export type MembershipEntry = {
  event: Omit<OpEvent, 'op'>;
  /** The op's encoding (the blob's payload). */
  payload: Uint8Array;
  order: OrderKey;
  frontier: ReadonlyMap<number, number>;
};

/** Everything the engine's parts share: rebuilt from the log when it must be. */
export type EngineState = {
  book: ChainBook;
  membership: MembershipLog;
  /** Every membership op added to `membership`, in arrival order. */
  membershipEntries: MembershipEntry[];
  /** The conversation in order, and where each message was created (see message-index.ts). */
  order: MessageIndex;
  /** The content, one doc per epoch this device reads (content/docs.ts). */
  docs: ContentDocs;
  held: Holdback<Waiting>;
  /** Hex id of the blob that created each message. */
  messageBlob: { get(id: string): string | undefined };
  rejections: Rejection[];
  future: Set<string>;
  /** Our own blobs being recorded: their change is already in the doc. */
  local: Set<string>;
};

export type EngineCore = EngineDeps & {
  /** Blobs whose update made Yjs throw: refused on sight, across rebuilds. */
  poisoned: Set<string>;
  /**
   * Removed devices' last counted seq (clientID → seq), from accepted removals. Kept across
   * rebuilds: a replay in stored order may meet a device's late blobs before its removal.
   */
  pins: Map<number, number>;
  /**
   * During a rebuild, the devices the group had at the end of the previous replay: blobs of
   * any other device (an admission that turned out void) wait instead of being taken.
   */
  admitted: Set<string> | null;
  /**
   * The chains of devices whose every admission was void (`voidChains`): a dep on them does
   * not wait (judge.ts). Kept as the membership changes; during a replay, as the previous
   * replay ended, like `pins`.
   */
  voidChains: Set<number>;
  /** During a rebuild's replay: pins are the rebuild's to set, not each op's (engine.ts). */
  replaying: boolean;
  keys: Map<number, EpochKeys>;
  /**
   * Membership keys of epochs this device may never read (a "from join" group's epochs before
   * it joined): their membership blobs open, their content blobs join the chains unread.
   */
  membershipKeys: Map<number, Uint8Array>;
  clock: HybridClock;
  events: Emitter<EngineEvents>;
  state: EngineState;
};

export function freshState(genesis: Genesis, clientId: number): EngineState {
  const book = createChainBook();
  return stateOf(genesis, book, createMessageIndex(book), createContentDocs(clientId));
}

/** A state around a book, an index and a doc (fresh, or restored from a snapshot). */
export function stateOf(
  genesis: Genesis,
  book: ChainBook,
  order: MessageIndex,
  docs: ContentDocs,
): EngineState {
  return {
    book,
    membership: createMembershipLog(genesis),
    membershipEntries: [],
    order,
    docs,
    held: createHoldback(),
    messageBlob: { get: (id) => order.blobOf(id) },
    rejections: [],
    future: new Set(),
    local: new Set(),
  };
}

export function createCore(deps: EngineDeps, keys: Map<number, EpochKeys>): EngineCore {
  return {
    ...deps,
    keys,
    membershipKeys: new Map(),
    clock: createClock(deps.now),
    poisoned: new Set(),
    pins: new Map(),
    admitted: null,
    voidChains: new Set(),
    replaying: false,
    events: createEmitter<EngineEvents>(),
    state: freshState(deps.genesis, deps.me.clientId),
  };
}

/**
 * The docs a view merges, oldest epoch first: by the generation the membership log gives each
 * epoch (epoch ids are random), then by id.
 */
export function viewDocs(state: EngineState): Y.Doc[] {
  const epochs = state.membership.state().epochs;
  const rank = (epoch: number) => epochs.get(epoch)?.generation ?? 0;
  return state.docs
    .entries()
    .sort(([a], [b]) => rank(a) - rank(b) || a - b)
    .map(([, doc]) => doc);
}
