import { toHex } from '../crypto/bytes.ts';
import { readMessages, readTexts, type MessageView } from '../content/view.ts';
import type { GroupEngine } from '../group/engine.ts';
import { viewDocs } from '../group/engine-state.ts';
import {
  activePeople,
  personDevices,
  type MemberPerson,
  type MembershipState,
} from '../membership/state.ts';
import { fingerprint } from '../identity/keys.ts';
import type { Delivery } from './room-state.ts';
import { groupTones, toneOf } from './tones.ts';

/** One message as the UI shows it: names resolved, reply quoted, reactions counted. */
export type MessageItem = {
  id: string;
  /** `tone`: their colour in this group (tones.ts); absent in windows saved before it was kept. */
  author: { person: string; name: string; tone?: number };
  mine: boolean;
  text: string;
  edited: boolean;
  deleted: boolean;
  replyTo: { id: string; author: string; excerpt: string } | { id: string; missing: true } | null;
  reactions: { emoji: string; count: number; mine: boolean; people: string[] }[];
  mentionsMe: boolean;
  /** Effective time (ms): what the conversation is ordered by. */
  time: number;
  /** Dated more than the tolerance ahead of our clock when it arrived. */
  future: boolean;
  /** For this person's own messages: how many members' people hold it ("held by 3 of 5"). */
  delivery: Delivery | null;
};

export type MemberItem = {
  person: string;
  name: string;
  role: 'admin' | 'member';
  devices: number;
  /** Each device in the group now, in the order it was added. */
  deviceList: DeviceItem[];
  me: boolean;
  /** The person's safety number (60 digits), to compare with theirs in person. */
  safetyNumber: string;
  /** Their colour in this group (tones.ts): the same on every member's screen. */
  tone: number;
};

/** One of a person's devices, as the members panel lists it. */
export type DeviceItem = {
  /** Hex device key. */
  device: string;
  /** A short label people can compare between screens (the key's first bytes). */
  label: string;
  /** When the person certified it (ms). */
  addedAt: number;
  /** The device this app runs on. */
  thisDevice: boolean;
};

const EXCERPT = 120;

const tones = new WeakMap<MembershipState, Map<string, number>>();

/**
 * A person's colour in the group (tones.ts), the colours worked out once per membership:
 * everyone the group ever admitted, in the log's order, so people who left keep their place.
 */
function toneIn(members: MembershipState, person: string): number {
  let found = tones.get(members);
  if (!found) {
    found = groupTones(members.people.keys());
    tones.set(members, found);
  }
  return found.get(person) ?? toneOf(person);
}

/** Maps a Yjs clientID to its person and that person's current display name. */
export function authorOf(engine: GroupEngine, clientId: number): { person: string; name: string } {
  const members = engine.members();
  const device = members.clientIds.get(clientId);
  const person = device ? members.devices.get(device)?.person : undefined;
  const name = person ? members.people.get(person)?.name.name : undefined;
  return { person: person ?? '', name: name ?? 'Unknown member' };
}

/** A group's unread messages, and how many of them mention this device's person. */
export type Unread = { count: number; mentions: number };

/**
 * How many of `ids` are others' messages not deleted, and how many of those mention
 * `myPerson`: the unread count. Read in one pass (reactions indexed once), without building
 * an item per message: a group can hold thousands unread after a catch-up, and the groups list
 * asks on every refresh.
 */
export function countUnread(engine: GroupEngine, ids: readonly string[], myPerson: string): Unread {
  let count = 0;
  let mentions = 0;
  const people = new Map<number, string>();
  for (const view of readMessages(viewDocs(engine.core().state), ids)) {
    if (view.deleted) continue;
    let person = people.get(view.author);
    if (person === undefined) {
      person = authorOf(engine, view.author).person;
      people.set(view.author, person);
    }
    if (person === myPerson) continue;
    count++;
    if (view.mentions.includes(myPerson)) mentions++;
  }
  return { count, mentions };
}

