import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from '../../../shared/zod.ts';
import { emojiLocale, supportedEmojiVersion } from '../conversation/emoji-support.ts';
import { emojiTable, type EmojiTable } from './emoji-codes.ts';

/** The table's shape (renderer.vite.ts builds it; checked all the same, as any fetched data). */
const File = z.object({
  entries: z.array(z.tuple([z.string(), z.number()], z.string())),
  tones: z.record(z.string(), z.array(z.string())),
});

const tables = new Map<string, Promise<EmojiTable>>();

/** The `:shortcode` table of one language, fetched once from the app's own origin. */
function load(locale: string): Promise<EmojiTable> {
  let table = tables.get(locale);
  if (!table) {
    table = fetch(new URL(`emojibase/${locale}/shortcodes.json`, document.baseURI))
      .then((response) => {
        if (!response.ok) throw new Error(`the app answered ${String(response.status)}`);
        return response.json();
      })
      .then((json: unknown) => emojiTable(File.parse(json), supportedEmojiVersion()));
    // A failed load is tried again the next time a `:` is typed.
    table.catch(() => tables.delete(locale));
    tables.set(locale, table);
  }
  return table;
}

/**
 * The `:shortcode` table of the language shown, loaded once `wanted` (the person typed a `:`);
 * null until it is there, or when it could not be loaded (the composer then offers none).
 */
export function useEmojiTable(wanted: boolean): EmojiTable | null {
  // Re-renders when the language changes, which changes the table.
  useTranslation('composer');
  const locale = emojiLocale();
  const [loaded, setLoaded] = useState<{ locale: string; table: EmojiTable } | null>(null);
  const have = loaded?.locale === locale;
  useEffect(() => {
    if (!wanted || have) return;
    let live = true;
    load(locale).then(
      (table) => {
        if (live) setLoaded({ locale, table });
      },
      (error: unknown) => {
        console.warn('fellows: the emoji codes could not be loaded', error);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, have, locale]);
  return have ? loaded.table : null;
}
