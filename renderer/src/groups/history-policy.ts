import type { HistoryPolicy } from '../sync/create-group-options.ts';

/**
 * The words for each history policy, as keys of the "invite" namespace: the create form's
 * option and its sentence beneath, and what an invite's reader should know before passing it on.
 */
export const historyPolicyWords = {
  all: { label: 'policyAllLabel', hint: 'policyAllHint', invite: 'historyAll' },
  'from-join': {
    label: 'policyFromJoinLabel',
    hint: 'policyFromJoinHint',
    invite: 'historyFromJoin',
  },
} as const satisfies Record<HistoryPolicy, { label: string; hint: string; invite: string }>;
