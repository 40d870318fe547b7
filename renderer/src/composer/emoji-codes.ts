import { SKIN_TONES, type SkinToneSetting } from '../settings/settings.ts';
import { fold, glues, UNSPACED } from './mentions.ts';

/**
 * One emoji the composer offers for a `:shortcode`: the emoji, its Emoji version, then the
 * codes it answers to, best known first (scripts/emoji-shortcodes.ts makes the table).
 */
export type ShortcodeEntry = readonly [emoji: string, version: number, ...codes: string[]];

/**
 * The file the build makes: the table, and the toned forms of emoji that have them, light to
 * dark (in the order of the settings' `SKIN_TONES` after 'none').
 */
export type ShortcodeFile = {
  entries: readonly ShortcodeEntry[];
  tones: Readonly<Record<string, readonly string[]>>;
};

/** A `:code` being typed just before the caret; `closed` when a `:` after it ends it. */
export type EmojiQuery = { start: number; end: number; query: string; closed: boolean };

/** The table as the composer searches it: codes folded once, emoji the laptop cannot draw left out. */
export type EmojiTable = readonly {
  emoji: string;
  codes: readonly string[];
  folded: readonly string[];
  /** Its forms with a skin tone, light to dark, if it has them. */
  tones?: readonly string[] | undefined;
}[];

/** An emoji to offer, and the code that found it. */
export type EmojiMatch = { emoji: string; code: string };

/** Longest code looked back for (the longest CLDR names run to about 40 letters). */
const MAX_QUERY = 48;
const CODE_CHAR = /[\p{L}\p{N}_+-]/u;
export const MAX_EMOJI_SUGGESTIONS = 8;

/**
 * Two letters before the list opens, as in Slack (`:D` and `:p` stay what they are); one
 * character is enough in a script without spaces, where it is a word (`:赞`).
 */
const longEnough = (query: string) => query.length >= 2 || UNSPACED.test(query);

/**
 * The `:code` being typed just before the caret, if any. Not in "10:30", "a:b" or a link:
 * the `:` must not glue onto a word before it.
 */
export function emojiQuery(text: string, caret: number): EmojiQuery | null {
  const closed = text[caret - 1] === ':';
  const end = closed ? caret - 1 : caret;
  let from = end;
  while (from > 0 && end - from < MAX_QUERY && CODE_CHAR.test(text[from - 1] ?? '')) from--;
  const start = from - 1;
  if (text[start] !== ':' || glues(text[start - 1])) return null;
  const query = text.slice(from, end);
  if (!longEnough(query)) return null;
  return { start, end: caret, query, closed };
}

/** The table, without emoji newer than `maxVersion` (an empty cell in the list otherwise). */
export function emojiTable(file: ShortcodeFile, maxVersion = Infinity): EmojiTable {
  return file.entries
    .filter(([, version]) => version <= maxVersion)
    .map(([emoji, , ...codes]) => ({
      emoji,
      codes,
      folded: codes.map(fold),
      tones: file.tones[emoji],
    }));
}

/** How well `code` answers `wanted`: 0 exactly, 1 starts with it, 2 a word of it does, 3 has it. */
function rank(code: string, wanted: string, closed: boolean): number {
  if (code === wanted) return 0;
  if (closed) return -1;
  if (code.startsWith(wanted)) return 1;
  if (code.includes(`_${wanted}`)) return 2;
  return wanted.length >= 3 && code.includes(wanted) ? 3 : -1;
}

/**
 * The emoji whose codes match the query: exact codes first, then codes that start with it,
 * then codes with a word that does, then codes that merely contain it (three letters or more);
 * in the table's order within each (faces first). A closed `:code:` matches exactly or not at all.
 * An emoji that has skin tones comes in `tone`.
 */
export function matchEmoji(
  table: EmojiTable,
  query: Pick<EmojiQuery, 'query' | 'closed'>,
  tone: SkinToneSetting = 'none',
  limit = MAX_EMOJI_SUGGESTIONS,
): EmojiMatch[] {
  // 'none' is -1: the emoji as it is.
  const toneAt = SKIN_TONES.indexOf(tone) - 1;
  const wanted = fold(query.query);
  const found: { match: EmojiMatch; rank: number; at: number }[] = [];
  table.forEach(({ emoji, codes, folded, tones }, at) => {
    let best: { code: string; rank: number } | null = null;
    for (let i = 0; i < folded.length; i++) {
      const r = rank(folded[i] ?? '', wanted, query.closed);
      if (r >= 0 && (best === null || r < best.rank)) best = { code: codes[i] ?? '', rank: r };
    }
    const shown = (toneAt >= 0 ? tones?.[toneAt] : undefined) ?? emoji;
    if (best) found.push({ match: { emoji: shown, code: best.code }, rank: best.rank, at });
  });
  found.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return found.slice(0, limit).map((f) => f.match);
}

/** The emoji a closed `:code:` names exactly (in the skin tone chosen), if the table has it. */
export function exactEmoji(
  table: EmojiTable,
  query: EmojiQuery,
  tone: SkinToneSetting = 'none',
): string | null {
  if (!query.closed) return null;
  return matchEmoji(table, query, tone, 1)[0]?.emoji ?? null;
}
