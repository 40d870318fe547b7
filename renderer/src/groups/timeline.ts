import type { Notice } from '../../../shared/repo/notices.ts';
import type { MessageItem } from '../../../shared/repo/views.ts';

export type TimelineRow =
  { kind: 'message'; item: MessageItem } | { kind: 'notice'; notice: Notice };

/**
 * Messages in their order, with membership notices placed where they happened: each notice
 * before the first message that came after it. Notices older than the page's first message
 * show only when the page starts at the beginning of the conversation.
 */
export function interleave(
  items: readonly MessageItem[],
  notices: readonly Notice[],
  fromStart: boolean,
): TimelineRow[] {
  const first = items[0]?.time ?? Number.NEGATIVE_INFINITY;
  const shown = notices.filter((n) => fromStart || n.time >= first);
  const rows: TimelineRow[] = [];
  let next = 0;
  for (const item of items) {
    while (next < shown.length && (shown[next]?.time ?? 0) <= item.time) {
      const notice = shown[next++];
      if (notice) rows.push({ kind: 'notice', notice });
    }
    rows.push({ kind: 'message', item });
  }
  for (const notice of shown.slice(next)) rows.push({ kind: 'notice', notice });
  return rows;
}
