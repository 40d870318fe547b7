import type * as Y from 'yjs';
import { depsHash, noPrevious, type BlobDep, type BlobKind } from '../blob/format.ts';
import { sealBlob } from '../blob/seal.ts';
import { readMessage, type MessageView } from '../content/view.ts';
import {
  deleteMessage,
  editMessage,
  sendMessage,
  setReaction,
  type ContentError,
  type NewMessage,
  type Written,
} from '../content/writer.ts';
import { fromHex, toHex } from '../crypto/bytes.ts';
import { logWarn } from '../log.ts';
import { encodeOp, type MembershipOp } from '../membership/ops.ts';
import { personDevices, voidChains, type MembershipState } from '../membership/state.ts';
import { samePins } from '../membership/reduce.ts';
import type { ContentRefusal, MembershipRefusal } from '../refusal.ts';
import type { Result } from '../result.ts';
import { compareHlc } from './clock.ts';
import { epochKeys } from './epoch.ts';
import { makeRotation, needsRotation, pinsOf, writeEpoch } from './epochs.ts';
import {
  createCore,
  freshState,
  viewDocs,
  type EngineCore,
  type EngineDeps,
  type EngineEvents,
} from './engine-state.ts';
import type { Emitter } from './events.ts';
import {
  newerThan,
  openSnapshot,
  saveSnapshot,
  type SnapshotAlongside,
  type SnapshotLoad,
} from './persist.ts';
import { receiveBlobs, receiveOwn, receiveRange, type ReceiveReport } from './receive.ts';
import type { Sealer } from '../storage/sealer.ts';
import type { StoredBlob } from '../storage/storage.ts';

/** Thrown when a device that is no longer in the group tries to write to it. */
export class NotAMemberError extends Error {
  override readonly name = 'NotAMemberError';
  constructor() {
    super('You are no longer a member of this group.');
  }

  /** The code the UI words (shared/refusal.ts). */
  get refusal(): MembershipRefusal {
    return 'not-a-member';
  }
}

/** A membership change this device may not make (the UI shows the message). */
export class MembershipError extends Error {
  override readonly name = 'MembershipError';
  /** `refusal`: the code the UI words; `message`: the same in English, for logs and tests. */
  constructor(
    readonly refusal: MembershipRefusal,
    message: string,
  ) {
    super(message);
  }
}

function sameSet<T>(a: ReadonlySet<T> | null, b: ReadonlySet<T>): boolean {
  return a !== null && a.size === b.size && [...a].every((x) => b.has(x));
}

/** Thrown when the app asks for a change the content rules refuse (the UI shows the message). */
export class ContentChangeError extends Error {
  override readonly name = 'ContentChangeError';
  constructor(readonly reason: ContentError) {
    super(reason.message);
  }

  /** The code the UI words (shared/refusal.ts). */
  get refusal(): ContentRefusal {
    return this.reason.reason;
  }
}

/**
 * One group on this device: verifies, orders and applies every blob, writes this device's
 * own, and answers what the UI and the sync layer ask. All work is serialised, so a write
 * and a batch of received blobs never interleave.
 */
export type GroupEngine = {
  readonly groupId: Uint8Array;
  readonly events: Pick<Emitter<EngineEvents>, 'on'>;
  receive(blobs: readonly Uint8Array[]): Promise<ReceiveReport>;
  /**
   * Receives a catch-up range: one device's consecutive blobs in ascending seq order, checked
   * with one signature (DESIGN §5). A range that does not verify is received blob by blob up
   * to the failure; the rest is dropped.
   */
  receiveRange(blobs: readonly Uint8Array[]): Promise<ReceiveReport>;
  /** Adds an epoch secret (from creation or an admission) and opens blobs that waited for it. */
  addEpochSecret(epoch: number, secret: Uint8Array): Promise<void>;
  /**
   * Adds the membership key of an epoch this device may not read (a "from join" group's
   * epochs before it joined): its membership blobs open, its content blobs join unread.
   */
  addMembershipKey(epoch: number, key: Uint8Array): Promise<void>;
  send(message: Omit<NewMessage, 'at'>): Promise<string>;
  edit(id: string, text: string): Promise<void>;
  remove(id: string): Promise<void>;
  react(id: string, emoji: string, on: boolean): Promise<void>;
  writeOp(op: MembershipOp): Promise<string>;
  /**
   * Removes a person (hex person key) from the group and starts an epoch they cannot read;
   * for this device's own person, leaves. Admins remove; anyone leaves.
   */
  removePerson(person: string): Promise<void>;
  /** Makes a member (hex person key) an admin; admins only. */
  promote(person: string): Promise<void>;
  /**
   * Takes one device (hex key) out of the group, its person staying (an unlink): one's own
   * other devices, or anyone's as an admin. A new epoch follows at once.
   */
  unlinkDevice(device: string): Promise<void>;
  /** Starts a new epoch if the current one is held by someone out, or missed by a member. */
  rotateIfDue(): Promise<void>;
  members(): MembershipState;
  /** Message ids in conversation order, [start, end). */
  messageIds(start?: number, end?: number): string[];
  message(id: string): MessageView | null;
  messageCount(): number;
  /** What this device holds: each device's accepted chain length (the have-vector). */
  heads(): Map<number, number>;
  /** Rebuilds every derived state from the stored blob log (after a fork or a poisoned doc). */
  rebuild(): Promise<void>;
  /**
   * Seals the content doc and derived state into storage (DESIGN §7). `alongside` is called at
   * the moment the state is encoded, with its chain heads, to save what goes with it (the
   * search index): no blob is being received then, so all it announced has been announced.
   */
  saveSnapshot(sealer: Sealer, alongside?: SnapshotAlongside): Promise<void>;
  /**
   * Starts a new engine from its stored snapshot, then applies only the stored blobs it does
   * not cover. Without a usable snapshot (none, another key, another version) it replays the
   * whole log instead, and says why. Call it once, after adding the epoch secrets. The
   * content docs load in segments, yielding to the thread between them (snapshot.ts).
   */
  loadSnapshot(sealer: Sealer): Promise<SnapshotLoad>;
  core(): EngineCore;
};

