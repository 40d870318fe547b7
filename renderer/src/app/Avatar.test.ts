import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstGrapheme } from './Avatar.tsx';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const bySegmenter = (text: string) =>
  segmenter.segment(text)[Symbol.iterator]().next().value?.segment;

describe('firstGrapheme', () => {
  it('keeps an emoji, a flag or an accented initial whole', () => {
    expect(firstGrapheme('Ada')).toBe('A');
    expect(firstGrapheme('e\u0301mile')).toBe('e\u0301');
    expect(firstGrapheme('👩‍👩‍👧 family')).toBe('👩‍👩‍👧');
    expect(firstGrapheme('🇳🇱 Dutch')).toBe('🇳🇱');
    expect(firstGrapheme('1\ufe0f\u20e3 one')).toBe('1\ufe0f\u20e3');
    expect(firstGrapheme('张三')).toBe('张');
    expect(firstGrapheme('')).toBeUndefined();
  });

  it('always agrees with Intl.Segmenter, ASCII shortcut or not', () => {
    const char = fc.oneof(
      fc.constantFrom('a', 'Z', ' ', '1', '\r', '\n', '\u0301', '\u200d', '\ufe0f', '\u20e3'),
      fc.constantFrom('👩', '🇳', '🇱', '张', 'é', '\u{1f3fd}'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 6 }), (chars) => {
        const text = chars.join('');
        expect(firstGrapheme(text)).toBe(bySegmenter(text));
      }),
      { numRuns: 2000 },
    );
  });
});
