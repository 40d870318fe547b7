import { describe, expect, it } from 'vitest';
import { comboLabel, isShortcut, usesCommandKey } from './shortcuts.ts';

const key = (
  k: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe('shortcuts', () => {
  it('use Ctrl elsewhere and ⌘ on a Mac', () => {
    expect(isShortcut(key('k', { ctrl: true }), 'k', false, false)).toBe(true);
    expect(isShortcut(key('k', { meta: true }), 'k', false, false)).toBe(false);
    expect(isShortcut(key('k', { meta: true }), 'k', false, true)).toBe(true);
    expect(isShortcut(key('k', { ctrl: true }), 'k', false, true)).toBe(false);
  });

  it('tell Ctrl+F from Ctrl+Shift+F, and ignore Alt', () => {
    expect(isShortcut(key('F', { ctrl: true, shift: true }), 'f', true, false)).toBe(true);
    expect(isShortcut(key('F', { ctrl: true, shift: true }), 'f', false, false)).toBe(false);
    expect(isShortcut(key('f', { ctrl: true, alt: true }), 'f', false, false)).toBe(false);
  });

  it('know a Mac by its user agent', () => {
    expect(usesCommandKey('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)')).toBe(true);
    expect(usesCommandKey('Mozilla/5.0 (X11; Linux x86_64)')).toBe(false);
    expect(usesCommandKey('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe(false);
  });

  it('spell a key combination as the platform does', () => {
    expect(comboLabel(['alt', 'shift', '↓'], false)).toBe('Alt+Shift+↓');
    expect(comboLabel(['alt', 'shift', '↓'], true)).toBe('⌥⇧↓');
    expect(comboLabel(['mod', '/'], false)).toBe('Ctrl+/');
    expect(comboLabel(['mod', '/'], true)).toBe('⌘/');
    expect(comboLabel(['Enter'], false)).toBe('Enter');
    // Modifiers in the platform's order: Apple puts ⇧ before ⌘.
    expect(comboLabel(['mod', 'shift', 'F'], true)).toBe('⇧⌘F');
    expect(comboLabel(['mod', 'shift', 'F'], false)).toBe('Ctrl+Shift+F');
  });
});
