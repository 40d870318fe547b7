import { toHex } from '../crypto/bytes.ts';
import type { Genesis, GroupSettings } from '../group/genesis.ts';
import type { DeviceCertificate, SignedName } from '../identity/keys.ts';
import type { KeyringBox } from './ops.ts';

/** Where an operation sits: the author device's clientID and the blob's seq. */
export type OpRef = { clientId: number; seq: number };

export type Role = 'admin' | 'member';

export type MemberPerson = {
  person: Uint8Array;
  name: SignedName;
  role: Role;
  /** Hex device keys, in the order they were admitted. */
  devices: string[];
  /** Effective time of the admission that brought the person in. */
  joinedAt: number;
  /** Set once the person is out of the group: removed by an admin, or left. */
  removed: { by: OpRef; reason: 'removed' | 'left' } | null;
};

export type MemberDevice = {
  certificate: DeviceCertificate;
  clientId: number;
  person: string;
  /** The admission op, or null for the creator's device (admitted by the genesis record). */
  admittedBy: OpRef | null;
  /**
   * Every admission of this device: two members online may both answer one join request,
   * and each admission is a valid way for the device to have been let in.
   */
  admissions: OpRef[];
  /**
   * The admissions that handed it the admitter's epochs: every one in a group whose history
   * policy is "all"; in a "from join" group only a link by its own person (DESIGN §8), since a
   * newcomer there gets a new epoch instead.
   */
  handed: OpRef[];
  /** Set once the device is out: its blobs after `pin` are refused everywhere. */
  removed: { by: OpRef; pin: number } | null;
};

/** One epoch: the genesis epoch (0), or one a `rotate` op started. */
export type EpochRecord = {
  epoch: number;
  generation: number;
  /** The rotate op, or null for the genesis epoch. */
  by: OpRef | null;
  /** Hex device keys the rotation boxed the secret to (empty for the genesis epoch). */
  keyring: string[];
  boxes: KeyringBox[];
  /** Hex key of the rotating device (the boxes are from its box key). */
  author: string | null;
  /** False for a refused rotation: readable by its keyring, never current (reduce.ts). */
  valid: boolean;
};

export type InviteRecord = {
  inviteId: Uint8Array;
  /** Every member holds it, so any member online can admit through the invite. */
  inviteSecret: Uint8Array;
  expiresAt: number | null;
  singleUse: boolean;
  createdBy: string;
  createdAt: OpRef;
  revokedAt: OpRef | null;
  usedAt: OpRef[];
};

/** The reduced membership of a group: identical on every peer that holds the same ops. */
export type MembershipState = {
  groupName: string;
  settings: GroupSettings;
  /** By hex person key. */
  people: Map<string, MemberPerson>;
  /** By hex device key. */
  devices: Map<string, MemberDevice>;
  /** Yjs clientID → hex device key. */
  clientIds: Map<number, string>;
  /** By hex invite id. */
  invites: Map<string, InviteRecord>;
  /** Every epoch, by id. */
  epochs: Map<number, EpochRecord>;
  /** The epoch members write in: the newest generation; of concurrent ones, the first in order. */
  current: number;
  /** Removals by an admin, in order: each retires the invites made before it. */
  removals: OpRef[];
  /**
   * Devices whose admission crossed a rotation and was void (reduce.ts), with those
   * admissions: they were given epoch secrets anyway.
   */
  voided: Map<string, OpRef[]>;
  /**
   * Every admission that crossed a rotation (void, whether it handed history or not): the
   * device it named, by hex key, and the clientID it gave it. Members may have taken that
   * device's blobs, and written after them, before they learned it was void (`voidChains`).
   */
  crossed: Map<string, number>;
  /**
   * Why each admin is one: the promotions (or, null, the genesis) that made them admin. An op
   * needs one in its causal past to count as an admin's (reduce.ts).
   */
  adminGrants: Map<string, (OpRef | null)[]>;
};

/**
 * The chains (clientIDs) of devices whose every admission was void: no device of the group
 * has the clientID. What is on them takes no effect anywhere, so a blob that depends on one
 * does not wait for it (judge.ts): a member who took such a device's blobs before learning
 * its admission was void may have written after them, and no peer will ever take them now.
 */
export function voidChains(state: MembershipState): Set<number> {
  const chains = new Set<number>();
  for (const clientId of state.crossed.values())
    if (!state.clientIds.has(clientId)) chains.add(clientId);
  return chains;
}

/** Whether a person is in the group now. */
export const isActivePerson = (person: MemberPerson | undefined): person is MemberPerson =>
  person !== undefined && person.removed === null;

/** The people in the group now (not those removed or gone). */
export function activePeople(state: MembershipState): MemberPerson[] {
  return [...state.people.values()].filter(isActivePerson);
}

/** Hex keys of one person's devices in the group now, in the order they were admitted. */
export function personDevices(state: MembershipState, person: MemberPerson): string[] {
  return person.devices.filter((key) => state.devices.get(key)?.removed === null);
}

/** Hex keys of the devices in the group now. */
export function activeDevices(state: MembershipState): string[] {
  return [...state.devices].filter(([, d]) => d.removed === null).map(([key]) => key);
}

/**
 * Devices that hold an epoch's secret: its keyring, and the devices admitted after it
 * started (an admission hands the joiner every epoch its admitter held, DESIGN §3, except
 * in a "from join" group), also by an admission that turned out void.
 */
export function epochHolders(
  state: MembershipState,
  epoch: number,
  before: (earlier: OpRef, later: OpRef) => boolean,
): Set<string> {
  const record = state.epochs.get(epoch);
  const holders = new Set(record?.keyring ?? []);
  if (!record) return holders;
  const start = record.by;
  const handed = (refs: readonly OpRef[]) =>
    refs.length > 0 && (start === null || refs.some((ref) => before(start, ref)));
  for (const [key, device] of state.devices) {
    if (device.admittedBy === null ? start === null : handed(device.handed)) holders.add(key);
  }
  // A void admission still handed the joiner its admitter's epochs.
  for (const [key, refs] of state.voided) if (handed(refs)) holders.add(key);
  return holders;
}

/** The state a group starts in: its creator, as admin, with one device. */
export function initialState(genesis: Genesis): MembershipState {
  const person = toHex(genesis.creator.person);
  const device = toHex(genesis.creator.device);
  return {
    groupName: genesis.name,
    settings: { ...genesis.settings },
    people: new Map([
      [
        person,
        {
          person: genesis.creator.person,
          name: genesis.creatorName,
          role: 'admin',
          devices: [device],
          joinedAt: genesis.createdAt,
          removed: null,
        },
      ],
    ]),
    devices: new Map([
      [
        device,
        {
          certificate: genesis.creator,
          clientId: genesis.clientId,
          person,
          admittedBy: null,
          admissions: [],
          handed: [],
          removed: null,
        },
      ],
    ]),
    clientIds: new Map([[genesis.clientId, device]]),
    invites: new Map(),
    epochs: new Map([
      [0, { epoch: 0, generation: 0, by: null, keyring: [], boxes: [], author: null, valid: true }],
    ]),
    current: 0,
    removals: [],
    voided: new Map(),
    crossed: new Map(),
    adminGrants: new Map([[person, [null]]]),
  };
}
