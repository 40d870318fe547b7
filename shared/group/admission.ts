import nacl from 'tweetnacl';
import type { BoxKeyPair, DeviceCertificate, SignedName } from '../identity/keys.ts';
import { inviteIdOf, type BoxedSecret, type MembershipOp } from '../membership/ops.ts';
import type { MembershipState } from '../membership/state.ts';

export { inviteIdOf };
import { clientIdFor } from './genesis.ts';

/** The clientID a joining device will write with: derived from its key and the group. */
export function joinerClientId(device: Uint8Array, groupId: Uint8Array): number {
  return clientIdFor(device, groupId);
}

/**
 * Boxes the epoch secrets the history policy allows to the new device (nacl.box from the
 * admitter's device to the joiner's). Only that device can open them; other members see
 * the boxes in the log and learn nothing.
 */
export function boxSecrets(
  secrets: ReadonlyMap<number, Uint8Array>,
  joinerBox: Uint8Array,
  admitter: BoxKeyPair,
  random: (length: number) => Uint8Array,
): BoxedSecret[] {
  return [...secrets].map(([epoch, secret]) => {
    const nonce = random(nacl.box.nonceLength);
    return { epoch, nonce, box: nacl.box(secret, nonce, joinerBox, admitter.secretKey) };
  });
}

/** Opens the boxes addressed to this device; a box that does not open is left out. */
export function openSecrets(
  boxed: readonly BoxedSecret[],
  admitterBox: Uint8Array,
  mine: BoxKeyPair,
): Map<number, Uint8Array> {
  const secrets = new Map<number, Uint8Array>();
  for (const { epoch, nonce, box } of boxed) {
    const secret = nacl.box.open(box, nonce, admitterBox, mine.secretKey);
    if (secret && secret.length === 32) secrets.set(epoch, secret);
  }
  return secrets;
}

/** The admission op for a verified join request. */
export function admitOp(input: {
  groupId: Uint8Array;
  certificate: DeviceCertificate;
  name: SignedName;
  inviteSecret: Uint8Array | null;
  secrets: BoxedSecret[];
}): Extract<MembershipOp, { type: 'admit' }> {
  return {
    type: 'admit',
    certificate: input.certificate,
    name: input.name,
    clientId: joinerClientId(input.certificate.device, input.groupId),
    inviteId: input.inviteSecret ? inviteIdOf(input.inviteSecret) : null,
    secrets: input.secrets,
  };
}

/**
 * The keys an invited device is handed, from those its admitter holds (docs/protocol.md,
 * "History policy"). With history "all": every epoch secret. With "from join": only the
 * secrets of epochs started for it (their keyrings name the device), and the membership keys
 * of all the others, to check the log back to the genesis.
 */
export function keysForNewcomer(
  members: MembershipState,
  device: string,
  held: {
    secrets: ReadonlyMap<number, Uint8Array>;
    /** Membership keys of every epoch held: derived from the secrets, or handed earlier. */
    membershipKeys: ReadonlyMap<number, Uint8Array>;
  },
): { secrets: Map<number, Uint8Array>; membershipKeys: Map<number, Uint8Array> } {
  if (members.settings.historyPolicy === 'all')
    return { secrets: new Map(held.secrets), membershipKeys: new Map() };
  const readable = (epoch: number) => members.epochs.get(epoch)?.keyring.includes(device) === true;
  return {
    secrets: new Map([...held.secrets].filter(([epoch]) => readable(epoch))),
    membershipKeys: new Map([...held.membershipKeys].filter(([epoch]) => !readable(epoch))),
  };
}
