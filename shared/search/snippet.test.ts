import { describe, expect, it } from 'vitest';
import { queryTerms } from './fold.ts';
import { matchRanges, snippet } from './snippet.ts';

const marked = (text: string, query: string) => {
  const { text: shown, marks } = snippet(text, queryTerms(query));
  return { shown, marked: marks.map(([a, b]) => shown.slice(a, b)) };
};

describe('snippet', () => {
  it('marks a Chinese substring', () => {
    expect(marked('我们这个周末去爬山', '周末')).toEqual({
      shown: '我们这个周末去爬山',
      marked: ['周末'],
    });
  });

  it('shows the message as it reads: no markdown marks, the match still marked', () => {
    expect(marked('Water the **tomatoes** tonight?', 'tomatoes')).toEqual({
      shown: 'Water the tomatoes tonight?',
      marked: ['tomatoes'],
    });
    expect(marked('这个月读**《三体》**，第一部。', '三体')).toEqual({
      shown: '这个月读《三体》，第一部。',
      marked: ['三体'],
    });
    expect(marked('notes at [the wiki](https://example.org/w)', 'wiki').shown).toBe(
      'notes at the wiki',
    );
  });

  it('marks the original letters of an accent-folded match', () => {
    expect(marked('Zullen we één keer naar het Café?', 'een cafe').marked).toEqual(['één', 'Café']);
  });

  it('cuts a long message around the first match, on a word boundary, with ellipses', () => {
    const text = `${'lorem ipsum '.repeat(20)}the garden needs water ${'dolor sit '.repeat(30)}`;
    const { shown, marked: marks } = marked(text, 'garden');
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThan(170);
    expect(marks).toEqual(['garden']);
    expect(shown.slice(1, 2)).not.toBe(' ');
    expect(shown).toMatch(/^…\S/);
  });

  it('shows line breaks as spaces and never splits an emoji', () => {
    const text = `${'🌱'.repeat(60)}\nwater`;
    const { text: shown } = snippet(text, ['water']);
    expect(shown).toContain(' water');
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(shown).not.toMatch(/(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('merges overlapping matches of different words', () => {
    expect(matchRanges('tomatoes', ['tomato', 'toes'])).toEqual([[0, 8]]);
    expect(matchRanges('aaaa', ['aa'])).toEqual([[0, 4]]);
  });
});
