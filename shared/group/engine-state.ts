import type * as Y from 'yjs';
import { createContentDoc } from '../content/writer.ts';
import type { Ed25519, Signer } from '../crypto/ed25519.ts';
import type { GroupStorage } from '../storage/storage.ts';
import { createChainBook, type ChainBook } from './chains.ts';
import { createClock, type HybridClock } from './clock.ts';
import type { EpochKeys } from './epoch.ts';
import { createEmitter, type Emitter } from './events.ts';
import type { Genesis } from './genesis.ts';
import { createHoldback, type Holdback } from './holdback.ts';
import { createMembershipLog, type MembershipLog } from './membership-log.ts';
import { createMessageOrder, type MessageOrder } from './order.ts';
import type { Signed } from './opening.ts';

/** This device, as one group knows it. */
export type LocalDevice = {
  signer: Signer;
  person: Uint8Array;
  clientId: number;
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
};

/** Pending work: either already verified, or raw bytes waiting for an epoch key. */
export type Waiting = { signed: Signed } | { bytes: Uint8Array };

export type EngineDeps = {
  ed: Ed25519;
  groupId: Uint8Array;
  genesis: Genesis;
  me: LocalDevice;
  storage: GroupStorage;
  now: () => number;
  random: (length: number) => Uint8Array;
};

/** Everything the engine's parts share: rebuilt from the log when it must be. */
export type EngineState = {
  book: ChainBook;
  membership: MembershipLog;
  order: MessageOrder;
  doc: Y.Doc;
  known: Set<string>;
  held: Holdback<Waiting>;
  messageBlob: Map<string, string>;
  /** Where each message was created: its blob's device and seq, for causal checks. */
  messagePos: Map<string, { clientId: number; seq: number }>;
  rejections: Rejection[];
  future: Set<string>;
  /** Our own blobs being recorded: their change is already in the doc. */
  local: Set<string>;
};

export type EngineCore = EngineDeps & {
  keys: Map<number, EpochKeys>;
  clock: HybridClock;
  events: Emitter<EngineEvents>;
  state: EngineState;
};

export function freshState(genesis: Genesis, clientId: number): EngineState {
  const doc = createContentDoc(clientId);
  return {
    book: createChainBook(),
    membership: createMembershipLog(genesis),
    order: createMessageOrder(),
    doc,
    known: new Set(),
    held: createHoldback(),
    messageBlob: new Map(),
    messagePos: new Map(),
    rejections: [],
    future: new Set(),
    local: new Set(),
  };
}

export function createCore(deps: EngineDeps, keys: Map<number, EpochKeys>): EngineCore {
  return {
    ...deps,
    keys,
    clock: createClock(deps.now),
    events: createEmitter<EngineEvents>(),
    state: freshState(deps.genesis, deps.me.clientId),
  };
}
