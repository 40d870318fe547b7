/** Where `navigator.storage.persist` may be: absent outside a secure context, or in old hosts. */
type Host = { navigator?: { storage?: { persist?: () => Promise<boolean> } } };

/**
 * Asks the browser not to evict this origin's data under storage pressure (DESIGN §7); call
 * it once at startup. Never throws, whatever the host supports, and says what happened at
 * debug level. Resolves to whether storage is now persistent, or null if it cannot be asked.
 */
export async function requestPersistentStorage(host: Host = globalThis): Promise<boolean | null> {
  try {
    const storage = host.navigator?.storage;
    if (typeof storage?.persist !== 'function') {
      debug('fellows: persistent storage is not supported here');
      return null;
    }
    const granted = await storage.persist();
    debug(`fellows: persistent storage ${granted ? 'granted' : 'not granted'}`);
    return granted;
  } catch (error) {
    debug('fellows: asking for persistent storage failed', error);
    return null;
  }
}

function debug(message: string, detail?: unknown): void {
  // Debug level on purpose: the browser decides by its own heuristics and the person has
  // nothing to do about it; the line only helps explain data that was evicted.
  // eslint-disable-next-line no-console
  console.debug(message, ...(detail === undefined ? [] : [detail]));
}
