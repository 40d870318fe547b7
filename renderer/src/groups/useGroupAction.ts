import { useState } from 'react';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';
import { useReasonWords } from '../i18n/reason.ts';
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
  const reasonWords = useReasonWords();
  const [busy, setBusy] = useState(false);
  // Kept as what went wrong and worded when drawn, in the language shown then.
  const [error, setError] = useState<Reason | null>(null);
  async function act(change: (client: SyncClient) => Promise<unknown>): Promise<boolean> {
    const client = store.client();
    if (!client) return false;
    setBusy(true);
    setError(null);
    try {
      await change(client);
      return true;
    } catch (caught) {
      setError(reasonFrom(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return {
    act,
    busy,
    error: error && reasonWords(error),
    clearError: () => {
      setError(null);
    },
  };
}
