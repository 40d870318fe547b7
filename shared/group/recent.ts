import { z } from 'zod';
import { readMessages, type MessageView } from '../content/view.ts';
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import type { Sealer } from '../storage/sealer.ts';
import type { GroupStorage } from '../storage/storage.ts';
import { viewDocs, type EngineState } from './engine-state.ts';
import type { OrderKey } from './order.ts';
import { SnapshotError } from './snapshot.ts';

// The recent window (DESIGN §7): the latest messages of a group as the UI shows them, sealed
// apart from the snapshot so they can be painted before the content doc has loaded.

export const RECENT_VERSION = 1;
export const RECENT_RECORD = 'recent';
export const RECENT_LABEL = 'recent';
/** How many of the latest messages the window holds. */
export const RECENT_SIZE = 200;

/** A message of the window: its view, and where it sits in the conversation. */
export type RecentMessage = MessageView & { key: OrderKey };

export type RecentWindow = {
  /** How many messages the whole conversation had when the window was written. */
  total: number;
  /** The latest messages, oldest first. */
  messages: RecentMessage[];
};

const hlc = z.object({ wall: z.number(), counter: z.number() });
const recentSchema = z.object({
  version: z.literal(RECENT_VERSION),
  total: z.number().int().nonnegative(),
  messages: z.array(
    z.object({
      id: z.string(),
      author: z.number(),
      text: z.string(),
      edited: z.boolean(),
      editedAt: z.number().optional(),
      deleted: z.boolean(),
      deletedAt: z.number().optional(),
      replyTo: z.string().optional(),
      mentions: z.array(z.string()),
      reactions: z.array(z.object({ emoji: z.string(), authors: z.array(z.number()) })),
      at: z.number(),
      key: z.object({ time: hlc, depth: z.number(), blob: z.string() }),
    }),
  ),
});

/** The plaintext of the window for a state: its latest `size` messages. */
export function encodeRecentWindow(state: EngineState, size = RECENT_SIZE): Uint8Array {
  const total = state.order.size();
  const ids = state.order.slice(total - size, total);
  const messages = readMessages(viewDocs(state), ids).flatMap((view) => {
    const key = state.order.keyOf(view.id);
    return key ? [{ ...view, key }] : [];
  });
  return utf8(JSON.stringify({ version: RECENT_VERSION, total, messages }));
}

/**
 * The recent window of a group, without loading its doc: null if none was saved. Throws
 * `SealedDataError` if it was sealed with another key, `SnapshotError` if it is of a format
 * this app does not read.
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
  const result = recentSchema.safeParse(parsed);
  if (!result.success) throw new SnapshotError(`unreadable recent window: ${result.error.message}`);
  return { total: result.data.total, messages: result.data.messages };
}
