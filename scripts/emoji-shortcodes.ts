// Builds the composer's `:shortcode:` table for each app language from emojibase-data, at build
// time (renderer.vite.ts emits it as `emojibase/<locale>/shortcodes.json`, next to the picker's
// data): the app never asks a CDN, and the page loads only its own language's table, and only
// once someone types a `:`.
import { createRequire } from 'node:module';
import type { ShortcodeEntry, ShortcodeFile } from '../renderer/src/composer/emoji-codes.ts';

type Compact = {
  group?: number;
  hexcode: string;
  order?: number;
  unicode: string;
  skins?: Compact[];
};
type Codes = Record<string, string | string[]>;

/** emojibase's "component" group: skin tones and hair styles, never emoji of their own. */
const COMPONENT = 2;

/**
 * The codes each language answers to. Everyone gets GitHub's (Slack's and GitHub's own names:
 * `:+1:`, `:tada:`, `:joy:`); Dutch and Chinese also get CLDR's names in their language (for
 * Chinese, in pinyin and in characters, so `:xiao_ku` and `:笑哭` both find 😂).
 */
export const SHORTCODE_SETS: Record<string, readonly string[]> = {
  en: ['en/shortcodes/github.json'],
  nl: ['en/shortcodes/github.json', 'nl/shortcodes/cldr.json', 'nl/shortcodes/cldr-native.json'],
  zh: ['en/shortcodes/github.json', 'zh/shortcodes/cldr.json', 'zh/shortcodes/cldr-native.json'],
};

const load = (file: string): unknown =>
  createRequire(import.meta.url)(`emojibase-data/${file}`) as unknown;

/** Each emoji's Emoji version, by hexcode (emojibase-data's versions/emoji.json, inverted). */
function versions(): Map<string, number> {
  const byVersion = load('versions/emoji.json') as Record<string, string[]>;
  const map = new Map<string, number>();
  for (const [version, hexcodes] of Object.entries(byVersion))
    for (const hexcode of hexcodes) map.set(hexcode, Number(version));
  return map;
}

/** Skin-tone modifiers, light to dark (U+1F3FB…U+1F3FF), as hexcode parts. */
const MODIFIERS = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];

/**
 * An emoji's five toned forms, light to dark, when it has them: for a sequence of several
 * people (🧑‍🤝‍🧑), the one where everyone has that tone. Null when it has none.
 */
function tonedForms(emoji: Compact): string[] | null {
  const forms = MODIFIERS.map((modifier) =>
    emoji.skins?.find((skin) => {
      const used = skin.hexcode.split('-').filter((part) => MODIFIERS.includes(part));
      return used.length > 0 && used.every((part) => part === modifier);
    }),
  );
  return forms.every((form) => form !== undefined) ? forms.map((form) => form.unicode) : null;
}

/**
 * What renderer.vite.ts serves as `emojibase/<locale>/shortcodes.json`: the table, and the
 * toned forms of the emoji that have them (keyed by the emoji), for the skin tone setting.
 */
export function buildShortcodeFile(locale: string): ShortcodeFile {
  const entries = buildShortcodes(locale);
  const listed = new Set(entries.map(([emoji]) => emoji));
  const tones: Record<string, string[]> = {};
  for (const emoji of compactEmoji()) {
    const forms = listed.has(emoji.unicode) ? tonedForms(emoji) : null;
    if (forms) tones[emoji.unicode] = forms;
  }
  return { entries, tones };
}

/** emojibase's emoji, without skin-tone swatches and lone letters, in its order (faces first). */
function compactEmoji(): Compact[] {
  return (load('en/compact.json') as Compact[])
    .filter((e) => e.group !== undefined && e.group !== COMPONENT)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

/** The table for `locale`: every emoji with a code, in emojibase's order (faces first). */
export function buildShortcodes(locale: string): ShortcodeEntry[] {
  const sets = SHORTCODE_SETS[locale];
  if (!sets) throw new Error(`no shortcodes for the locale ${locale}`);
  const codeSets = sets.map((file) => load(file) as Codes);
  const versionOf = versions();
  const entries: ShortcodeEntry[] = [];
  for (const e of compactEmoji()) {
    const codes = new Set<string>();
    for (const set of codeSets) for (const code of [set[e.hexcode] ?? []].flat()) codes.add(code);
    if (codes.size === 0) continue;
    entries.push([e.unicode, versionOf.get(e.hexcode) ?? 0, ...codes]);
  }
  return entries;
}
