import { compareHlc, type Hlc } from './clock.ts';

/**
 * Where a message sits in a conversation, identical on every peer (DESIGN §4): its effective
 * time (never before anything its author had seen), then its causal depth (so a reply can
 * never sort before what it answers, even at the same time), then its blob id.
 */
export type OrderKey = { time: Hlc; depth: number; blob: string };

export function compareOrder(a: OrderKey, b: OrderKey): number {
  return (
    compareHlc(a.time, b.time) ||
    a.depth - b.depth ||
    (a.blob < b.blob ? -1 : a.blob > b.blob ? 1 : 0)
  );
}

type Entry = { key: OrderKey; id: string };

/** Message ids kept sorted by order key; appends at the end (the usual case) are O(log n). */
export type MessageOrder = {
  insert(id: string, key: OrderKey): void;
  has(id: string): boolean;
  keyOf(id: string): OrderKey | undefined;
  size(): number;
  /** Position of a message, or -1. */
  indexOf(id: string): number;
  /** Ids in [start, end) of the conversation. */
  slice(start: number, end: number): string[];
  /** How many messages sort after `key` and satisfy `count`. */
  countAfter(key: OrderKey | null, count: (id: string) => boolean): number;
};

export function createMessageOrder(): MessageOrder {
  const entries: Entry[] = [];
  const keys = new Map<string, OrderKey>();

  /** First index whose key sorts after `key`. */
  const upperBound = (key: OrderKey) => {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const entry = entries[mid];
      if (entry && compareOrder(entry.key, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    insert(id, key) {
      if (keys.has(id)) return;
      keys.set(id, key);
      entries.splice(upperBound(key), 0, { id, key });
    },
    has: (id) => keys.has(id),
    keyOf: (id) => keys.get(id),
    size: () => entries.length,
    indexOf(id) {
      const key = keys.get(id);
      if (!key) return -1;
      const at = upperBound(key) - 1;
      return entries[at]?.id === id ? at : -1;
    },
    slice: (start, end) => entries.slice(Math.max(0, start), Math.max(0, end)).map((e) => e.id),
    countAfter(key, count) {
      let n = 0;
      for (let i = key ? upperBound(key) : 0; i < entries.length; i++) {
        const entry = entries[i];
        if (entry && count(entry.id)) n++;
      }
      return n;
    },
  };
}
