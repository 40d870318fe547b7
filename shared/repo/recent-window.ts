import { z } from '../zod.ts';
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import { SnapshotError } from '../group/snapshot.ts';
import type { Sealer } from '../storage/sealer.ts';
import type { GroupStorage } from '../storage/storage.ts';
import type { Page } from './handle.ts';
import { noticesAmong, type Notice } from './notices.ts';
import type { MessageItem } from './views.ts';
import { TONES } from './tones.ts';

// The recent window (DESIGN §7): a group's latest messages exactly as the UI shows them, with
// its name, sealed apart from the snapshot, so they are on screen before the content doc of
// a large group has loaded (a 100k-message doc takes most of a second to open).

export const RECENT_VERSION = 2;
export const RECENT_RECORD = 'recent';
export const RECENT_LABEL = 'recent';
/** How many of the latest messages the window holds (the first page the UI shows is 100). */
export const RECENT_SIZE = 200;
/** Membership notices kept with them, the latest (far more than 200 messages ever have). */
export const RECENT_NOTICES = 50;

/** What the UI paints before the group has opened. Delivery states are not kept (they move). */
export type RecentWindow = {
  groupName: string;
  members: number;
  historyPolicy: 'all' | 'from-join';
  signaling: string[];
  /** The latest messages, as a page anchored at the newest. */
  page: Page;
  /**
   * Where the unread messages began (the first one's place in the whole conversation), if
   * that is inside `page`: the unread divider can be drawn before the group opens. Null when
   * everything was read, nothing ever was, or more than the window was unread.
   */
  unreadFrom: number | null;
  /**
   * The membership notices among those messages ("Ada joined"), so that the list drawn from
   * the window has the rows it will have once the group is open: no row appears under them.
   */
  notices: Notice[];
};

const reaction = z.object({
  emoji: z.string(),
  count: z.int().check(z.nonnegative()),
  mine: z.boolean(),
  people: z.array(z.string()),
});
const replyTo = z.union([
  z.object({ id: z.string(), author: z.string(), excerpt: z.string() }),
  z.object({ id: z.string(), missing: z.literal(true) }),
  z.null(),
]);
/** A message as the UI shows it, without its delivery state (it moves); also in groups-window.ts. */
export const storedItem = z.object({
  id: z.string(),
  // `tone` absent in windows saved before it was kept: the author's own colour then.
  author: z.object({
    person: z.string(),
    name: z.string(),
    tone: z.optional(z.int().check(z.nonnegative(), z.lt(TONES))),
  }),
  mine: z.boolean(),
  text: z.string(),
  edited: z.boolean(),
  deleted: z.boolean(),
  replyTo,
  reactions: z.array(reaction),
  mentionsMe: z.boolean(),
  time: z.number(),
  future: z.boolean(),
});
const noticeName = z.object({ me: z.boolean(), name: z.string() });
const notice = z.object({
  id: z.string(),
  time: z.number(),
  text: z.string(),
  safety: z.boolean(),
  words: z.discriminatedUnion('kind', [
    z.object({ kind: z.enum(['joined', 'added-device', 'left']), who: noticeName }),
    z.object({
      kind: z.enum(['removed', 'unlinked-other', 'promoted']),
      by: noticeName,
      whom: noticeName,
    }),
    z.object({ kind: z.enum(['unlinked-own', 'approval-on', 'approval-off']), by: noticeName }),
    z.object({ kind: z.literal('renamed'), by: noticeName, name: z.string() }),
  ]),
});
const schema = z.object({
  version: z.literal(RECENT_VERSION),
  groupName: z.string(),
  members: z.int().check(z.nonnegative()),
  historyPolicy: z.enum(['all', 'from-join']),
  signaling: z.array(z.string()).check(z.maxLength(16)),
  start: z.int().check(z.nonnegative()),
  total: z.int().check(z.nonnegative()),
  items: z.array(storedItem).check(z.maxLength(RECENT_SIZE)),
  // Absent in windows saved before it was kept: none.
  unreadFrom: z.optional(z.nullable(z.int().check(z.nonnegative()))),
  // Absent in windows saved before they were kept (or unreadable): none; the messages still show.
  notices: z.catch(z.optional(z.array(notice).check(z.maxLength(RECENT_NOTICES))), undefined),
});

/** The window's plaintext for a group's latest page (RECENT_SIZE messages at most). */
export function encodeRecentWindow(window: RecentWindow): Uint8Array {
  const { page } = window;
  const items = page.items.slice(-RECENT_SIZE).map(({ delivery: _delivery, ...rest }) => rest);
  const start = page.total - items.length;
  const unreadFrom = insideWindow(window.unreadFrom, start, page.total);
  // Those the list shows among these messages, as it picks them.
  const notices = noticesAmong(window.notices, items[0]?.time, start === 0).slice(-RECENT_NOTICES);
  return utf8(
    JSON.stringify({
      version: RECENT_VERSION,
      groupName: window.groupName,
      members: window.members,
      historyPolicy: window.historyPolicy,
      signaling: window.signaling,
      start,
      total: page.total,
      items,
      unreadFrom,
      notices,
    }),
  );
}

/** Seals and stores a group's recent window. */
export async function saveRecentWindow(
  storage: Pick<GroupStorage, 'putRecord'>,
  sealer: Sealer,
  window: RecentWindow,
): Promise<void> {
  await storage.putRecord(
    RECENT_RECORD,
    await sealer.seal(encodeRecentWindow(window), RECENT_LABEL),
  );
}

/**
 * A group's recent window, without opening the group: null if none was saved (or it is of an
 * older version, which the next save replaces). Throws `SealedDataError` if it was sealed with
 * another key, `SnapshotError` if it does not parse.
 */
export async function readRecentWindow(
  storage: Pick<GroupStorage, 'getRecord'>,
  sealer: Sealer,
): Promise<RecentWindow | null> {
  const sealed = await storage.getRecord(RECENT_RECORD);
  if (!sealed) return null;
  const plain = await sealer.open(sealed, RECENT_LABEL);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(plain));
  } catch {
    throw new SnapshotError('the recent window is not JSON');
  }
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed) {
    if (parsed.version !== RECENT_VERSION) return null;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new SnapshotError(`unreadable recent window: ${result.error.message}`);
  const { groupName, members, historyPolicy, signaling, start, total } = result.data;
  const unreadFrom = result.data.unreadFrom ?? null;
  const items: MessageItem[] = result.data.items.map((i) => ({ ...i, delivery: null }));
  return {
    groupName,
    members,
    historyPolicy,
    signaling,
    page: { items, start, total, anchorIndex: items.length - 1 },
    unreadFrom: insideWindow(unreadFrom, start, start + items.length),
    notices: result.data.notices ?? [],
  };
}

/** `at` if it is a place among the window's messages (`start` to `end`, end excluded), else null. */
function insideWindow(at: number | null, start: number, end: number): number | null {
  return at !== null && at >= start && at < end ? at : null;
}
