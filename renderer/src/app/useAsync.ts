import { useEffect, useState } from 'react';

/** Runs an async read once per dependency change and returns its value (undefined until then). */
export function useAsync<T>(read: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    read().then(
      (v) => {
        if (live) setValue(v);
      },
      (error: unknown) => {
        console.error('A background read failed', error);
      },
    );
    return () => {
      live = false;
    };
    // The caller lists what `read` depends on, as with useEffect itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
