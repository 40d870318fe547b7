import type { HistoryPolicy } from '../sync/create-group-options.ts';

/** How the create form offers each history policy: its option, and one sentence beneath. */
export const historyPolicyChoice: Record<HistoryPolicy, { label: string; hint: string }> = {
  all: {
    label: 'Everyone in the group sees the whole history',
    hint: 'Someone who joins later can read everything since the group began.',
  },
  'from-join': {
    label: 'New members see messages from when they join',
    hint: 'Earlier messages stay with the people who were already here.',
  },
};

/** What an invite's reader should know of the group's policy before passing the link on. */
export const inviteHistorySentence: Record<HistoryPolicy, string> = {
  all: 'People who join will see the whole history.',
  'from-join': 'People who join will only see messages sent after they join.',
};
