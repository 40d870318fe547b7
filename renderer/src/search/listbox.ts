import { useState } from 'react';

const STEPS: Partial<Record<string, number>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: 5,
  PageUp: -5,
};

export type ActiveOption = {
  index: number;
  /** Moves the active option on an arrow or page key; true if it took the key. */
  onKeyDown: (event: React.KeyboardEvent) => boolean;
  set: (index: number) => void;
};

/** The DOM id of a listbox's option `i` (aria-activedescendant names it). */
export function optionIdOf(listId: string, i: number): string {
  return `${listId}-${i}`;
}

/**
 * Which option of a list is active (keyboard-chosen), starting again at the first whenever
 * the list itself changes. Arrow keys move it; the caller handles Enter.
 */
export function useActiveOption(list: unknown, length: number): ActiveOption {
  const [active, setActive] = useState<{ list: unknown; index: number }>({ list, index: 0 });
  const index = active.list === list ? Math.min(active.index, Math.max(0, length - 1)) : 0;
  const move = (by: number) => {
    if (length === 0) return;
    setActive({ list, index: Math.min(length - 1, Math.max(0, index + by)) });
  };
  const onKeyDown = (event: React.KeyboardEvent): boolean => {
    const step = STEPS[event.key];
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return false;
    event.preventDefault();
    move(step);
    return true;
  };
  const set = (i: number) => {
    setActive({ list, index: i });
  };
  return { index, onKeyDown, set };
}
