import { base64urlnopad } from '@scure/base';
import { concatBytes, equalBytes } from '../crypto/bytes.ts';
import { PUBLIC_KEY_BYTES } from '../crypto/ed25519.ts';
import { labelledHash } from '../crypto/hash.ts';
import { reader, writer } from '../codec/wire.ts';
import { InviteError, inviteError } from './invite-error.ts';
import {
  checkInviteFields,
  checkSignaling,
  GROUP_ID_BYTES,
  INVITE_SECRET_BYTES,
  signalingCountError,
} from './invite-fields.ts';
import { describeHost, MAX_SIGNALING_URLS } from './signaling-url.ts';

export { InviteError, type InviteErrorReason } from './invite-error.ts';

/**
 * What a person needs to ask a group to let them in (DESIGN §3). It never carries an epoch
 * secret: the group's content stays unreadable to whoever sees the code until a member admits
 * the joiner.
 */
export type Invite = {
  version: 1;
  /** The group's id, 32 bytes. */
  groupId: Uint8Array;
  /** 16 random bytes; the join request's key and topic are derived from them. */
  inviteSecret: Uint8Array;
  /** The inviter's person key (ed25519, 32 bytes). */
  inviter: Uint8Array;
  /** Milliseconds since the epoch, or null for an invite that does not expire. */
  expiresAt: number | null;
  /** A hint shown to the joiner before they join, ≤ 64 characters; may be ''. */
  groupName: string;
  /** 1–4 ws:// or wss:// signaling URLs. */
  signaling: string[];
};

export const INVITE_VERSION = 1;

/** Longest text `decodeInvite` looks at, checked before any decoding. The largest valid
 * invite is ~1,850 characters as a link. */
export const MAX_INVITE_INPUT_LENGTH = 2048;

/** Characters in the code of the smallest possible invite: anything shorter is not a code. */
export const SHORTEST_CODE_LENGTH = 127;

const LINK_PREFIX = 'fellows://join/';
const CHECKSUM_LABEL = 'fellows/v1/invite-checksum';
const CHECKSUM_BYTES = 4;
const CODE_ALPHABET = /^[A-Za-z0-9_-]+$/;
// Anything that starts like a URL ("https:", "mailto:", "fellows://settings/…").
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Strings are read with this generous bound; their real limits are checked afterwards so a
// too-long group name or URL gets its own reason rather than "malformed".
const MAX_STRING_BYTES = MAX_INVITE_INPUT_LENGTH;

/**
 * The invite as a code to paste: base64url (no padding) of the binary form.
 * @throws InviteError when the invite could not be decoded again (a field out of bounds).
 */
export function encodeInvite(invite: Invite): string {
  checkInviteFields(invite);
  const body = inviteBody(invite);
  return base64urlnopad.encode(concatBytes(body, checksum(body)));
}

/** The invite as a `fellows://join/<code>` link (the app registers the scheme). */
export function inviteLink(invite: Invite): string {
  return LINK_PREFIX + encodeInvite(invite);
}

/**
 * Reads an invite code or link someone pasted or scanned, tolerating surrounding white space,
 * line breaks inside the code and a trailing slash.
 * @throws InviteError — and nothing else — with a reason and a message for the person.
 */
export function decodeInvite(input: unknown): Invite {
  try {
    return decodeText(input);
  } catch (error) {
    if (error instanceof InviteError) throw error;
    // The parts below only throw DecodeError or InviteError; anything else is still a bad
    // invite, not a crash.
    throw inviteError('malformed');
  }
}

/**
 * Refuses an invite that can no longer be used (DESIGN §3: default expiry 7 days).
 * @throws InviteError('expired') with the date it expired.
 */
export function checkInviteUsable(invite: Invite, now: number): void {
  if (invite.expiresAt !== null && now >= invite.expiresAt) {
    throw new InviteError(
      'expired',
      `This invite expired on ${dayOf(invite.expiresAt)}. Ask the person who invited you for a new one.`,
    );
  }
}

/**
 * The signaling hosts (with port, when not the default) a joiner will contact, without
 * duplicates: shown to them before anything is contacted.
 * @throws InviteError('bad-signaling-url') for an invite that did not come from `decodeInvite`
 * and names something that will not be contacted.
 */
