import { noticesAmong, type Notice } from '../../../shared/repo/notices.ts';
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
  const shown = noticesAmong(notices, items[0]?.time, fromStart);
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

/** Messages by one author this close together share one header (avatar and name). */
export const GROUP_WITHIN_MS = 5 * 60_000;

/**
 * One row of the conversation as the list shows it. `key` is stable across pages and reloads,
 * so the list keeps its place when rows are added above or below.
 */
export type ListRow =
  | {
      kind: 'message';
      key: string;
      item: MessageItem;
      /** Same author as the message just above, soon after it: no avatar or name. */
      continued: boolean;
    }
  | { kind: 'notice'; key: string; notice: Notice }
  /** The start of a calendar day (local midnight, ms). */
  | { kind: 'day'; key: string; day: number }
  /** "New messages": above the first message that was unread when the group was opened. */
  | { kind: 'unread'; key: string };

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

function dayKey(day: number): string {
  const date = new Date(day);
  return `day:${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * The rows for a contiguous run of messages: notices where they happened, a day separator
 * before each day's first message (and before the run's first, which may continue a day
 * begun above it: the key is the day's, so the separator moves up as older pages load), the
 * unread divider before `unreadFrom`, and consecutive messages of one author grouped.
 */
export function timelineRows(
  items: readonly MessageItem[],
  notices: readonly Notice[],
  options: { fromStart: boolean; unreadFrom: string | null },
): ListRow[] {
  const rows: ListRow[] = [];
  const days = new Set<string>();
  let day: number | null = null;
  let previous: MessageItem | null = null;
  // Returns whether a day began here (a separator was added).
  const dayOf = (time: number) => {
    const start = startOfDay(time);
    if (start === day) return false;
    day = start;
    // Times should only grow down the conversation; if one does not, keys stay unique.
    let key = dayKey(start);
    if (days.has(key)) key = `${key}:${rows.length}`;
    days.add(key);
    rows.push({ kind: 'day', key, day: start });
    return true;
  };
  for (const row of interleave(items, notices, options.fromStart)) {
    if (row.kind === 'notice') {
      dayOf(row.notice.time);
      rows.push({
        kind: 'notice',
        key: `notice:${row.notice.id}:${row.notice.text}`,
        notice: row.notice,
      });
      previous = null;
      continue;
    }
    const { item } = row;
    let broken = dayOf(item.time);
    if (item.id === options.unreadFrom) {
      rows.push({ kind: 'unread', key: 'unread' });
      broken = true;
    }
    const continued =
      !broken &&
      previous !== null &&
      previous.author.person === item.author.person &&
      item.time - previous.time < GROUP_WITHIN_MS;
    rows.push({ kind: 'message', key: item.id, item, continued });
    previous = item;
  }
  return rows;
}
