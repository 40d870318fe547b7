import { describe, expect, it } from 'vitest';
import { plainPreview, shortWhen } from './preview.ts';

describe('the sidebar preview of a message', () => {
  it('drops markdown markers and keeps the words', () => {
    expect(plainPreview('**Bold** and *italic* and _also_ ~~gone~~')).toBe(
      'Bold and italic and also gone',
    );
    expect(plainPreview('Run `npm test` first')).toBe('Run npm test first');
    expect(plainPreview('See [the notes](https://example.org/notes)')).toBe('See the notes');
    expect(plainPreview('# Agenda\n- tea\n- cake\n1. vote')).toBe('Agenda tea cake vote');
    expect(plainPreview('> quoted\nreply')).toBe('quoted reply');
    expect(plainPreview('```js\nconst a = 1;\n```\nafter')).toBe('const a = 1; after');
  });

  it('leaves what only looks like a marker', () => {
    expect(plainPreview('snake_case_name stays')).toBe('snake_case_name stays');
    expect(plainPreview('2 * 3 * 4 = 24')).toBe('2 * 3 * 4 = 24');
    expect(plainPreview('\\*not italic\\*')).toBe('*not italic*');
    expect(plainPreview('中文 **加粗** 文字')).toBe('中文 加粗 文字');
  });

  it('folds lines and keeps it short', () => {
    expect(plainPreview('one\n\n  two\tthree')).toBe('one two three');
    expect(plainPreview('x'.repeat(1000))).toHaveLength(160);
  });
});

describe('the time of the last message', () => {
  const now = new Date(2026, 4, 20, 15, 0).getTime();
  it('is the time today, the weekday this week, else the date', () => {
    expect(shortWhen(new Date(2026, 4, 20, 9, 5).getTime(), now, 'en')).toMatch(/9:05/);
    expect(shortWhen(new Date(2026, 4, 18, 9, 5).getTime(), now, 'en')).toBe('Mon');
    expect(shortWhen(new Date(2026, 1, 3).getTime(), now, 'en')).toBe('Feb 3');
    expect(shortWhen(new Date(2026, 1, 3).getTime(), now, 'nl')).toBe('3 feb');
    expect(shortWhen(new Date(2024, 1, 3).getTime(), now, 'en')).toBe('2/3/24');
  });
});
