import { describe, expect, it } from 'vitest';
import { buildShortcodeFile, buildShortcodes } from '../../../scripts/emoji-shortcodes.ts';
import {
  emojiQuery,
  emojiTable,
  exactEmoji,
  matchEmoji,
  type ShortcodeEntry,
} from './emoji-codes.ts';

const at = (text: string) => emojiQuery(text, text.length);
const table = (entries: ShortcodeEntry[], tones = {}, maxVersion = Infinity) =>
  emojiTable({ entries, tones }, maxVersion);

describe('emojiQuery', () => {
  it('finds a code being typed after a colon', () => {
    expect(at(':thu')).toEqual({ start: 0, end: 4, query: 'thu', closed: false });
    expect(at('nice one :+1')).toMatchObject({ start: 9, query: '+1', closed: false });
    expect(at('ok :joy:')).toEqual({ start: 3, end: 8, query: 'joy', closed: true });
    expect(at('好的:赞')).toMatchObject({ start: 2, query: '赞' });
  });

  it('leaves times, links, words and smileys alone', () => {
    for (const text of [
      '10:30',
      'at 10:30:',
      'https://x',
      'Re:ok',
      ':D',
      ':p',
      ':-)',
      ':',
      '::',
      'a :b',
    ])
      expect(at(text), text).toBeNull();
  });

  it('looks only just before the caret', () => {
    expect(emojiQuery(':joy and more', 4)).toMatchObject({ query: 'joy' });
    expect(emojiQuery(':joy and more', 8)).toBeNull();
  });
});

const TABLE = table(
  [
    ['😀', 1, 'grinning'],
    ['😂', 0.6, 'joy'],
    ['😹', 0.6, 'joy_cat'],
    ['👍️', 0.6, '+1', 'thumbsup'],
    ['🤔', 1, 'thinking'],
    ['🫨', 15, 'shaking_face'],
    ['⛷️', 0.7, 'skier', 'skiër'],
  ] satisfies ShortcodeEntry[],
  { '👍️': ['👍🏻', '👍🏼', '👍🏽', '👍🏾', '👍🏿'] },
);

const codes = (query: string, closed = false) =>
  matchEmoji(TABLE, { query, closed }).map((m) => `${m.emoji} ${m.code}`);

describe('matchEmoji', () => {
  it('ranks an exact code, then codes that start with it, then words, then the rest', () => {
    expect(codes('joy')).toEqual(['😂 joy', '😹 joy_cat']);
    expect(codes('th')).toEqual(['👍️ thumbsup', '🤔 thinking']);
    expect(codes('face')).toEqual(['🫨 shaking_face']);
    expect(codes('aking')).toEqual(['🫨 shaking_face']);
    expect(codes('ak')).toEqual([]);
  });

  it('says which code matched, and folds case and accents', () => {
    expect(codes('+1')).toEqual(['👍️ +1']);
    expect(codes('THUMB')).toEqual(['👍️ thumbsup']);
    expect(codes('skie')).toEqual(['⛷️ skier']);
  });

  it('a closed code matches exactly or not at all', () => {
    expect(codes('joy', true)).toEqual(['😂 joy']);
    expect(codes('jo', true)).toEqual([]);
    expect(exactEmoji(TABLE, { start: 0, end: 5, query: 'joy', closed: true })).toBe('😂');
    expect(exactEmoji(TABLE, { start: 0, end: 4, query: 'joy', closed: false })).toBeNull();
  });

  it('leaves out emoji newer than the laptop draws', () => {
    const old = table(
      TABLE.map((e) => [e.emoji, e.emoji === '🫨' ? 15 : 1, ...e.codes]),
      {},
      14,
    );
    expect(matchEmoji(old, { query: 'shaking', closed: false })).toEqual([]);
  });
});

describe('skin tones', () => {
  it('give an emoji that has them in the tone chosen, and leave the others be', () => {
    const shown = (tone: 'none' | 'medium' | 'dark') =>
      matchEmoji(TABLE, { query: 'thumbsup', closed: false }, tone)[0]?.emoji;
    expect(shown('none')).toBe('👍️');
    expect(shown('medium')).toBe('👍🏽');
    expect(shown('dark')).toBe('👍🏿');
    expect(matchEmoji(TABLE, { query: 'joy', closed: true }, 'dark')[0]?.emoji).toBe('😂');
    expect(exactEmoji(TABLE, { start: 0, end: 4, query: '+1', closed: true }, 'medium')).toBe('👍🏽');
  });

  it('the build gives five tones to a hand, and to everyone in a pair of people', () => {
    const { tones } = buildShortcodeFile('en');
    expect(tones['👋']).toEqual(['👋🏻', '👋🏼', '👋🏽', '👋🏾', '👋🏿']);
    expect(tones['🧑‍🤝‍🧑']?.[4]).toBe('🧑🏿‍🤝‍🧑🏿');
    expect(tones['😂']).toBeUndefined();
    expect(Object.keys(tones).length).toBeGreaterThan(250);
  });
});

describe('the tables the build makes', () => {
  it('answer to the names people know, in each language', () => {
    const find = (locale: string, query: string) =>
      matchEmoji(emojiTable(buildShortcodeFile(locale)), { query, closed: false })[0];
    expect(find('en', 'thumbsup')?.emoji).toBe('👍️');
    expect(find('en', 'tada')?.emoji).toBe('🎉');
    expect(find('nl', 'duim')?.emoji).toBe('👍️');
    expect(find('nl', 'joy')?.emoji).toBe('😂');
    expect(find('zh', '笑哭')?.emoji).toBe('😂');
    expect(find('zh', 'xiao_ku')?.emoji).toBe('😂');
  });

  it('hold no skin-tone swatches or lone letters, and no emoji without a code', () => {
    for (const locale of ['en', 'nl', 'zh']) {
      const table = buildShortcodes(locale);
      expect(table.length).toBeGreaterThan(1800);
      for (const [emoji, version, ...names] of table) {
        expect(emoji).not.toMatch(/^[\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}]$/u);
        expect(version).toBeGreaterThanOrEqual(0);
        expect(names.length).toBeGreaterThan(0);
      }
    }
  });
});
