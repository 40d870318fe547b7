import { describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../shared/refusal.ts';
import { LANGUAGE_TAGS, NAMESPACES } from './resources.ts';

describe('words for refusals', () => {
  it('say every refusal the core can give, in every language, and nothing else', () => {
    const codes = [...REFUSALS].sort();
    for (const language of LANGUAGE_TAGS)
      expect(Object.keys(NAMESPACES.refusal[language]).sort(), language).toEqual(codes);
  });
});
