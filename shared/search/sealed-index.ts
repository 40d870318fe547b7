import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import { logWarn } from '../log.ts';
import type { Sealer } from '../storage/sealer.ts';
import type { GroupStorage } from '../storage/storage.ts';
import type { IndexDump } from './group-index.ts';

// A group's search index, sealed with the device storage key beside the group's snapshot
// (DESIGN §7 allows it), so that opening a large group does not read and fold every message
// again before the first search (100k: 300–400 ms in Chromium, docs/benchmarks.md, UI).
// It names the heads of the snapshot it goes with: a group opened from any other state
// builds its index from the messages, as before.

export const INDEX_RECORD = 'search-index';
const INDEX_LABEL = 'search-index';
const INDEX_VERSION = 2;

/**
 * What a search shows of one block's messages: their texts as written (not folded) joined with
 * nothing, where each begins, and each one's time. Cut apart only for the few a search shows.
 */
export type ShownBlock = { joined: string; starts: readonly number[]; times: readonly number[] };

/** A block's shown texts and times, as `ShownBlock` keeps them. */
export function shownBlock(texts: readonly string[], times: readonly number[]): ShownBlock {
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length;
  }
  return { joined: texts.join(''), starts, times: [...times] };
}

/** The k-th text of a block's shown texts. */
export function shownText(block: ShownBlock, k: number): string {
  const from = block.starts[k];
  if (from === undefined) return '';
  return block.joined.slice(from, block.starts[k + 1] ?? block.joined.length);
}

/**
 * A sealed index: the contents, the chain heads (clientId, seq) of the state it holds, and,
 * so that it can answer searches alone while its group's content doc loads (sealed-source.ts),
 * the group's name and what a result shows of each message, block by block.
 */
export type SealedIndex = IndexDump & {
  heads: [number, number][];
  groupName: string;
  shown: readonly ShownBlock[];
};

/**
 * A block as sealed: its ids joined by new lines (100k separate JSON strings took most of the
 * time to parse an index back), its columns as JSON numbers. A schema library then took
 * 110–220 ms to check a 100k-message index in Chromium, so `decodeIndex` checks it by hand.
 */
type StoredBlock = {
  ids: string;
  authors: readonly number[];
  starts: readonly number[];
  text: string;
  /**
   * The texts as written, joined with nothing, and each one's length; each message's time as
   * the difference from the one before (the first: from 0). Small numbers parse fastest.
   */
  shown: string;
  shownLengths: readonly number[];
  times: readonly number[];
};
type Stored = {
  version: number;
  heads: [number, number][];
  groupName: string;
  people: readonly { person: string; name: string }[];
  blocks: StoredBlock[];
};

/** A column of `n` integers, or an error saying it is not one. */
function column(value: unknown, n: number): number[] {
  if (!Array.isArray(value) || value.length !== n)
    throw new Error('a block whose columns differ in length');
  for (const v of value as unknown[])
    if (!Number.isSafeInteger(v)) throw new Error('a column that is not whole numbers');
  return value as number[];
}

const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;
const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function encodeIndex(index: SealedIndex): Stored {
  if (index.shown.length !== index.blocks.length)
    throw new Error('an index whose shown texts do not follow its blocks');
  return {
    version: INDEX_VERSION,
    heads: index.heads,
    groupName: index.groupName,
    // Not copied: the caller encodes it at once (saveSealedIndex).
    people: index.people,
    blocks: index.blocks.map((block, b) => {
      const { joined, starts, times } = index.shown[b] as ShownBlock;
      if (starts.length !== block.ids.length || times.length !== block.ids.length)
        throw new Error('a block whose shown texts do not follow its messages');
      return {
        ...block,
        ids: block.ids.join('\n'),
        shown: joined,
        shownLengths: starts.map((start, k) => (starts[k + 1] ?? joined.length) - start),
        times: times.map((time, k) => time - (k > 0 ? (times[k - 1] ?? 0) : 0)),
      };
    }),
  };
}

