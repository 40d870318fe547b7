import type { OrderKey } from '../group/order.ts';
import type { GroupStorage } from '../storage/storage.ts';
import type { Sealer } from '../storage/sealer.ts';
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import { base64nopad } from '@scure/base';

/** What this device keeps about one group besides its blob log, sealed (DESIGN §7). */
export type GroupRecord = {
  version: 1;
  /** Hex group id. */
  id: string;
  genesis: Uint8Array;
  clientId: number;
  /** Epoch secrets this device holds: the keys to the group. */
  epochs: { epoch: number; secret: Uint8Array }[];
  /**
   * Membership keys of epochs before this device joined a "from join" group: it checks their
   * membership ops and never reads their messages. Absent in records from before it existed.
   */
  membershipKeys?: { epoch: number; key: Uint8Array }[];
  signaling: string[];
  /**
   * Where the person stopped reading, so unread counts survive restarts. Null: nothing read
   * (the creator of the group, before they read); a joiner starts at `cameIn`.
   */
  readKey: OrderKey | null;
};

/**
 * A joiner's read marker until they read: the moment they came in, as an order key no message
 * has (depth 0 sorts before every blob of that time). What the group wrote before they joined
 * is history, not news: the conversation opens at its latest message, and none of it counts as
 * unread, in the sidebar or the badge. A device linked by its person starts the same way: its
 * other laptop's reading does not travel with it.
 */
export const cameIn = (now: number): OrderKey => ({
  time: { wall: now, counter: 0 },
  depth: 0,
  blob: '',
});

/** Where a repo keeps its groups: one storage per group, plus repo-wide records. */
export type RepoStorage = {
  group(id: string): GroupStorage;
  putRecord(name: string, bytes: Uint8Array): Promise<void>;
  getRecord(name: string): Promise<Uint8Array | null>;
  listRecords(prefix: string): Promise<string[]>;
  /** Deletes everything kept for one group: its blob log, its records and its group record. */
  deleteGroup(id: string): Promise<void>;
};

type Stored = Omit<GroupRecord, 'genesis' | 'epochs' | 'membershipKeys'> & {
  genesis: string;
  epochs: { epoch: number; secret: string }[];
  membershipKeys?: { epoch: number; key: string }[];
};

const LABEL = 'group-record';

export async function saveGroupRecord(
  storage: RepoStorage,
  sealer: Sealer,
  record: GroupRecord,
): Promise<void> {
  const stored: Stored = {
    ...record,
    genesis: base64nopad.encode(record.genesis),
    epochs: record.epochs.map((e) => ({ epoch: e.epoch, secret: base64nopad.encode(e.secret) })),
    membershipKeys: (record.membershipKeys ?? []).map((e) => ({
      epoch: e.epoch,
      key: base64nopad.encode(e.key),
    })),
  };
  await storage.putRecord(
    `group:${record.id}`,
    await sealer.seal(utf8(JSON.stringify(stored)), LABEL),
  );
}

export async function loadGroupRecords(
  storage: RepoStorage,
  sealer: Sealer,
): Promise<GroupRecord[]> {
  const records: GroupRecord[] = [];
  for (const name of await storage.listRecords('group:')) {
    const sealed = await storage.getRecord(name);
    if (!sealed) continue;
    const stored = JSON.parse(fromUtf8(await sealer.open(sealed, LABEL))) as Stored;
    records.push({
      ...stored,
      genesis: base64nopad.decode(stored.genesis),
      epochs: stored.epochs.map((e) => ({ epoch: e.epoch, secret: base64nopad.decode(e.secret) })),
      membershipKeys: (stored.membershipKeys ?? []).map((e) => ({
        epoch: e.epoch,
        key: base64nopad.decode(e.key),
      })),
    });
  }
  return records;
}
