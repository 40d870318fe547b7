import { currentLanguage } from '../i18n/i18n.ts';
import { formatTime, sameDay } from '../i18n/format.ts';
import type { Language } from '../i18n/resources.ts';
import { plainExcerpt } from '../../../shared/search/plain-excerpt.ts';

/** Longest preview kept: the sidebar shows one line, so more is only work for the DOM. */
const PREVIEW_CHARS = 160;

/** A message as one line of plain text for the sidebar (`plainExcerpt`), cut to what it shows. */
export function plainPreview(text: string): string {
  const plain = plainExcerpt(text);
  return plain.length > PREVIEW_CHARS ? plain.slice(0, PREVIEW_CHARS) : plain;
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
