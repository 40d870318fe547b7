import { utf8 } from '../crypto/bytes.ts';
import { PUBLIC_KEY_BYTES } from '../crypto/ed25519.ts';
import { DisplayNameError, parseDisplayName } from '../profile.ts';
import { InviteError, inviteError } from './invite-error.ts';
import { MAX_SIGNALING_URLS, parseSignalingUrl, type SignalingUrl } from './signaling-url.ts';

export const GROUP_ID_BYTES = 32;
export const INVITE_SECRET_BYTES = 16;

/** Bytes a group name may take in an invite: ample for 64 characters of most scripts, and
 * small enough that the largest invite stays well under the input cap. */
export const MAX_GROUP_NAME_BYTES = 256;

/** The latest date a JavaScript Date can hold, so an expiry can always be shown. */
export const MAX_EXPIRY_MS = 8_640_000_000_000_000;

type InviteFields = {
  version: number;
  groupId: Uint8Array;
  inviteSecret: Uint8Array;
  inviter: Uint8Array;
  expiresAt: number | null;
  groupName: string;
  signaling: readonly string[];
};

/**
 * Checks every field of an invite against the limits both encoder and decoder hold to, so
 * whatever encodes also decodes.
 * @throws InviteError('malformed' | 'bad-signaling-url')
 */
export function checkInviteFields(invite: InviteFields): void {
  if (
    invite.version !== 1 ||
    invite.groupId.length !== GROUP_ID_BYTES ||
    invite.inviteSecret.length !== INVITE_SECRET_BYTES ||
    invite.inviter.length !== PUBLIC_KEY_BYTES
  ) {
    throw inviteError('malformed');
  }
  const { expiresAt } = invite;
  if (
    expiresAt !== null &&
    !(Number.isSafeInteger(expiresAt) && expiresAt >= 0 && expiresAt <= MAX_EXPIRY_MS)
  ) {
    throw inviteError('malformed');
  }
  checkGroupName(invite.groupName);
  checkSignaling(invite.signaling);
}

/**
 * Checks an invite's signaling URLs and takes them apart.
 * @throws InviteError('bad-signaling-url') naming what is wrong (never echoing the URL).
 */
export function checkSignaling(urls: readonly unknown[]): SignalingUrl[] {
  if (urls.length === 0 || urls.length > MAX_SIGNALING_URLS) throw signalingCountError();
  return urls.map((url) => {
    const parsed = parseSignalingUrl(url);
    if (!parsed.ok) {
      throw new InviteError(
        'bad-signaling-url',
        `This invite cannot be used: ${parsed.problem}. Fellows only contacts ws:// and wss:// servers. Ask for a new invite.`,
      );
    }
    return parsed.url;
  });
}

/** The error for an invite that names no signaling server, or too many to show. */
export function signalingCountError(): InviteError {
  return new InviteError(
    'bad-signaling-url',
    `This invite must name between 1 and ${MAX_SIGNALING_URLS} signaling servers. Ask for a new invite.`,
  );
}

function checkGroupName(name: string): void {
  if (name === '') return;
  // A lone surrogate cannot survive UTF-8: the name would change on the way.
  let parsed: string;
  try {
    parsed = /\p{Cs}/u.test(name) ? '' : parseDisplayName(name);
  } catch (error) {
    if (!(error instanceof DisplayNameError)) throw error;
    parsed = '';
  }
  // The same rules as a person's display name, already applied: a name that needs trimming or
  // hides direction overrides was not made by an honest app.
  if (parsed !== name || utf8(name).length > MAX_GROUP_NAME_BYTES) {
    throw new InviteError('malformed', 'This invite’s group name is not valid. Ask for a new one.');
  }
}
