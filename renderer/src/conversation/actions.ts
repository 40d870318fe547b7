import { createContext, useContext } from 'react';
import type { MessageItem } from '../../../shared/repo/views.ts';

/** What a message row can ask of the list around it. Failures are shown by the list. */
export type MessageActions = {
  reply(item: MessageItem): void;
  edit(item: MessageItem): void;
  /** Asks to confirm, then deletes. */
  askDelete(item: MessageItem): void;
  /** Adds (`on`) or takes back this person's reaction. */
  react(item: MessageItem, emoji: string, on: boolean): void;
  /** Opens the emoji picker next to `trigger`, for a reaction to `item`. */
  pick(item: MessageItem, trigger: HTMLElement): void;
  copy(item: MessageItem): void;
  /** Brings a message into view and highlights it (a reply's original). */
  jump(messageId: string): void;
  /** Opens an http(s) link in the system browser, through the platform. */
  openLink(url: string): void;
};

/**
 * One click to react with these, as in Slack and Signal; pressed again, it takes the reaction
 * back. Written as the emoji picker writes them (emojibase's forms, U+FE0F and all), so that
 * a 👍 from here and one from the picker make one chip.
 */
export const QUICK_REACTIONS = ['👍\uFE0F', '❤\uFE0F', '😂'] as const;

export const MessageActionsContext = createContext<MessageActions | null>(null);

export function useMessageActions(): MessageActions {
  const actions = useContext(MessageActionsContext);
  if (!actions) throw new Error('useMessageActions must be used inside <MessageList>');
  return actions;
}

/** The http(s) URL in `href`, or null: only those open, anything else stays text. */
export function webUrl(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
