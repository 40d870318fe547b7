import { toHex } from '../crypto/bytes.ts';
import type { Ed25519 } from '../crypto/ed25519.ts';
import type { MembershipState } from '../membership/state.ts';
import { openHeads, type HeadsRecord } from '../sync/heads.ts';
import { activePeople, isActivePerson } from '../membership/state.ts';
import { openPresence, type Presence } from '../sync/presence.ts';

/** How many people hold a message: the author's own person counts (they hold it). */
export type Delivery = { held: number; of: number };

/** Who is in the room right now, by hex person key (this device's own person excluded). */
export type PresenceView = {
  online: string[];
  typing: string[];
  /** Person → the last message they have read. */
  readUpTo: Map<string, string>;
};

/** A typing flag older than this (by our clock, from when we saw it) is dropped. */
export const TYPING_TTL_MS = 8_000;
/** More devices than any group of people has: a bound on what strangers can make us keep. */
const MAX_DEVICES = 1024;

export type RoomStateDeps = {
  ed: Ed25519;
  group: Uint8Array;
  members: () => MembershipState;
  myPerson: string;
  myDevice: string;
  /** Content keys of the epochs we hold, newest first: presence is sealed with one of them. */
  contentKeys: () => Uint8Array[];
  now: () => number;
};

const total = (have: Map<number, number>) => [...have.values()].reduce((a, b) => a + b, 0);

/** Later by the signer's clock; in a tie (two signed in one ms), the one holding more. */
function newer(record: HeadsRecord, than: HeadsRecord): boolean {
  if (record.issuedAt !== than.issuedAt) return record.issuedAt > than.issuedAt;
  return total(record.have) > total(than.have);
}

/**
 * What this device knows of the others in a group's room (DESIGN §6): their newest verified
 * have-vectors, from the heads doc, and their sealed presence, from awareness. Everything
 * arrives from a shared doc or a broadcast that anyone in the room can write, so each record
 * is verified and only members' devices count.
 */
export function createRoomState(deps: RoomStateDeps) {
  const heads = new Map<string, HeadsRecord>();
  const present = new Map<string, { presence: Presence; seenAt: number }>();
  const personOf = (device: string) => deps.members().devices.get(device)?.person;

  return {
    /** Takes heads records from the doc; true if any device's have-vector moved. */
    async acceptHeads(records: readonly Uint8Array[]): Promise<boolean> {
      let changed = false;
      for (const bytes of records) {
        const record = await openHeads(deps.ed, bytes, deps.group);
        if (!record) continue;
        const device = toHex(record.device);
        if (device === deps.myDevice) continue;
        const known = heads.get(device);
        // Older records (a stale copy restored from another peer's doc) are ignored.
        if (known && !newer(record, known)) continue;
        const member = personOf(device) !== undefined;
        // Records of devices we do not know yet are kept (their admission may still be on
        // its way), but only so many: anyone in the room can write the doc.
        if (!known && !member && heads.size >= MAX_DEVICES) continue;
        heads.set(device, record);
        if (member) changed = true;
      }
      return changed;
    },

    /** A device's newest verified have-vector, if it published one. */
    haveOf(device: string): ReadonlyMap<number, number> | undefined {
      return heads.get(device)?.have;
    },

    /** How many people hold the blob at `clientId`:`seq`, counted per person, not device. */
    delivery(clientId: number, seq: number): Delivery {
      const members = deps.members();
      const people = new Set<string>([deps.myPerson]);
      for (const [device, record] of heads) {
        const person = members.devices.get(device)?.person;
        // Only people in the group now: someone removed may still hold it, but is not counted.
        if (person === undefined || !isActivePerson(members.people.get(person))) continue;
        if ((record.have.get(clientId) ?? 0) >= seq) people.add(person);
      }
      const of = activePeople(members).length;
      return { held: people.size, of: Math.max(of, people.size) };
    },

    /**
     * Takes every awareness state currently in the room (ours excluded), replacing what was
     * there: a device that left the room is no longer present. True if anything changed.
     */
    async acceptPresence(states: readonly Uint8Array[]): Promise<boolean> {
      const now = deps.now();
      const next = new Map<string, { presence: Presence; seenAt: number }>();
      for (const bytes of states) {
        let opened: Presence | null = null;
        for (const key of deps.contentKeys()) {
          opened = await openPresence(deps.ed, bytes, deps.group, key);
          if (opened) break;
        }
        if (!opened) continue;
        const device = toHex(opened.device);
        if (device === deps.myDevice || personOf(device) === undefined) continue;
        const known = next.get(device) ?? present.get(device);
        if (known && known.presence.at > opened.at) {
          next.set(device, known);
          continue;
        }
        const same = known && known.presence.at === opened.at;
        next.set(device, { presence: opened, seenAt: same ? known.seenAt : now });
      }
      const changed =
        next.size !== present.size ||
        [...next].some(([device, entry]) => present.get(device)?.presence.at !== entry.presence.at);
      present.clear();
      for (const [device, entry] of next) present.set(device, entry);
      return changed;
    },

    presence(): PresenceView {
      const now = deps.now();
      const online = new Set<string>();
      const typing = new Set<string>();
      const readUpTo = new Map<string, { id: string; at: number }>();
      for (const [device, { presence, seenAt }] of present) {
        const person = personOf(device);
        if (person === undefined || person === deps.myPerson) continue;
        online.add(person);
        if (presence.typing && now - seenAt < TYPING_TTL_MS) typing.add(person);
        const read = readUpTo.get(person);
        if (presence.readUpTo !== '' && (!read || read.at < presence.at))
          readUpTo.set(person, { id: presence.readUpTo, at: presence.at });
      }
      return {
        online: [...online],
        typing: [...typing],
        readUpTo: new Map([...readUpTo].map(([person, read]) => [person, read.id])),
      };
    },

    /** True while someone's typing flag has not yet expired: the caller re-checks later. */
    typingPending: () =>
      [...present.values()].some(
        ({ presence, seenAt }) => presence.typing && deps.now() - seenAt < TYPING_TTL_MS,
      ),
  };
}

export type RoomState = ReturnType<typeof createRoomState>;