export function describeSignaling(invite: Invite): string[] {
  return [...new Set(checkSignaling(invite.signaling).map(describeHost))];
}

function decodeText(input: unknown): Invite {
  if (input === undefined || input === null) throw inviteError('empty');
  if (typeof input !== 'string') throw inviteError('not-an-invite');
  if (input.length > MAX_INVITE_INPUT_LENGTH) throw inviteError('too-long');
  let text = input.trim();
  if (text === '') throw inviteError('empty');
  const fromLink = text.slice(0, LINK_PREFIX.length).toLowerCase() === LINK_PREFIX;
  if (fromLink) text = text.slice(LINK_PREFIX.length);
  else if (URL_SCHEME.test(text)) {
    throw new InviteError('not-an-invite', 'This is a link, but not a Fellows invite link.');
  }
  if (text.endsWith('/')) text = text.slice(0, -1);
  // Mail and chat apps wrap long codes; the alphabet has no white space, so drop it all.
  const code = text.replace(/\s+/gu, '');
  if (code === '') throw new InviteError('empty', 'This link has no invite code in it.');
  if (!CODE_ALPHABET.test(code)) {
    // After "fellows://join/" the person clearly meant an invite: say it is damaged.
    throw inviteError(fromLink ? 'bad-encoding' : 'not-an-invite');
  }
  if (!fromLink && code.length < SHORTEST_CODE_LENGTH) throw inviteError('not-an-invite');
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(code);
  } catch {
    throw inviteError('bad-encoding');
  }
  return decodeBytes(bytes);
}

function decodeBytes(bytes: Uint8Array): Invite {
  if (bytes.length <= CHECKSUM_BYTES) throw inviteError('malformed');
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  // The checksum comes first so a typo reads as a typo; every version keeps this envelope
  // (a version byte first, this checksum last) so old apps can tell "newer" from "damaged".
  if (!equalBytes(checksum(body), bytes.subarray(body.length))) throw inviteError('bad-checksum');
  const version = body[0] ?? 0;
  if (version > INVITE_VERSION) throw inviteError('unsupported-version');
  if (version !== INVITE_VERSION) throw inviteError('malformed');
  const r = reader(body);
  r.u8();
  const groupId = r.fixed(GROUP_ID_BYTES).slice();
  const inviteSecret = r.fixed(INVITE_SECRET_BYTES).slice();
  const inviter = r.fixed(PUBLIC_KEY_BYTES).slice();
  const hasExpiry = r.u8();
  if (hasExpiry !== 0 && hasExpiry !== 1) throw inviteError('malformed');
  const expiresAt = hasExpiry === 1 ? r.uint() : null;
  const groupName = r.string(MAX_STRING_BYTES);
  const count = r.uint();
  // Checked before the loop so a hostile count cannot make us spin.
  if (count === 0 || count > MAX_SIGNALING_URLS) throw signalingCountError();
  const signaling: string[] = [];
  for (let i = 0; i < count; i++) signaling.push(r.string(MAX_STRING_BYTES));
  r.end();
  const invite: Invite = {
    version: INVITE_VERSION,
    groupId,
    inviteSecret,
    inviter,
    expiresAt,
    groupName,
    signaling,
  };
  checkInviteFields(invite);
  // One invite, one code: a hand-made non-minimal number would otherwise give a second code.
  if (!equalBytes(inviteBody(invite), body)) throw inviteError('malformed');
  return invite;
}

function inviteBody(invite: Invite): Uint8Array {
  const w = writer()
    .u8(INVITE_VERSION)
    .fixed(invite.groupId)
    .fixed(invite.inviteSecret)
    .fixed(invite.inviter);
  if (invite.expiresAt === null) w.u8(0);
  else w.u8(1).uint(invite.expiresAt);
  w.string(invite.groupName).uint(invite.signaling.length);
  for (const url of invite.signaling) w.string(url);
  return w.finish();
}

function checksum(body: Uint8Array): Uint8Array {
  return labelledHash(CHECKSUM_LABEL, body).subarray(0, CHECKSUM_BYTES);
}

/** A calendar day in UTC, the same in every locale (e.g. 2025-03-14). */
function dayOf(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'an unknown date' : date.toISOString().slice(0, 10);
}
