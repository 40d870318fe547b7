import { base32nopad } from '@scure/base';
import { writer } from '../codec/wire.ts';
import { derive } from '../crypto/hash.ts';

export const EPOCH_SECRET_BYTES = 32;

/** What one epoch's secret gives a member: the content key and where to meet. */
export type EpochKeys = {
  epoch: number;
  /** secretbox key for content blobs and sealed presence in this epoch. */
  contentKey: Uint8Array;
  /**
   * secretbox key for membership blobs: a member who joined a "from join" group later is
   * handed this key alone for the epochs before them, so they can check the membership log
   * back to the genesis without reading a word of what was said.
   */
  membershipKey: Uint8Array;
  /** The y-webrtc room: reveals nothing about the group id or the secret. */
  room: string;
  /**
   * The signaling password: a ciphertext-only relay can be given room and password without
   * the content key, because both are one-way derivations of the secret (DESIGN §2).
   */
  signalingPassword: string;
};

function context(groupId: Uint8Array, epoch: number): Uint8Array {
  return writer().fixed(groupId).uint(epoch).finish();
}

/** Derives an epoch's keys from its secret, bound to the group and the epoch number. */
export function epochKeys(groupId: Uint8Array, epoch: number, secret: Uint8Array): EpochKeys {
  if (secret.length !== EPOCH_SECRET_BYTES) throw new RangeError('an epoch secret is 32 bytes');
  const ctx = context(groupId, epoch);
  return {
    epoch,
    contentKey: derive(secret, 'fellows/v1/content-key', ctx),
    membershipKey: derive(secret, 'fellows/v1/membership-key', ctx),
    room: `fellows-${base32nopad.encode(derive(secret, 'fellows/v1/room', ctx, 20)).toLowerCase()}`,
    signalingPassword: base32nopad
      .encode(derive(secret, 'fellows/v1/signaling-password', ctx, 20))
      .toLowerCase(),
  };
}
