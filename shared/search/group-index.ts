import type { MessageText } from '../repo/handle.ts';
import { createBlocks, type Block, type BlockOptions, type Entry } from './blocks.ts';
import { fold } from './fold.ts';
import { snippet, matchRanges, type Marked } from './snippet.ts';

/** What a group's index reads: a `GroupHandle` is one (shared/repo/handle.ts). */
export type SearchSource = {
  texts(ids?: readonly string[]): MessageText[];
  times(ids: readonly string[]): number[];
  compareMessages(a: string, b: string): number;
  authorNames(): ReadonlyMap<string, string>;
  on(
    type: 'messages',
    listener: (change: { added: string[]; changed: string[] }) => void,
  ): () => void;
};

/** One message that matched, newest first; `marks` are ranges to highlight. */
export type GroupHit = {
  messageId: string;
  author: { person: string; name: string; marks: [number, number][] };
  time: number;
  snippet: Marked;
};

export type GroupHits = { hits: GroupHit[]; more: boolean };

/** An index's contents, as sealed with the group's snapshot (sealed-index.ts). */
export type IndexDump = {
  people: readonly { person: string; name: string }[];
  blocks: readonly Block[];
};

/**
 * A sealed index to start from instead of reading every message: `since` are the messages
 * added and changed after it was sealed (the blobs newer than the snapshot it goes with).
 */
export type IndexSeed = IndexDump & { since: { added: string[]; changed: string[] } };

/**
 * A group's messages, searchable: folded text, author and time in flat arrays in
 * conversation order, in the worker's memory only (DESIGN §7). Built on the first search,
 * then kept up to date from the group's `messages` events; a large batch of messages that
 * do not simply follow the last one (a catch-up) drops it, to be built again when next asked.
 */
export type GroupIndex = {
  /** The newest `limit` messages with every term (folded; see `queryTerms`) in their text or author's name. */
  search(terms: readonly string[], limit: number): GroupHits;
  /** Builds it now if it is not built (a search would first). */
  build(): void;
  /** How many messages it holds (0 until built). */
  size(): number;
  /** What it holds, to seal; null until built. Seal it before the group changes again. */
  dump(): IndexDump | null;
  /** Stops following the group. */
  close(): void;
};

/** More messages arriving out of order than this in one event: build again instead. */
const REBUILD_AFTER = 64;

/**
 * Sizes, for tests: messages a block holds, and how many out of order make it build again;
 * and a sealed index to build from (used once).
 */
export type GroupIndexOptions = BlockOptions & {
  rebuildAfter?: number;
  seed?: IndexSeed;
  /** Called each time it is built: from the seed, or by reading every message. */
  onBuilt?: (from: 'seed' | 'messages') => void;
};

export function createGroupIndex(
  source: SearchSource,
  { rebuildAfter = REBUILD_AFTER, seed, onBuilt, ...options }: GroupIndexOptions = {},
): GroupIndex {
  let sealed = seed;
  let built = false;
  const blocks = createBlocks((a, b) => source.compareMessages(a, b), options);
  const people: { person: string; name: string }[] = [];
  const personIndex = new Map<string, number>();

  const personOf = (person: string, name: string) => {
    let at = personIndex.get(person);
    if (at === undefined) {
      at = people.length;
      people.push({ person, name });
      personIndex.set(person, at);
    } else {
      (people[at] as { name: string }).name = name;
    }
    return at;
  };
  const entryOf = (message: MessageText): Entry => ({
    id: message.id,
    author: message.deleted ? -1 : personOf(message.person, message.name),
    text: message.deleted ? '' : fold(message.text),
  });
  const drop = () => {
    built = false;
    blocks.reset([]);
  };
  const outOfOrder = (added: readonly string[]) => {
    const last = blocks.last();
    if (last === undefined) return added.length;
    return added.filter((id) => source.compareMessages(id, last) < 0).length;
  };

  /** Takes in messages added or changed; false if too many came out of order to. */
  const follow = (added: readonly string[], changed: readonly string[]) => {
    if (outOfOrder(added) > rebuildAfter) return false;
    const read = source.texts([...added, ...changed]);
    read.sort((a, b) => source.compareMessages(a.id, b.id));
    for (const message of read) blocks.put(entryOf(message));
    return true;
  };
  const stop = source.on('messages', ({ added, changed }) => {
    if (built) {
      if (!follow(added, changed)) drop();
    } else if (sealed) {
      // Not built yet: the seed takes these in when it is.
      for (const id of added) sealed.since.added.push(id);
      for (const id of changed) sealed.since.changed.push(id);
    }
  });

  /** From the sealed index and what changed since, if it takes them in. */
  const fromSeed = (from: IndexSeed) => {
    people.length = 0;
    personIndex.clear();
    for (const { person, name } of from.people) personOf(person, name);
    blocks.load(from.blocks);
    return follow(from.since.added, from.since.changed);
  };
  const build = () => {
    if (built) return;
    const from = sealed;
    sealed = undefined;
    const seeded = from !== undefined && fromSeed(from);
    if (!seeded) blocks.reset(source.texts().map(entryOf));
    built = true;
    onBuilt?.(seeded ? 'seed' : 'messages');
  };

  return {
    search(terms, limit) {
      if (terms.length === 0) return { hits: [], more: false };
      build();
      const names = source.authorNames();
      // Per person, the terms their name lacks: a message of theirs needs those in its text.
      // Longest first: the rarest, most often, so a miss is found soonest.
      const sorted = [...terms].sort((a, b) => b.length - a.length);
      const needs = people.map((p) => {
        const name = fold(names.get(p.person) ?? p.name);
        return sorted.filter((term) => !name.includes(term));
      });
      // A term in nobody's name must be in the text itself: only messages with it are read.
      const anchor = sorted.find((term) => needs.every((need) => need.includes(term))) ?? null;
      const found: string[] = [];
      blocks.scan(anchor, (id, author, text) => {
        const need = needs[author] ?? sorted;
        let all = true;
        for (let t = 0; t < need.length && all; t++) all = text.includes(need[t] ?? '');
        if (all) found.push(id);
        return found.length <= limit;
      });
      const more = found.length > limit;
      const shown = found.slice(0, limit);
      const times = new Map(source.times(shown).map((time, k) => [shown[k], time]));
      const hits: GroupHit[] = [];
      source.texts(shown).forEach((message) => {
        if (message.deleted) return;
        const name = names.get(message.person) ?? message.name;
        hits.push({
          messageId: message.id,
          author: { person: message.person, name, marks: matchRanges(name, terms) },
          time: times.get(message.id) ?? NaN,
          snippet: snippet(message.text, terms),
        });
      });
      return { hits, more };
    },
    build,
    size: () => blocks.size(),
    dump: () => (built ? { people, blocks: blocks.dump() } : null),
    close() {
      stop();
      drop();
    },
  };
}
