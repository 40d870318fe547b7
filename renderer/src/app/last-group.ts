/**
 * The group that was open when the app last closed, so it opens there again. Only its id (an
 * opaque hash, in every invite) is kept, in the page's storage.
 */
export const LAST_GROUP_KEY = 'fellows:last-group';
const KEY = LAST_GROUP_KEY;
const GROUP_ID = /^[0-9a-f]{64}$/u;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function lastGroup(storage: Storage | null = pageStorage()): string | null {
  try {
    const id = storage?.getItem(KEY) ?? null;
    return id !== null && GROUP_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

export function rememberGroup(id: string | null, storage: Storage | null = pageStorage()): void {
  try {
    if (id === null) storage?.removeItem(KEY);
    else if (GROUP_ID.test(id)) storage?.setItem(KEY, id);
  } catch (error) {
    console.warn('fellows: the open group could not be remembered', error);
  }
}

function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
