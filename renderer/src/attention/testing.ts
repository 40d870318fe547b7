// Group summaries and messages for the attention tests.
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';

/** A message from Ada, with any field changed. */
export function message(overrides: Partial<MessageItem> = {}): MessageItem {
  return {
    id: 'm1',
    author: { person: 'ad'.repeat(32), name: 'Ada' },
    mine: false,
    text: 'See you at eight',
    edited: false,
    deleted: false,
    replyTo: null,
    reactions: [],
    mentionsMe: false,
    time: 1,
    future: false,
    delivery: null,
    ...overrides,
  };
}

/** The "Book club" group, with any field changed. */
export function group(overrides: Partial<GroupSummary> = {}): GroupSummary {
  return {
    id: '1f'.repeat(32),
    name: 'Book club',
    members: 3,
    unread: 0,
    mentions: 0,
    last: null,
    signaling: [],
    historyPolicy: 'all',
    epoch: 0,
    ...overrides,
  };
}
