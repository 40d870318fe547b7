import type { Vault } from '../platform/types.ts';
import { STORAGE_KEY_NAME } from '../identity/identity.ts';
import { SETTINGS_KEY } from '../settings/settings.ts';
import { LEVELS_KEY } from '../attention/levels.ts';
import { LAST_GROUP_KEY } from './last-group.ts';

import { ERASE_FLAG, erasePending } from './erase-flag.ts';

export { ERASE_FLAG } from './erase-flag.ts';

/** Where frimousse, the emoji picker, keeps the emoji data it loaded (its `localStorage` keys). */
export const EMOJI_PICKER_CACHE = 'frimousse/';

type EraseHost = {
  indexedDB: { databases?(): Promise<{ name?: string }[]>; deleteDatabase(name: string): unknown };
  localStorage: {
    removeItem(key: string): void;
    key(index: number): string | null;
    length: number;
  };
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
};

/** Every IndexedDB database Fellows keeps: the profile, the groups, the rooms' heads docs. */
export const isFellowsDatabase = (name: string) =>
  name === 'fellows-profile' || name === 'fellows-data' || name.startsWith('fellows-heads-');

function deleted(host: EraseHost, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = host.indexedDB.deleteDatabase(name) as {
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
      onblocked: (() => void) | null;
    };
    request.onsuccess = () => {
      resolve();
    };
    request.onerror = () => {
      reject(new Error(`could not delete ${name}`));
    };
    // Nothing of ours is open before the app starts; a blocked delete finishes when it is.
    request.onblocked = null;
  });
}

/**
 * Asks for everything of Fellows on this device to go: the erase itself runs on the next
 * start, before anything opens the databases (an open connection would block deleting them).
 */
export function requestErase(host: Pick<EraseHost, 'sessionStorage'> & { reload(): void }) {
  host.sessionStorage.setItem(ERASE_FLAG, '1');
  host.reload();
}

/**
 * On start: if an erase was asked for, deletes every Fellows database, the vault's storage key,
 * the settings and what the page keeps by group id, then goes on as a first run. Returns whether it erased.
 */
export async function eraseIfRequested(host: EraseHost, vault: Vault): Promise<boolean> {
  if (!erasePending(host.sessionStorage)) return false;
  const listed = (await host.indexedDB.databases?.()) ?? [];
  const names = new Set(['fellows-profile', 'fellows-data']);
  for (const { name } of listed) if (name && isFellowsDatabase(name)) names.add(name);
  for (const name of names) await deleted(host, name);
  await vault.delete(STORAGE_KEY_NAME);
  // The page's own storage too: settings, and the group ids of the open group and of the
  // notification levels; and the emoji picker's copy of its emoji data (frimousse's cache).
  const stored = Array.from({ length: host.localStorage.length }, (_, i) =>
    host.localStorage.key(i),
  );
  const cached = stored.filter(
    (key): key is string => key?.startsWith(EMOJI_PICKER_CACHE) === true,
  );
  for (const key of [SETTINGS_KEY, LEVELS_KEY, LAST_GROUP_KEY, ...cached])
    host.localStorage.removeItem(key);
  host.sessionStorage.removeItem(ERASE_FLAG);
  return true;
}
