import { toHex } from '../crypto/bytes.ts';
import type { Genesis, GroupSettings } from '../group/genesis.ts';
import type { DeviceCertificate, SignedName } from '../identity/keys.ts';

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
};

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
        },
      ],
    ]),
    clientIds: new Map([[genesis.clientId, device]]),
    invites: new Map(),
  };
}
