import { describe, expect, it } from 'vitest';
import { plainExcerpt } from './plain-excerpt.ts';

describe('plainExcerpt', () => {
  it('takes out the marks a reader does not see', () => {
    expect(plainExcerpt('**Chapter 3** is `great`, notes at https://example.com/notes')).toBe(
      'Chapter 3 is great, notes at https://example.com/notes',
    );
    expect(plainExcerpt('see [the notes](https://x.nl/a_b) and _this_ ~~not~~')).toBe(
      'see the notes and this not',
    );
    expect(plainExcerpt('> quoted\n- one\n- two\n# Title')).toBe('quoted one two Title');
  });

  it('leaves plain text, snake_case and arithmetic alone', () => {
    expect(plainExcerpt('file_name_here is 2 * 3 * 4')).toBe('file_name_here is 2 * 3 * 4');
    expect(plainExcerpt('你好，世界')).toBe('你好，世界');
  });
});
