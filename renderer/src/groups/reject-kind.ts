/**
 * What kind of refusal a rejected blob's reason code is, for the sync panel to explain in the
 * person's language; the code itself (the core's, shared/blob, shared/group, shared/membership)
 * is shown beside it untranslated, as a technical name.
 */
export type RejectKind = 'damaged' | 'order' | 'membership' | 'other';

/** The blob's bytes, seal, signature or chain did not check out. */
const DAMAGED = new Set([
  'not-bytes',
  'oversized',
  'truncated',
  'malformed',
  'unsupported-version',
  'wrong-group',
  'bad-signature',
  'bad-mac',
  'unknown-epoch',
  'empty',
  'foreign-blob',
  'seq-gap',
  'broken-link',
  'bad-op',
  'apply-failed',
]);

/** Sound on its own, but contradicting what its author wrote or had seen before. */
const ORDER = new Set([
  'equivocation',
  'predecessor-refused',
  'clock-regressed',
  'admission-not-seen',
  'reply-outside-causal-past',
  'person-mismatch',
]);

/** A membership change its author may not make (shared/membership/reduce.ts). */
const MEMBERSHIP = new Set([
  'removed',
  'unknown-author',
  'not-admin',
  'unknown-invite',
  'invite-not-seen',
  'invite-revoked',
  'invite-expired',
  'invite-used',
  'duplicate-invite',
  'not-invite-owner',
  'already-member',
  'client-id-taken',
  'name-mismatch',
  'stale-name',
  'bad-settings',
  'removed-author',
  'removed-device',
  'not-member',
  'already-admin',
  'bad-pin',
  'invite-retired',
  'epoch-taken',
  'bad-generation',
  'bad-keyring',
  'crossed-rotation',
  'unknown-device',
  'last-device',
]);

export function rejectKind(reason: string): RejectKind {
  if (DAMAGED.has(reason)) return 'damaged';
  if (ORDER.has(reason)) return 'order';
  if (MEMBERSHIP.has(reason)) return 'membership';
  return 'other';
}
