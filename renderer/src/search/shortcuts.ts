import { useEffect, useRef } from 'react';

/** Whether shortcuts use ⌘ (macOS and iPadOS) rather than Ctrl. */
export function usesCommandKey(userAgent: string = navigator.userAgent): boolean {
  return /Mac OS X|Macintosh|iPhone|iPad/.test(userAgent);
}

/** How a shortcut reads on this platform: "⌘K" or "Ctrl+K". */
export function shortcutLabel(key: string, shift = false): string {
  return comboLabel(shift ? ['mod', 'shift', key] : ['mod', key]);
}

/** True for Ctrl+key (⌘+key on a Mac), with Shift exactly as asked and no Alt. */
export function isShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  key: string,
  shift = false,
  command = usesCommandKey(),
): boolean {
  const modifier = command ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return modifier && !event.altKey && event.shiftKey === shift && event.key.toLowerCase() === key;
}

/** The modifiers' names, each in the platform's order: Apple's ⌥⇧⌘, elsewhere Ctrl+Alt+Shift. */
const MAC_MODIFIERS: Record<string, string> = { alt: '⌥', shift: '⇧', mod: '⌘' };
const OTHER_MODIFIERS: Record<string, string> = { mod: 'Ctrl', alt: 'Alt', shift: 'Shift' };

/**
 * How a key combination reads on this platform: ["alt", "shift", "↓"] is "Alt+Shift+↓" or
 * "⌥⇧↓", the modifiers in the platform's order whatever order they are given in.
 */
export function comboLabel(parts: readonly string[], mac: boolean = usesCommandKey()): string {
  const modifiers = mac ? MAC_MODIFIERS : OTHER_MODIFIERS;
  const names = [
    ...Object.entries(modifiers)
      .filter(([modifier]) => parts.includes(modifier))
      .map(([, name]) => name),
    ...parts.filter((part) => !(part in modifiers)),
  ];
  return names.join(mac ? '' : '+');
}

/**
 * Runs `action` on the shortcut, anywhere in the window, instead of the browser's own.
 * `shift` null: with or without Shift (a key such as / needs Shift on some layouts).
 */
function useShortcut(key: string, shift: boolean | null, action: () => void): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  }, [action]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const matches =
        shift === null
          ? isShortcut(event, key, false) || isShortcut(event, key, true)
          : isShortcut(event, key, shift);
      if (!matches || event.defaultPrevented) return;
      // A modal dialog already open keeps the keyboard.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [key, shift]);
}

/** Ctrl+K (⌘K on a Mac) opens the quick switcher. */
export function useQuickSwitcherShortcut(open: () => void): void {
  useShortcut('k', false, open);
}

/** Ctrl+F (⌘F) searches the open group, in place of the browser's find in page. */
export function useGroupSearchShortcut(open: () => void): void {
  useShortcut('f', false, open);
}

/** Ctrl+Shift+F (⇧⌘F) searches every group. */
export function useGlobalSearchShortcut(open: () => void): void {
  useShortcut('f', true, open);
}

/** Ctrl+/ (⌘/) lists the keyboard shortcuts. */
export function useShortcutsHelpShortcut(open: () => void): void {
  useShortcut('/', null, open);
}
