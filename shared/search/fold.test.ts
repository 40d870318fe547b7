import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, queryTerms } from './fold.ts';

describe('fold', () => {
  it('ignores case, accents and compatibility forms', () => {
    expect(fold('Café ÉÉN Ĳsje')).toBe('cafe een ijsje');
    expect(fold('cafe\u0301')).toBe(fold('café'));
    expect(fold('ＦＥＬＬＯＷＳ')).toBe('fellows');
    expect(fold('İstanbul')).toBe('istanbul');
  });

  it('leaves Chinese and kana voicing alone', () => {
    expect(fold('我们这个周末去爬山')).toBe('我们这个周末去爬山');
    expect(fold('が')).toBe('が');
  });

  it('maps every folded character back to the original', () => {
    const text = 'Één Ĳs, cafe\u0301!';
    const { folded, from, to } = foldWithMap(text);
    expect(folded).toBe(fold(text));
    const at = folded.indexOf('cafe');
    expect(text.slice(from[at], to[at + 3])).toBe('cafe\u0301');
    const ij = folded.indexOf('ij');
    expect(text.slice(from[ij], to[ij + 1])).toBe('Ĳ');
  });
});

describe('queryTerms', () => {
  it('splits on any white space and folds each word once', () => {
    expect(queryTerms('  Weekend\u3000周末 weekend\n')).toEqual(['weekend', '周末']);
    expect(queryTerms('   ')).toEqual([]);
  });
});
