/**
 * Blobs waiting for something before they can be judged (DESIGN §5: never let Yjs park an
 * update in `pendingStructs`, where it would be integrated unchecked later): their
 * predecessor, a dep, their device's admission, or an epoch key. Bounded, so a flood of
 * blobs that can never be placed cannot exhaust memory; what falls out is fetched again by
 * repair later.
 */
export type Holdback<T> = {
  hold(key: string, id: string, item: T): boolean;
  release(key: string): T[];
  releaseAll(prefix: string): T[];
  has(id: string): boolean;
  size(): number;
  /** What the held blobs wait for (`pos:…`, `device:…`, `epoch:…`): for reading a soak's case. */
  keys(): string[];
};

export function createHoldback<T>(limit = 20_000): Holdback<T> {
  const waiting = new Map<string, Map<string, T>>();
  const ids = new Map<string, string>();
  const take = (key: string): T[] => {
    const items = waiting.get(key);
    if (!items) return [];
    waiting.delete(key);
    for (const id of items.keys()) ids.delete(id);
    return [...items.values()];
  };
  return {
    hold(key, id, item) {
      if (ids.has(id)) return true;
      if (ids.size >= limit) return false;
      let items = waiting.get(key);
      if (!items) {
        items = new Map();
        waiting.set(key, items);
      }
      items.set(id, item);
      ids.set(id, key);
      return true;
    },
    release: take,
    releaseAll: (prefix) => [...waiting.keys()].filter((k) => k.startsWith(prefix)).flatMap(take),
    has: (id) => ids.has(id),
    keys: () => [...waiting.keys()],
    size: () => ids.size,
  };
}