export function createGroupEngine(deps: EngineDeps): GroupEngine {
  // Hex keys of this device and its person, for the membership lookups on every write.
  const myDevice = toHex(deps.me.signer.publicKey);
  const myPerson = toHex(deps.me.person);
  const core = createCore(deps, new Map());
  const forks: { clientId: number; seq: number }[] = [];
  core.events.on('fork', (fork) => forks.push(fork));
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const receive = async (blobs: readonly Uint8Array[]) => {
    const report = await receiveBlobs(core, blobs);
    if (report.rebuild) await rebuild();
    return report;
  };

  /** Receives again the blobs that waited for a key of `epoch`, now that one is here. */
  async function receiveHeld(epoch: number): Promise<void> {
    const waiting = core.state.held.release(`epoch:${epoch}`);
    await receive(waiting.flatMap((w) => ('bytes' in w ? [w.bytes] : [])));
  }

  async function loadSnapshot(sealer: Sealer): Promise<SnapshotLoad> {
    const opened = await openSnapshot(core, sealer);
    if (!opened.ok) {
      await rebuild();
      return opened.load;
    }
    core.state = opened.state;
    core.pins = pinsOf(core.state.membership.state());
    core.voidChains = voidChains(core.state.membership.state());
    const { book } = core.state;
    forks.length = 0;
    for (const [clientId, head] of book.heads()) {
      const forkedAt = book.forkedAt(clientId);
      if (forkedAt !== null) forks.push({ clientId, seq: forkedAt });
      // Our clock must be past everything we hold, as if we had replayed it.
      const latest = book.accepted(clientId, head);
      if (latest) core.clock.observe(latest.time);
    }
    const heads = new Map(book.heads());
    const newer = newerThan(heads, await deps.storage.loadBlobsAfter(heads));
    await receive(newer);
    return { from: 'snapshot', newer: newer.length, heads };
  }

  async function rebuild(): Promise<void> {
    const stored = await deps.storage.loadBlobs();
    // Removals known so far pin their devices from the start of the replay, which meets the
    // log in stored order (a device's late blobs may come before its removal). If the
    // replay ends with other removals, replay once more with those.
    // Likewise, an admission that turns out void (it crossed a rotation) may be met before
    // what voids it: a replay that met a changed verdict is done again, knowing which
    // devices the group has in the end, so their blobs are the only ones taken.
    core.replaying = true;
    try {
      core.voidChains = voidChains(core.state.membership.state());
      for (let round = 0; round < 4; round++) {
        const pinned = new Map(core.pins);
        const admitted = core.admitted;
        const voids = core.voidChains;
        core.state = freshState(deps.genesis, deps.me.clientId);
        for (const fork of forks) core.state.book.markFork(fork.clientId, fork.seq);
        const report = await receiveBlobs(
          core,
          stored.map((b) => b.bytes),
        );
        const members = core.state.membership.state();
        core.pins = pinsOf(members);
        core.admitted = new Set(members.devices.keys());
        core.voidChains = voidChains(members);
        // A chain found void (or no longer) by this pass: blobs that depended on it were
        // judged the other way, so another pass.
        const sameCuts = samePins(pinned, core.pins) && sameSet(voids, core.voidChains);
        if (sameCuts && sameSet(admitted, core.admitted)) return;
        // Pins or void chains that moved always mean another pass (the replay kept the old
        // ones, so blobs after a new pin took effect); other changes only when the replay
        // asked for one.
        if (sameCuts && !report.rebuild) return;
      }
      // Still changing: keep the last result (never refuse to open); a later rebuild goes on.
      logWarn('fellows: a rebuild kept meeting changed membership verdicts; keeping the result');
    } finally {
      // Only for replays: devices admitted from now on are taken as they come.
      core.admitted = null;
      core.replaying = false;
    }
  }

  /** A new epoch for the members there are now (see epochs.ts). */
  async function rotate(): Promise<void> {
    const { op, secret } = makeRotation(core);
    core.keys.set(op.epoch, epochKeys(deps.groupId, op.epoch, secret));
    await writeBlob('membership', encodeOp(op));
    core.events.emit('epoch', { epoch: op.epoch, secret });
  }

  /** Whether this device's person is an admin, as this device sees the group now. */
  function amAdmin(): boolean {
    return core.state.membership.state().people.get(myPerson)?.role === 'admin';
  }

  /** Whether this device is still in the group. */
  function inGroup(): boolean {
    return core.state.membership.state().devices.get(myDevice)?.removed === null;
  }

  /** Before writing: a member starts a new epoch if the current one is due (epochs.ts). */
  async function rotateIfDue(): Promise<void> {
    const state = core.state.membership.state();
    if (deps.me.box && inGroup() && needsRotation(state, core)) await rotate();
  }

  /** Removes a person (or, for oneself, leaves): pins what we hold of each of their devices. */
  async function removePerson(person: string): Promise<void> {
    const state = core.state.membership.state();
    const target = state.people.get(person);
    if (!target || target.removed) throw new Error('not a member of this group');
    const self = person === myPerson;
    if (!self && !amAdmin())
      throw new MembershipError(
        'admin-only-remove',
        'Only an admin can remove someone from the group.',
      );
    const pins = target.devices.flatMap((key) => {
      const device = state.devices.get(key);
      if (!device) return [];
      const own = device.clientId === deps.me.clientId;
      // Our own removal (a leave) is our last blob: it pins us at its own seq.
      const seq = core.state.book.head(device.clientId) + (own ? 1 : 0);
      return [{ clientId: device.clientId, seq }];
    });
    await writeBlob('membership', encodeOp({ type: 'remove', person: target.person, pins }));
    // The others now need an epoch the removed person cannot read; one who leaves cannot start
    // it (they are out), so the next member to write does (`rotateIfDue`).
    if (!self) await rotate();
  }

  async function unlinkDevice(key: string): Promise<void> {
    const state = core.state.membership.state();
    const device = state.devices.get(key);
    if (!device || device.removed)
      throw new MembershipError('device-not-in-group', 'That device is not in the group.');
    if (device.person !== myPerson && !amAdmin())
      throw new MembershipError(
        'admin-only-unlink',
        'Only an admin can unlink someone else’s device.',
      );
    const person = state.people.get(device.person);
    if (!person || personDevices(state, person).every((d) => d === key))
      throw new MembershipError(
        'only-device',
        'That is their only device here: leaving or removal is the way.',
      );
    const own = key === myDevice;
    const pin = core.state.book.head(device.clientId) + (own ? 1 : 0);
    await writeBlob('membership', encodeOp({ type: 'unlink', device: fromHex(key), pin }));
    // Unlinking this very device is its last word: the next member to write rotates.
    if (!own) await rotate();
  }

  async function writeBlob(
    kind: BlobKind,
    payload: Uint8Array,
    time = core.clock.tick(),
    epoch = writeEpoch(core),
  ): Promise<string> {
    if (!inGroup()) throw new NotAMemberError();
    const { book } = core.state;
    const clientId = deps.me.clientId;
    const seq = book.head(clientId) + 1;
    const prev = book.accepted(clientId, seq - 1);
    if (prev && compareHlc(time, prev.time) <= 0) throw new Error('clock went backwards');
    const mine = book.frontier(clientId);
    const blobDeps: BlobDep[] = [];
    const depIds: Uint8Array[] = [];
    for (const [device, head] of [...book.heads()].sort((a, b) => a[0] - b[0])) {
      if (device === clientId || head <= (mine.get(device) ?? 0)) continue;
      blobDeps.push({ device, seq: head });
      depIds.push(fromHex(book.accepted(device, head)?.id ?? ''));
    }
    const keys = core.keys.get(epoch);
    if (!keys) throw new Error('this device holds no key for the group');
    const sealed = await sealBlob({
      kind,
      groupId: deps.groupId,
      epoch,
      person: deps.me.person,
      seq,
      prev: prev ? fromHex(prev.id) : noPrevious(),
      time,
      deps: blobDeps,
      depsHash: blobDeps.length > 0 ? depsHash(depIds) : undefined,
      payload,
      contentKey: kind === 'membership' ? keys.membershipKey : keys.contentKey,
      signer: deps.me.signer,
      random: deps.random,
    });
    const id = toHex(sealed.id);
    // Kept, then sent, then judged (docs/benchmarks.md, sync): stored before anyone can hold
    // it, since a blob that left but was lost here would make our next one a fork; sent
    // before our own bookkeeping, which peers need not wait for.
    const stored: StoredBlob = { id, clientId, seq, bytes: sealed.bytes };
    await deps.storage.appendBlob(stored);
    core.events.emit('blob', stored);
    core.state.local.add(id);
    const report = await receiveOwn(core, sealed.bytes);
    core.state.local.delete(id);
    if (report.accepted !== 1)
      throw new Error(`this device's own blob was not accepted: ${JSON.stringify(report)}`);
    return id;
  }

  /**
   * Applies a local content change to the doc of the epoch we write in (the change may name a
   * message in any of our docs), then seals and records it as our blob.
   */
  async function change(
    make: (doc: Y.Doc, others: Y.Doc[], at: number) => Result<Written, ContentError>,
  ): Promise<Written> {
    await rotateIfDue();
    if (!inGroup()) throw new NotAMemberError();
    const epoch = writeEpoch(core);
    const time = core.clock.tick();
    const made = make(core.state.docs.of(epoch), viewDocs(core.state), time.wall);
    if (!made.ok) throw new ContentChangeError(made.error);
    await writeBlob('content', made.value.update, time, epoch);
    return made.value;
  }

  return {
    groupId: deps.groupId,
    events: core.events,
    receive: (blobs) => serial(() => receive(blobs)),
    receiveRange: (blobs) =>
      serial(async () => {
        const report = await receiveRange(core, blobs);
        if (report.rebuild) await rebuild();
        return report;
      }),
    addEpochSecret: (epoch, secret) =>
      serial(async () => {
        core.keys.set(epoch, epochKeys(deps.groupId, epoch, secret));
        await receiveHeld(epoch);
      }),
    addMembershipKey: (epoch, key) =>
      serial(async () => {
        if (key.length !== 32) throw new RangeError('a membership key is 32 bytes');
        if (core.keys.has(epoch)) return;
        core.membershipKeys.set(epoch, key);
        await receiveHeld(epoch);
      }),
    send: (message) =>
      serial(async () => {
        let id = '';
        await change((doc, others, at) => {
          const sent = sendMessage(doc, { ...message, at }, others);
          if (sent.ok) id = sent.value.id;
          return sent;
        });
        return id;
      }),
    edit: (id, text) =>
      serial(() =>
        change((doc, others, at) => editMessage(doc, id, text, at, others)).then(() => undefined),
      ),
    remove: (id) =>
      serial(() =>
        change((doc, others, at) => deleteMessage(doc, id, at, others)).then(() => undefined),
      ),
    react: (id, emoji, on) =>
      serial(() =>
        change((doc, others, at) => setReaction(doc, id, emoji, on, at, others)).then(
          () => undefined,
        ),
      ),
    writeOp: (op) => serial(() => writeBlob('membership', encodeOp(op))),
    removePerson: (person) => serial(() => removePerson(person)),
    promote: (person) =>
      serial(async () => {
        const people = core.state.membership.state().people;
        if (!amAdmin())
          throw new MembershipError(
            'admin-only-promote',
            'Only an admin can make someone an admin.',
          );
        if (people.get(person)?.removed !== null)
          throw new MembershipError(
            'promote-non-member',
            'Only a member of the group can be made an admin.',
          );
        await writeBlob('membership', encodeOp({ type: 'promote', person: fromHex(person) }));
      }),
    unlinkDevice: (device) => serial(() => unlinkDevice(device)),
    rotateIfDue: () => serial(rotateIfDue),
    members: () => core.state.membership.state(),
    messageIds: (start = 0, end = Number.MAX_SAFE_INTEGER) => core.state.order.slice(start, end),
    message: (id) => readMessage(viewDocs(core.state), id),
    messageCount: () => core.state.order.size(),
    heads: () => core.state.book.heads(),
    rebuild: () => serial(rebuild),
    saveSnapshot: (sealer, alongside) => serial(() => saveSnapshot(core, sealer, alongside)),
    loadSnapshot: (sealer) => serial(() => loadSnapshot(sealer)),
    core: () => core,
  };
}
