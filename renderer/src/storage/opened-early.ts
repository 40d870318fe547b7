/**
 * Database connections opened before the code that reads them has loaded (open-early.ts), each
 * kept until its reader takes it. The first IndexedDB open of a launch takes 150–380 ms here
 * before a byte is read (docs/benchmarks.md, UI): begun as the app's first module runs, that
 * wait passes while the rest of the app's JS loads and runs.
 */
const kept = new Map<string, Promise<unknown>>();

/** Keeps database `name`'s open connection (being made) for its reader. */
export function keepOpened(name: string, opening: Promise<unknown>): void {
  // Its reader sees a failure; until taken it is not an unhandled one.
  opening.catch(() => undefined);
  kept.set(name, opening);
}

/**
 * The connection to `name` opened early, once (a later open makes its own), or undefined. The
 * caller asks for the database it would open itself, with the same version and upgrade.
 */
export function takeOpened<T>(name: string): Promise<T> | undefined {
  const opening = kept.get(name) as Promise<T> | undefined;
  kept.delete(name);
  return opening;
}
