/**
 * A group's folded message texts in conversation order, kept as blocks of a few hundred
 * messages each joined by '\n' into one string. A scan then reads one contiguous string a
 * block: over 100k messages that is ~1 ms, where 100k separate strings scattered through the
 * heap (as a Yjs doc leaves them) take 10–20 ms. No search term contains white space, so a
 * match never spans two messages.
 */

/** One message as the index keeps it: folded text ('' if deleted), author's index or -1. */
export type Entry = { id: string; author: number; text: string };

/** One block as the index keeps it (and seals it, sealed-index.ts). */
export type Block = {
  ids: string[];
  authors: number[];
  /** Where each entry's text starts in `text`; entry k ends one before entry k + 1's start. */
  starts: number[];
  text: string;
};

export type Blocks = {
  size(): number;
  /** The newest entry's id. */
  last(): string | undefined;
  /** Replaces everything with `entries`, which are in conversation order. */
  reset(entries: readonly Entry[]): void;
  /** Replaces everything with blocks `dump` gave (a sealed index's), kept as they are. */
  load(blocks: readonly Block[]): void;
  /** The blocks as they are now, to seal: not copied, so seal them before the next change. */
  dump(): readonly Block[];
  /** Adds an entry where the conversation has it, or replaces the one with its id. */
  put(entry: Entry): void;
  /**
   * Visits entries newest first: only those whose text contains `anchor`, or all when it is
   * null. `visit` gets the entry's text and returns false to stop.
   */
  scan(anchor: string | null, visit: (id: string, author: number, text: string) => boolean): void;
};

/** Entries a block gets when built or appended to; a block twice this size is split. */
const BLOCK = 512;

export type BlockOptions = { blockSize?: number };

const blockOf = (entries: readonly Entry[]): Block => {
  const starts: number[] = [];
  let at = 0;
  for (const entry of entries) {
    starts.push(at);
    at += entry.text.length + 1;
  }
  return {
    ids: entries.map((e) => e.id),
    authors: entries.map((e) => e.author),
    starts,
    text: entries.map((e) => e.text).join('\n'),
  };
};

const endOf = (block: Block, k: number) =>
  k + 1 < block.starts.length ? (block.starts[k + 1] ?? 0) - 1 : block.text.length;

const entriesOf = (block: Block): Entry[] =>
  block.ids.map((id, k) => ({
    id,
    author: block.authors[k] ?? -1,
    text: block.text.slice(block.starts[k], endOf(block, k)),
  }));

/** `compare` orders two ids as the conversation does (negative: the first comes first). */
export function createBlocks(
  compare: (a: string, b: string) => number,
  { blockSize = BLOCK }: BlockOptions = {},
): Blocks {
  let blocks: Block[] = [];
  let count = 0;

  /** The block an id belongs in: the last whose first entry does not come after it. */
  const blockFor = (id: string) => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(blocks[mid]?.ids[0] ?? '', id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  };
  /** First position in a block whose entry does not come before `id`. */
  const lowerBound = (block: Block, id: string) => {
    let lo = 0;
    let hi = block.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(block.ids[mid] ?? '', id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const append = (entry: Entry) => {
    let block = blocks.at(-1);
    if (!block || block.ids.length >= blockSize) {
      block = { ids: [], authors: [], starts: [], text: '' };
      blocks.push(block);
    }
    block.starts.push(block.ids.length === 0 ? 0 : block.text.length + 1);
    block.text = block.ids.length === 0 ? entry.text : `${block.text}\n${entry.text}`;
    block.ids.push(entry.id);
    block.authors.push(entry.author);
    count++;
  };
  /** Puts `entry` at position k of block b, replacing what is there when `replace`. */
  const splice = (b: number, k: number, entry: Entry, replace: boolean) => {
    const block = blocks[b];
    if (!block) return;
    const entries = entriesOf(block);
    entries.splice(k, replace ? 1 : 0, entry);
    if (!replace) count++;
    const halves =
      entries.length >= 2 * blockSize
        ? [entries.slice(0, entries.length >> 1), entries.slice(entries.length >> 1)]
        : [entries];
    blocks.splice(b, 1, ...halves.map(blockOf));
  };

  return {
    size: () => count,
    last: () => blocks.at(-1)?.ids.at(-1),
    reset(entries) {
      blocks = [];
      for (let i = 0; i < entries.length; i += blockSize)
        blocks.push(blockOf(entries.slice(i, i + blockSize)));
      count = entries.length;
    },
    load(loaded) {
      blocks = loaded.map((block) => ({ ...block }));
      count = blocks.reduce((sum, block) => sum + block.ids.length, 0);
    },
    dump: () => blocks,
    put(entry) {
      const last = blocks.at(-1)?.ids.at(-1);
      if (last === undefined || compare(last, entry.id) < 0) {
        append(entry);
        return;
      }
      const b = blockFor(entry.id);
      const block = blocks[b];
      if (!block) return;
      const k = lowerBound(block, entry.id);
      splice(b, k, entry, block.ids[k] === entry.id);
    },
    scan(anchor, visit) {
      for (let b = blocks.length - 1; b >= 0; b--) {
        const block = blocks[b];
        if (!block) continue;
        const { text, starts } = block;
        // The entries this block offers, oldest first (the anchor is searched forwards).
        const candidates: number[] = [];
        if (anchor === null) {
          for (let k = 0; k < starts.length; k++) candidates.push(k);
        } else {
          let k = 0;
          for (let at = text.indexOf(anchor); at >= 0;) {
            while (k + 1 < starts.length && (starts[k + 1] ?? 0) <= at) k++;
            candidates.push(k);
            // The next entry's start: one hit an entry is enough.
            at = k + 1 < starts.length ? text.indexOf(anchor, starts[k + 1]) : -1;
          }
        }
        for (let c = candidates.length - 1; c >= 0; c--) {
          const k = candidates[c] ?? 0;
          const author = block.authors[k] ?? -1;
          if (author < 0) continue;
          const entryText = text.slice(starts[k], endOf(block, k));
          if (!visit(block.ids[k] ?? '', author, entryText)) return;
        }
      }
    },
  };
}
