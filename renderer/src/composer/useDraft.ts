import { useCallback, useEffect, useRef } from 'react';
import { MAX_DRAFT_LENGTH } from '../sync/api.ts';
import { useSyncStore } from '../sync/hooks.tsx';

/** How long typing pauses before the draft is handed to the worker. */
const SAVE_AFTER_MS = 400;

/**
 * Keeps a group's unsent text in the worker's memory (never localStorage: DESIGN §7): loads
 * it once (`restore`), saves it a moment after typing pauses and when the composer goes
 * away. Returns whether the text is too long to keep.
 */
export function useDraft(groupId: string, text: string, restore: (text: string) => void): boolean {
  const store = useSyncStore();
  const loaded = useRef(false);
  const saved = useRef('');
  const latest = useRef(text);

  useEffect(() => {
    const client = store.client();
    if (!client) return;
    let live = true;
    client
      .draft(groupId)
      .then((draft) => {
        if (!live) return;
        loaded.current = true;
        saved.current = draft;
        restore(draft);
      })
      .catch((caught: unknown) => {
        // Better to start blank than never to save: saving overwrites only from now on.
        loaded.current = true;
        console.error('Loading the draft failed', caught);
      });
    return () => {
      live = false;
    };
  }, [store, groupId, restore]);

  // Until the saved draft is here, an empty box is not news: saving it would erase that draft.
  const save = useCallback(
    (next: string) => {
      if (next === saved.current || (!loaded.current && next === '')) return;
      if (next.length > MAX_DRAFT_LENGTH) return;
      const client = store.client();
      if (!client) return;
      saved.current = next;
      client.setDraft(groupId, next).catch((caught: unknown) => {
        console.error('Saving the draft failed', caught);
      });
    },
    [store, groupId],
  );

  useEffect(() => {
    latest.current = text;
    const timer = setTimeout(() => {
      save(text);
    }, SAVE_AFTER_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [save, text]);

  // Leaving the group (or the app) before typing paused: save what is there now.
  useEffect(() => {
    const box = latest;
    return () => {
      save(box.current);
    };
  }, [save]);

  return text.length > MAX_DRAFT_LENGTH;
}
