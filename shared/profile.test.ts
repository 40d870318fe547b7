import { describe, expect, it } from 'vitest';
import {
  DisplayNameError,
  MAX_DISPLAY_NAME_LENGTH,
  parseDisplayName,
  parseGroupName,
} from './profile.ts';

function problemOf(input: unknown): string {
  try {
    parseDisplayName(input);
  } catch (error) {
    if (error instanceof DisplayNameError) return error.problem;
    throw error;
  }
  return 'none';
}

describe('parseDisplayName', () => {
  it('keeps a plain name as typed', () => {
    expect(parseDisplayName('Ada Lovelace')).toBe('Ada Lovelace');
  });

  it('trims and folds white space the way a person would expect', () => {
    expect(parseDisplayName('  Ada \t  Lovelace \n')).toBe('Ada Lovelace');
  });

  it('normalises to NFC so the same name is the same bytes everywhere', () => {
    const decomposed = 'Jose\u0301';
    expect(parseDisplayName(decomposed)).toBe('José');
  });

  it('accepts names in any script, and emoji joined with ZWJ', () => {
    expect(parseDisplayName('王小明')).toBe('王小明');
    expect(parseDisplayName('Sam 👩‍🌾')).toBe('Sam 👩‍🌾');
  });

  it('refuses empty or blank names', () => {
    expect(problemOf('')).toBe('empty');
    expect(problemOf('   \n ')).toBe('empty');
    expect(problemOf(undefined)).toBe('empty');
    expect(problemOf(42)).toBe('empty');
  });

  it('refuses names longer than the cap, counting characters not UTF-16 units', () => {
    expect(parseDisplayName('😀'.repeat(MAX_DISPLAY_NAME_LENGTH))).toHaveLength(
      MAX_DISPLAY_NAME_LENGTH * 2,
    );
    expect(problemOf('a'.repeat(MAX_DISPLAY_NAME_LENGTH + 1))).toBe('too-long');
    expect(problemOf('😀'.repeat(MAX_DISPLAY_NAME_LENGTH + 1))).toBe('too-long');
    // Longer than the cap in UTF-16 units, at the cap in characters.
    expect(parseDisplayName('a\u0332'.repeat(MAX_DISPLAY_NAME_LENGTH))).toHaveLength(
      MAX_DISPLAY_NAME_LENGTH * 2,
    );
    expect(problemOf('a\u0332'.repeat(MAX_DISPLAY_NAME_LENGTH + 1))).toBe('too-long');
  });

  it('caps names in bytes too, so a signed name always fits its encoding', () => {
    expect(problemOf('👨‍👩‍👧‍👦'.repeat(20))).toBe('too-long');
    expect(problemOf('e' + '\u0301'.repeat(300))).toBe('too-long');
  });

  it('refuses a lone surrogate, which would change when encoded', () => {
    expect(problemOf('a\ud800b')).toBe('control-characters');
  });

  it('refuses control and direction-override characters that disguise a name', () => {
    expect(problemOf('Ada\u0000')).toBe('control-characters');
    expect(problemOf('Ada\u202eecalevol')).toBe('control-characters');
    expect(problemOf('Ad\u200ba')).toBe('control-characters');
  });

  it('gives a message a person can act on', () => {
    expect(() => parseDisplayName('')).toThrow('Enter a name your group will recognise.');
  });
});

describe('parseGroupName', () => {
  it('uses the same rules with messages about the group', () => {
    expect(parseGroupName('  Maple  Street co-op ')).toBe('Maple Street co-op');
    expect(() => parseGroupName('')).toThrow('Give the group a name its members will recognise.');
    expect(() => parseGroupName('x'.repeat(65))).toThrow(/group’s name to 64 characters/);
  });
});
