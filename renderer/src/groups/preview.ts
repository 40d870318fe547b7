import { currentLanguage } from '../i18n/i18n.ts';
import { formatTime, sameDay } from '../i18n/format.ts';
import type { Language } from '../i18n/resources.ts';

/** Longest preview kept: the sidebar shows one line, so more is only work for the DOM. */
const PREVIEW_CHARS = 160;
const ESCAPABLE = '\\`*_{}[]()#+-.!~>|';
// Escaped characters wait in the Private Use Area while markers are removed.
const HOLD = 0xe000;

/**
 * A message as one line of plain text for the sidebar: the markdown markers of the subset the
 * conversation renders (bold, italic, strike, code, links, headings, quotes, lists) removed,
 * their words kept, line breaks folded to spaces.
 */
export function plainPreview(text: string): string {
  const held = text.replace(/\\(.)/gu, (whole, char: string) => {
    const index = ESCAPABLE.indexOf(char);
    return index < 0 ? whole : String.fromCharCode(HOLD + index);
  });
  const plain = held
    .replace(/```[^\n]*\n?([\s\S]*?)(?:```|$)/gu, ' $1 ')
    .replace(/`([^`\n]+)`/gu, '$1')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/gu, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gmu, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, '$1')
    .replace(/\*(?=\S)([^*]*?\S)\*/gu, '$1')
    // Underscores inside words (snake_case) are not emphasis.
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/\s+/gu, ' ')
    .trim();
  const restored = plain.replace(/[\ue000-\ue0ff]/gu, (char) =>
    ESCAPABLE.charAt(char.charCodeAt(0) - HOLD),
  );
  return restored.length > PREVIEW_CHARS ? restored.slice(0, PREVIEW_CHARS) : restored;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, name: string, options: Intl.DateTimeFormatOptions) {
  const key = `${language}:${name}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, options);
    formats.set(key, found);
  }
  return found;
}

const WEEK_MS = 6 * 86_400_000;

/**
 * When a group's last message was written, as short as the sidebar needs: the time today,
 * the weekday within the last week, else the day and month (and the year when not this one).
 */
export function shortWhen(ms: number, now: number, language: Language = currentLanguage()) {
  if (sameDay(ms, now)) return formatTime(ms, language);
  if (ms < now && now - ms < WEEK_MS)
    return format(language, 'weekday', { weekday: 'short' }).format(ms);
  if (new Date(ms).getFullYear() === new Date(now).getFullYear())
    return format(language, 'day', { month: 'short', day: 'numeric' }).format(ms);
  return format(language, 'date', { dateStyle: 'short' }).format(ms);
}
