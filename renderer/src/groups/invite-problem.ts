import { toHex } from '../../../shared/crypto/bytes.ts';
import {
  checkInviteUsable,
  decodeInvite,
  InviteError,
  type InviteErrorReason,
} from '../../../shared/invite/code.ts';
import { decodeLinkOffer, LinkError } from '../../../shared/link/code.ts';

/** Why what was pasted cannot be used to join, as the join form words it. */
export type InviteProblem =
  | { kind: Exclude<InviteErrorReason, 'expired'> }
  /** A link, but to something else (a web page, a mail address). */
  | { kind: 'other-link' }
  | { kind: 'expired'; expiredAt: number }
  /** A code for linking one's own devices, pasted where an invite goes. */
  | { kind: 'device-link' }
  | { kind: 'already-member'; groupId: string };

const SCHEME = /^\s*[a-z][a-z0-9+.-]*:/iu;

/**
 * Checks a pasted invite before anything is contacted, with the decoder's typed reasons (so
 * the words can be translated), or null when it can be used.
 */
export function inviteProblem(
  input: string,
  now: number,
  isMember: (groupId: string) => boolean,
): InviteProblem | null {
  let invite;
  try {
    invite = decodeInvite(input);
  } catch (error) {
    if (isDeviceLink(input, now)) return { kind: 'device-link' };
    if (!(error instanceof InviteError) || error.reason === 'expired') return { kind: 'malformed' };
    if (error.reason === 'not-an-invite' && SCHEME.test(input)) return { kind: 'other-link' };
    return { kind: error.reason };
  }
  try {
    checkInviteUsable(invite, now);
  } catch (error) {
    if (error instanceof InviteError && error.reason === 'expired' && invite.expiresAt !== null)
      return { kind: 'expired', expiredAt: invite.expiresAt };
    throw error;
  }
  const groupId = toHex(invite.groupId);
  return isMember(groupId) ? { kind: 'already-member', groupId } : null;
}

/** Whether the text is a device link code (its checksum holds), even an expired one. */
function isDeviceLink(input: string, now: number): boolean {
  if (/^\s*fellows:\/\/link\//iu.test(input)) return true;
  try {
    decodeLinkOffer(input, now);
    return true;
  } catch (error) {
    // These are only found once the code's checksum checked out: it is a link code.
    return (
      error instanceof LinkError &&
      (error.reason === 'expired' ||
        error.reason === 'unsupported-version' ||
        error.reason === 'bad-signaling-url')
    );
  }
}