/** A block's shown texts as stored (see `StoredBlock`), checked; throws saying what is wrong. */
function decodeShown(block: Record<string, unknown>, n: number): ShownBlock {
  const joined = block.shown;
  if (!isString(joined)) throw new Error('a block without its shown texts');
  const lengths = column(block.shownLengths, n);
  const deltas = column(block.times, n);
  const starts: number[] = [];
  const times: number[] = [];
  let at = 0;
  let time = 0;
  for (let k = 0; k < n; k++) {
    const length = lengths[k] ?? -1;
    if (length < 0) throw new Error('a shown text of negative length');
    starts.push(at);
    at += length;
    time += deltas[k] ?? 0;
    times.push(time);
  }
  if (at !== joined.length) throw new Error('shown texts that do not fill their block');
  return { joined, starts, times };
}

/** The index a parsed record holds, checked by hand; throws saying what is wrong. */
function decodeIndex(value: unknown): SealedIndex {
  if (!isObject(value) || value.version !== INDEX_VERSION) throw new Error('another version');
  const { heads, people, blocks, groupName } = value;
  if (!isString(groupName)) throw new Error('no group name');
  if (
    !Array.isArray(heads) ||
    !heads.every((h) => Array.isArray(h) && h.length === 2 && h.every(isCount))
  )
    throw new Error('heads that are not chain heads');
  if (
    !Array.isArray(people) ||
    !people.every((p) => isObject(p) && isString(p.person) && isString(p.name))
  )
    throw new Error('people without a key and name');
  if (!Array.isArray(blocks)) throw new Error('no blocks');
  const shown: ShownBlock[] = [];
  return {
    heads: heads as [number, number][],
    groupName,
    people: people as { person: string; name: string }[],
    shown,
    blocks: (blocks as unknown[]).map((block) => {
      if (!isObject(block) || !isString(block.ids) || !isString(block.text))
        throw new Error('a block without its columns');
      const { text } = block;
      // No id has a new line (they are checked as messages arrive); one would show here.
      const ids = block.ids === '' ? [] : block.ids.split('\n');
      const authors = column(block.authors, ids.length);
      const starts = column(block.starts, ids.length);
      let last = -1;
      for (let k = 0; k < ids.length; k++) {
        const author = authors[k] ?? -2;
        const start = starts[k] ?? -1;
        if (author < -1 || author >= people.length)
          throw new Error('an author the index does not list');
        if (start <= last || start > text.length)
          throw new Error('entries out of place in their block');
        last = start;
      }
      shown.push(decodeShown(block, ids.length));
      return { ids, authors, starts, text };
    }),
  };
}

/** Seals `index` (encoded at once: its blocks are the live index's own). */
export async function saveSealedIndex(
  storage: Pick<GroupStorage, 'putRecord'>,
  sealer: Sealer,
  index: SealedIndex,
): Promise<void> {
  const plain = utf8(JSON.stringify(encodeIndex(index)));
  await storage.putRecord(INDEX_RECORD, await sealer.seal(plain, INDEX_LABEL));
}

/**
 * The sealed index, or null when there is none to use: absent, of another version, sealed
 * with another key, damaged, or not self-consistent (the group then builds it from its messages).
 */
export async function loadSealedIndex(
  storage: Pick<GroupStorage, 'getRecord'>,
  sealer: Sealer,
): Promise<SealedIndex | null> {
  const sealed = await storage.getRecord(INDEX_RECORD);
  if (!sealed) return null;
  try {
    return decodeIndex(JSON.parse(fromUtf8(await sealer.open(sealed, INDEX_LABEL))));
  } catch (error) {
    logWarn(`fellows: the sealed search index is not used (${String(error)})`);
    return null;
  }
}

/** Whether two sets of chain heads are the same. */
export function sameHeads(
  a: readonly (readonly [number, number])[],
  b: ReadonlyMap<number, number>,
): boolean {
  return a.length === b.size && a.every(([clientId, seq]) => b.get(clientId) === seq);
}
