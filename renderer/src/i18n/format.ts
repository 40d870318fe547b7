import { currentLanguage } from './i18n.ts';
import type { Language } from './resources.ts';

// Intl formatters are slow to build and fast to use: one of each per language.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(language: Language, name: string, options: Intl.DateTimeFormatOptions) {
  const key = `${language}:${name}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    cache.set(key, format);
  }
  return format;
}

/** "9:40 AM" / "09:40" / "上午9:40": a message's time, in the language shown. */
export function formatTime(ms: number, language: Language = currentLanguage()): string {
  return dateFormat(language, 'time', { timeStyle: 'short' }).format(ms);
}

/** A full date and time, for a tooltip. */
export function formatDateTime(ms: number, language: Language = currentLanguage()): string {
  return dateFormat(language, 'datetime', { dateStyle: 'full', timeStyle: 'short' }).format(ms);
}

/** A date with the month spelled out: "22 Nov 2026", for invite expiry and the like. */
export function formatDate(ms: number, language: Language = currentLanguage()): string {
  return dateFormat(language, 'date', { dateStyle: 'medium' }).format(ms);
}

const DAY_MS = 86_400_000;

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * A day separator's words: "Today", "Yesterday" (from Intl, in the language), the weekday
 * within the last week, else the date, with the year only when it is not this year's.
 */
export function formatDay(ms: number, now: number, language: Language = currentLanguage()): string {
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / DAY_MS);
  if (days === 0 || days === 1) {
    const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    const text = relative.format(-days, 'day');
    return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
  }
  if (days > 1 && days < 7) return dateFormat(language, 'weekday', { weekday: 'long' }).format(ms);
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return sameYear
    ? dateFormat(language, 'day', { weekday: 'long', month: 'long', day: 'numeric' }).format(ms)
    : dateFormat(language, 'day-year', { dateStyle: 'long' }).format(ms);
}

/** Whether two times fall on the same calendar day here. */
export function sameDay(a: number, b: number): boolean {
  return startOfDay(a) === startOfDay(b);
}

/**
 * What goes between two sentences set side by side: a space, but none in Chinese, whose full
 * stop and question mark (。？) are full-width and carry their own room.
 */
export function sentenceGap(language: Language = currentLanguage()): string {
  return language === 'zh-CN' ? '' : ' ';
}

/** A count in the language's digits and grouping ("1,234" / "1.234"). */
export function formatNumber(value: number, language: Language = currentLanguage()): string {
  const key = `${language}:number`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(language);
    cache.set(key, format);
  }
  return format.format(value);
}
