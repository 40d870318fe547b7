import { describe, expect, it } from 'vitest';
import { createLevelStore, LEVELS_KEY } from './levels.ts';

const G = 'a'.repeat(64);

function memory(initial?: string) {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(LEVELS_KEY, initial);
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      map.set(key, value);
    },
  };
}

describe('notification levels', () => {
  it('are "all" until changed, and are kept', () => {
    const storage = memory();
    const store = createLevelStore(storage);
    expect(store.get(G)).toBe('all');
    store.set(G, 'mentions');
    expect(createLevelStore(storage).get(G)).toBe('mentions');
    store.forget(G);
    expect(createLevelStore(storage).get(G)).toBe('all');
  });
  it('refuse what is not a level or a group id, and read bad storage as nothing', () => {
    const store = createLevelStore(memory());
    expect(() => {
      store.set(G, 'loud' as 'all');
    }).toThrow();
    expect(() => {
      store.set('../x', 'off');
    }).toThrow();
    expect(createLevelStore(memory('{"x":"off"}')).get('x')).toBe('all');
    expect(createLevelStore(memory('not json')).get(G)).toBe('all');
  });
});
