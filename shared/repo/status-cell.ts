/** A value that moves on, and who wants to hear when it does: a pending join's or link's status. */
export function statusCell<S>(initial: S) {
  let status = initial;
  const listeners = new Set<(s: S) => void>();
  return {
    get: () => status,
    set: (next: S) => {
      status = next;
      for (const listener of listeners) listener(next);
    },
    on: (listener: (s: S) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
