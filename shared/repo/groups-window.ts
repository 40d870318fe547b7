import { z } from '../zod.ts';
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import { SnapshotError } from '../group/snapshot.ts';
import type { Sealer } from '../storage/sealer.ts';
import type { RepoStorage } from './records.ts';
import { storedItem } from './recent-window.ts';
import type { GroupSummary } from './repo.ts';
import type { MessageItem } from './views.ts';

// The groups window (DESIGN §7, like the recent window): the sidebar's list as last shown —
// names, previews, unread counts — sealed, so the next start draws the whole sidebar with its
// first screen instead of placeholders until every group has opened (~2 s for a 100k group).

export const GROUPS_RECORD = 'groups-window';
const GROUPS_LABEL = 'groups-window';
const GROUPS_VERSION = 1;
/** More groups than anyone has; a record with more is not one this app wrote. */
const MAX_GROUPS = 1_000;

const count = z.int().check(z.nonnegative());
const summary = z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{64}$/u)),
  name: z.string(),
  members: count,
  unread: count,
  mentions: count,
  last: z.nullable(storedItem),
  signaling: z.array(z.string()).check(z.maxLength(16)),
  historyPolicy: z.enum(['all', 'from-join']),
  epoch: z.nullable(count),
});
const schema = z.object({
  version: z.literal(GROUPS_VERSION),
  groups: z.array(summary).check(z.maxLength(MAX_GROUPS)),
});

/** Seals and stores the group list as the sidebar shows it (delivery states left out). */
export async function saveGroupsWindow(
  storage: Pick<RepoStorage, 'putRecord'>,
  sealer: Sealer,
  groups: readonly GroupSummary[],
): Promise<void> {
  const shown = ({ delivery: _delivery, ...rest }: MessageItem) => rest;
  const stored = groups.map((group) => ({ ...group, last: group.last && shown(group.last) }));
  const plain = utf8(JSON.stringify({ version: GROUPS_VERSION, groups: stored }));
  await storage.putRecord(GROUPS_RECORD, await sealer.seal(plain, GROUPS_LABEL));
}

/**
 * The group list last shown, from its sealed bytes (read ahead by the page): null if none was
 * saved, or of another version. Throws `SealedDataError` if sealed with another key,
 * `SnapshotError` if it does not parse.
 */
export async function openGroupsWindow(
  sealed: Uint8Array | null,
  sealer: Sealer,
): Promise<GroupSummary[] | null> {
  if (!sealed) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(await sealer.open(sealed, GROUPS_LABEL)));
  } catch (error) {
    if (error instanceof SyntaxError) throw new SnapshotError('the groups window is not JSON');
    throw error;
  }
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed) {
    if (parsed.version !== GROUPS_VERSION) return null;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new SnapshotError(`unreadable groups window: ${result.error.message}`);
  return result.data.groups.map((group) => ({
    ...group,
    last: group.last ? { ...group.last, delivery: null } : null,
  }));
}
