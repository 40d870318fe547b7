/** Why an invite cannot be used; each has a message a person can act on. */
export type InviteErrorReason =
  | 'empty'
  | 'not-an-invite'
  | 'too-long'
  | 'bad-encoding'
  | 'bad-checksum'
  | 'unsupported-version'
  | 'malformed'
  | 'bad-signaling-url'
  | 'expired';

/** An invite code or link that cannot be used, with the reason and words for the person. */
export class InviteError extends Error {
  override readonly name = 'InviteError';
  constructor(
    readonly reason: InviteErrorReason,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<InviteErrorReason, string> = {
  empty: 'Paste an invite link or code.',
  'not-an-invite':
    'This does not look like a Fellows invite. Ask for the whole invite link or code.',
  'too-long': 'This is far longer than any Fellows invite. Copy just the invite link or code.',
  'bad-encoding':
    'This invite is damaged: it has characters an invite never contains. Copy it again.',
  'bad-checksum': 'This invite has a typo or is incomplete. Copy it again, or ask for the link.',
  'unsupported-version':
    'This invite was made by a newer version of Fellows. Update Fellows, then open it again.',
  malformed: 'This invite is damaged and cannot be read. Ask for a new one.',
  'bad-signaling-url':
    'This invite names a signaling server Fellows will not contact. Ask for a new invite.',
  expired: 'This invite has expired. Ask for a new one.',
};

/** An InviteError with the standard message for its reason. */
export function inviteError(reason: InviteErrorReason): InviteError {
  return new InviteError(reason, MESSAGES[reason]);
}
