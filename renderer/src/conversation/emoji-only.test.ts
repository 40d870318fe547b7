import { describe, expect, it } from 'vitest';
import { buildShortcodes } from '../../../scripts/emoji-shortcodes.ts';
import { emojiCount, isLargeEmoji } from './emoji-only.ts';

describe('isLargeEmoji', () => {
  it('one to five emoji alone, with or without spaces or a picker’s U+FE0F', () => {
    for (const text of ['👍', '👍\uFE0F', '🎉🎉🎉', '👍🏽 🙌', '🇳🇱', '👨‍👩‍👧', '❤️', '1️⃣', '🌱🌻🍅🥕🧄'])
      expect(isLargeEmoji(text), text).toBe(true);
  });

  it('not with words, bare digits or symbols, nothing at all, or six and more', () => {
    for (const text of [
      'ok 👍',
      '👍!',
      '1',
      '©',
      '❤',
      '#',
      '',
      '   ',
      '\uFE0F',
      '🌱🌻🍅🥕🧄🌽',
      ':+1:',
    ])
      expect(isLargeEmoji(text), text).toBe(false);
  });
});

describe('emojiCount', () => {
  it('counts what a reader sees as one emoji once', () => {
    expect(emojiCount('👨‍👩‍👧')).toBe(1);
    expect(emojiCount('👍🏽👍🏽')).toBe(2);
    expect(emojiCount('🇳🇱🇨🇳')).toBe(2);
    expect(emojiCount('🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe(1);
    expect(emojiCount('1️⃣ #️⃣')).toBe(2);
    expect(emojiCount('🏳️‍🌈')).toBe(1);
  });

  it('agrees with Unicode’s list of emoji on every emoji the app offers', () => {
    const rgi = new RegExp(String.raw`\p{RGI_Emoji}`, 'gv');
    for (const text of ['😀', '🫠', '👩🏾‍💻', '🧑‍🤝‍🧑', '🇯🇵', '❤️‍🔥', '🐦‍🔥', '😶‍🌫️', '👁️‍🗨️'])
      expect(emojiCount(text), text).toBe(text.match(rgi)?.length);
  });

  it('counts each emoji of the picker’s and the :code list’s data as one', () => {
    const miscounted = buildShortcodes('en')
      .map(([emoji]) => emoji)
      .filter((emoji) => emojiCount(emoji) !== 1);
    expect(miscounted).toEqual([]);
  });
});