export function messageItem(
  engine: GroupEngine,
  view: MessageView,
  myPerson: string,
  deliveryOf: (clientId: number, seq: number) => Delivery,
): MessageItem {
  const core = engine.core();
  const who = authorOf(engine, view.author);
  const author = { ...who, tone: toneIn(engine.members(), who.person) };
  let replyTo: MessageItem['replyTo'] = null;
  if (view.replyTo !== undefined) {
    // Only what a quote shows: reading the whole message would index every reaction again.
    const [quoted] = readTexts(viewDocs(core.state), [view.replyTo]);
    replyTo = quoted
      ? {
          id: quoted.id,
          author: authorOf(engine, quoted.author).name,
          excerpt: quoted.deleted ? '' : quoted.text.slice(0, EXCERPT),
        }
      : { id: view.replyTo, missing: true };
  }
  const blob = core.state.messageBlob.get(view.id);
  const key = core.state.order.keyOf(view.id);
  const mine = author.person === myPerson;
  const position = mine ? core.state.order.position(view.id) : undefined;
  return {
    id: view.id,
    author,
    mine,
    text: view.text,
    edited: view.edited,
    deleted: view.deleted,
    replyTo,
    reactions: view.reactions.map((r) => {
      const people = r.authors.map((clientId) => authorOf(engine, clientId));
      return {
        emoji: r.emoji,
        count: people.length,
        mine: people.some((p) => p.person === myPerson),
        people: people.map((p) => p.name),
      };
    }),
    mentionsMe: !view.deleted && view.mentions.includes(myPerson),
    time: key?.time.wall ?? view.at,
    future: blob !== undefined && core.state.future.has(blob),
    delivery: position ? deliveryOf(position.clientId, position.seq) : null,
  };
}

/** This device's standing in a group, for the conversation's banner and composer. */
export type Standing =
  | { state: 'member'; admin: boolean; adminsApproveJoins: boolean }
  /** Out of the group: what they had stays, read-only. `by` names the admin, if removed. */
  | { state: 'removed'; by: string | null }
  | { state: 'left' }
  /** This device was unlinked (its person stays in the group on their other devices). */
  | { state: 'unlinked'; by: string | null };

export function standingOf(engine: GroupEngine, myPerson: string, myDevice: string): Standing {
  const members = engine.members();
  const me = members.people.get(myPerson);
  const device = members.devices.get(myDevice);
  const approve = members.settings.adminsApproveJoins;
  if (!me || !device) return { state: 'member', admin: false, adminsApproveJoins: approve };
  if (me.removed?.reason === 'left') return { state: 'left' };
  const removal = me.removed ?? (device.removed ? { by: device.removed.by } : null);
  if (!removal) return { state: 'member', admin: me.role === 'admin', adminsApproveJoins: approve };
  const author = members.devices.get(members.clientIds.get(removal.by.clientId) ?? '');
  const by = author ? (members.people.get(author.person)?.name.name ?? null) : null;
  return { state: me.removed ? 'removed' : 'unlinked', by };
}

/** A device key's first six bytes in groups of four hex digits: "3f2a 91bc 77de". */
export function deviceLabel(hexKey: string): string {
  return (hexKey.slice(0, 12).match(/.{4}/g) ?? []).join(' ');
}

/** A person's devices in the group now, as the members panel and Settings list them. */
export function deviceItems(
  members: MembershipState,
  person: MemberPerson,
  myDevice: string,
): DeviceItem[] {
  return personDevices(members, person).flatMap((key) => {
    const device = members.devices.get(key);
    if (!device) return [];
    return [
      {
        device: key,
        label: deviceLabel(key),
        addedAt: device.certificate.issuedAt,
        thisDevice: key === myDevice,
      },
    ];
  });
}

export function memberItems(engine: GroupEngine, myPerson: string): MemberItem[] {
  const members = engine.members();
  const myDevice = toHex(engine.core().me.signer.publicKey);
  return activePeople(members)
    .map((p) => {
      const person = toHex(p.person);
      const deviceList = deviceItems(members, p, myDevice);
      return {
        person,
        name: p.name.name,
        role: p.role,
        devices: deviceList.length,
        deviceList,
        me: person === myPerson,
        safetyNumber: fingerprint(p.person),
        tone: toneIn(members, person),
      };
    })
    .sort((a, b) =>
      a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'admin' ? -1 : 1,
    );
}
