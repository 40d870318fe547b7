import { LEVELS_KEY } from '../attention/levels.ts';
import { LAST_GROUP_KEY } from './last-group.ts';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { ERASE_FLAG, eraseIfRequested, requestErase } from './erase.ts';
import { STORAGE_KEY_NAME } from '../identity/identity.ts';
import { SETTINGS_KEY } from '../settings/settings.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
    removeItem: (key: string) => items.delete(key),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
    items,
  };
}

function vault() {
  const entries = new Map<string, Uint8Array>([[STORAGE_KEY_NAME, new Uint8Array([1])]]);
  return {
    entries,
    status: () => Promise.reject(new Error('unused')),
    get: (name: string) => Promise.resolve(entries.get(name) ?? null),
    set: (name: string, value: Uint8Array) => Promise.resolve(void entries.set(name, value)),
    delete: (name: string) => Promise.resolve(void entries.delete(name)),
  };
}

async function names(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])).sort();
}

describe('erasing Fellows from this device', () => {
  it('deletes every Fellows database, the storage key and the settings, and nothing else', async () => {
    for (const name of ['fellows-profile', 'fellows-data', 'fellows-heads-abc', 'someone-else']) {
      const db = await openDB(name, 1, {
        upgrade(d) {
          d.createObjectStore('x');
        },
      });
      db.close();
    }
    const host = {
      indexedDB,
      localStorage: memoryStorage(),
      sessionStorage: memoryStorage(),
      reloaded: 0,
      reload() {
        this.reloaded++;
      },
    };
    host.localStorage.setItem(SETTINGS_KEY, '{}');
    host.localStorage.setItem(LEVELS_KEY, JSON.stringify({ ['a'.repeat(64)]: 'off' }));
    host.localStorage.setItem(LAST_GROUP_KEY, 'a'.repeat(64));
    host.localStorage.setItem('unrelated', 'kept');
    host.localStorage.setItem('frimousse/data/en', '{"data":[]}');
    const keys = vault();

    // Nothing asked: nothing happens.
    expect(await eraseIfRequested(host, keys)).toBe(false);
    expect(await names()).toContain('fellows-data');

    requestErase(host);
    expect(host.reloaded).toBe(1);
    expect(host.sessionStorage.getItem(ERASE_FLAG)).toBe('1');
    expect(await eraseIfRequested(host, keys)).toBe(true);
    expect(await names()).toEqual(['someone-else']);
    expect(keys.entries.has(STORAGE_KEY_NAME)).toBe(false);
    expect(host.localStorage.getItem(SETTINGS_KEY)).toBeNull();
    expect(host.localStorage.getItem(LEVELS_KEY)).toBeNull();
    expect(host.localStorage.getItem(LAST_GROUP_KEY)).toBeNull();
    expect(host.localStorage.getItem('frimousse/data/en')).toBeNull();
    expect(host.localStorage.getItem('unrelated')).toBe('kept');
    // Done once: the next start is an ordinary first run.
    expect(host.sessionStorage.getItem(ERASE_FLAG)).toBeNull();
  });
});
