import { useState } from 'react';
import type { SyncClient } from '../sync/client.ts';
import { useSyncStore } from '../sync/hooks.tsx';

/**
 * Runs one change to a group through the worker: busy while it runs, and the reason in words
 * when it is refused (say, no longer an admin). Resolves whether it was made.
 */
export function useGroupAction(): {
  act: (change: (client: SyncClient) => Promise<unknown>) => Promise<boolean>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
} {
  const store = useSyncStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function act(change: (client: SyncClient) => Promise<unknown>): Promise<boolean> {
    const client = store.client();
    if (!client) return false;
    setBusy(true);
    setError(null);
    try {
      await change(client);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return {
    act,
    busy,
    error,
    clearError: () => {
      setError(null);
    },
  };
}
