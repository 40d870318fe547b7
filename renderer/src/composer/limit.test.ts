import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../../shared/content/schema.ts';
import { NEAR_LIMIT, textLength } from './limit.ts';

describe('textLength', () => {
  it('shows no counter for a short text', () => {
    expect(textLength('hello')).toEqual({ over: 0, left: MAX_TEXT_LENGTH - 5, counted: false });
  });

  it('counts down once near the limit', () => {
    const text = 'a'.repeat(MAX_TEXT_LENGTH - NEAR_LIMIT + 1);
    expect(textLength(text)).toEqual({ over: 0, left: NEAR_LIMIT - 1, counted: true });
    expect(textLength('a'.repeat(MAX_TEXT_LENGTH - NEAR_LIMIT)).counted).toBe(false);
  });

  it('a text exactly at the limit fits', () => {
    expect(textLength('a'.repeat(MAX_TEXT_LENGTH))).toEqual({ over: 0, left: 0, counted: true });
  });

  it('counts how far over a long paste is', () => {
    expect(textLength('a'.repeat(MAX_TEXT_LENGTH + 1234)).over).toBe(1234);
  });

  it('counts the text that is sent: trimmed, in UTF-16 units', () => {
    expect(textLength(`  ${'a'.repeat(MAX_TEXT_LENGTH)}\n\n`).over).toBe(0);
    // An emoji outside the BMP takes two units, as in the peers' check.
    expect(textLength('😀'.repeat(6), 10)).toEqual({ over: 2, left: 0, counted: true });
  });
});
