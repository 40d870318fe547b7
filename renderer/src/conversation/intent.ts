import type { MessageItem } from '../../../shared/repo/views.ts';

/** What the composer is doing besides writing a new message: replying, or editing one of ours. */
export type ComposeIntent =
  { kind: 'reply'; message: MessageItem } | { kind: 'edit'; message: MessageItem };

/**
 * A message to bring into view and highlight (a search result, a reply's original). `nonce`
 * makes jumping to the same message twice jump twice.
 */
export type JumpTarget = { messageId: string; nonce: number };
