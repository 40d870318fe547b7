// Why the core refused what a person asked for, as a code the UI words in the person's own
// language. The core's errors also carry an English sentence (for logs and tests); the code
// crosses to the page with the error (renderer/src/sync/refusal-transfer.ts), so a Dutch reader
// sees "Dat bericht is verwijderd." and not "That message was deleted." inside a Dutch sentence.

/** Changes to messages the content rules refuse (shared/content/writer.ts). */
export const CONTENT_REFUSALS = [
  'empty-text',
  'text-too-long',
  'bad-time',
  'bad-reply',
  'bad-mentions',
  'bad-emoji',
  'unknown-message',
  'not-author',
  'deleted',
] as const;

/** Membership changes this device may not make (shared/group/engine.ts, shared/repo). */
export const MEMBERSHIP_REFUSALS = [
  'not-a-member',
  'admin-only-remove',
  'admin-only-unlink',
  'admin-only-promote',
  'admin-only-join-rules',
  'admin-only-rename',
  'device-not-in-group',
  'only-device',
  'promote-non-member',
  'this-device',
  'leave-first',
  'request-gone',
] as const;

export const REFUSALS: readonly Refusal[] = [...CONTENT_REFUSALS, ...MEMBERSHIP_REFUSALS];

export type ContentRefusal = (typeof CONTENT_REFUSALS)[number];
export type MembershipRefusal = (typeof MEMBERSHIP_REFUSALS)[number];
export type Refusal = ContentRefusal | MembershipRefusal;

const known: ReadonlySet<string> = new Set(REFUSALS);

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'string' && known.has(value);
}

/** The refusal an error carries (its `refusal`), or null for any other error or value. */
export function refusalOf(error: unknown): Refusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const { refusal } = error as { refusal?: unknown };
  return isRefusal(refusal) ? refusal : null;
}

/**
 * Why something the person asked for did not happen, kept as what went wrong and worded when
 * drawn (so it follows a language change): a refusal the sync engine names (shared/refusal.ts),
 * or the technical detail of anything unexpected, shown as it came
 * (renderer/src/i18n/reason.ts words both).
 */
export type Reason = { refusal: Refusal } | { detail: string };

/** The reason a caught error gives. */
export function reasonFrom(caught: unknown): Reason {
  const refusal = refusalOf(caught);
  if (refusal !== null) return { refusal };
  return { detail: caught instanceof Error ? caught.message : String(caught) };
}
