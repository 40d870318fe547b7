import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';
import type { ListRow } from '../groups/timeline.ts';
import type { JumpTarget } from './intent.ts';
import type { Timeline } from './paging.ts';

const FLASH_MS = 2400;

/**
 * Jumps to a message (a reply's original, or `jumpTo` from search): loads around it when it
 * is not loaded, scrolls it to the middle, focuses it and highlights it for a moment.
 */
export function useJump(options: {
  timeline: Timeline;
  rows: readonly ListRow[];
  virtuoso: RefObject<VirtuosoHandle | null>;
  rowElement: (key: string) => HTMLElement | null;
  jumpTo: JumpTarget | null;
  /** Found and loaded: about to scroll there. */
  onLanded: (id: string) => void;
  /** Not in this conversation (any more). */
  onMissing: () => void;
}): { flashId: string | null; jump: (id: string) => void } {
  const { timeline, rows, virtuoso, rowElement, jumpTo, onLanded, onMissing } = options;
  const [flash, setFlash] = useState<{ id: string; nonce: number } | null>(null);
  const land = useCallback(
    (id: string, found: boolean) => {
      if (!found) {
        onMissing();
        return;
      }
      onLanded(id);
      setFlash((current) => ({ id, nonce: (current?.nonce ?? 0) + 1 }));
    },
    [onLanded, onMissing],
  );
  const jump = useCallback(
    (id: string) => {
      void timeline.reveal(id).then((found) => {
        land(id, found);
      });
    },
    [timeline, land],
  );
  useEffect(() => {
    if (!jumpTo) return;
    let live = true;
    void timeline.reveal(jumpTo.messageId).then((found) => {
      if (live) land(jumpTo.messageId, found);
    });
    return () => {
      live = false;
    };
  }, [jumpTo, timeline, land]);

  // Scroll once per jump, when its row is there (a jump far away remounts the list first).
  const scrolledFor = useRef(0);
  useEffect(() => {
    if (!flash || scrolledFor.current === flash.nonce) return;
    const index = rows.findIndex((row) => row.key === flash.id);
    if (index < 0) return;
    scrolledFor.current = flash.nonce;
    virtuoso.current?.scrollToIndex({ index, align: 'center' });
    requestAnimationFrame(() => {
      requestAnimationFrame(() => rowElement(flash.id)?.focus({ preventScroll: true }));
    });
  }, [flash, rows, virtuoso, rowElement]);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => {
      setFlash(null);
    }, FLASH_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [flash]);
  return { flashId: flash?.id ?? null, jump };
}
