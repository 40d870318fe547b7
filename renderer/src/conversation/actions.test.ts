import { describe, expect, it } from 'vitest';
import { buildShortcodes } from '../../../scripts/emoji-shortcodes.ts';
import { QUICK_REACTIONS, webUrl } from './actions.ts';

describe('QUICK_REACTIONS', () => {
  it('are written as the emoji picker and the :code list write them (one chip, not two)', () => {
    const offered = new Set(buildShortcodes('en').map(([emoji]) => emoji));
    for (const emoji of QUICK_REACTIONS) expect(offered.has(emoji), emoji).toBe(true);
  });
});

describe('webUrl', () => {
  it('opens http(s) links only', () => {
    expect(webUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('file:///etc/passwd')).toBeNull();
    expect(webUrl(undefined)).toBeNull();
  });
});
