import { describe, expect, it } from 'vitest';
import { lastGroup, rememberGroup } from './last-group.ts';

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      map.set(key, value);
    },
    removeItem: (key: string) => {
      map.delete(key);
    },
  };
}

describe('last group', () => {
  it('is remembered, forgotten, and never anything but a group id', () => {
    const storage = memory();
    expect(lastGroup(storage)).toBeNull();
    rememberGroup('ab'.repeat(32), storage);
    expect(lastGroup(storage)).toBe('ab'.repeat(32));
    rememberGroup('<script>', storage);
    expect(lastGroup(storage)).toBe('ab'.repeat(32));
    storage.setItem('fellows:last-group', 'nonsense');
    expect(lastGroup(storage)).toBeNull();
    rememberGroup(null, storage);
    expect(lastGroup(storage)).toBeNull();
  });
});
