import type { Language } from '../i18n/resources.ts';

const formats = new Map<string, Intl.ListFormat>();

/** "Ada, Bo and Cy" in the language shown (Intl, built once per language). */
export function listNames(names: readonly string[], language: Language): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { type: 'conjunction' });
    formats.set(language, format);
  }
  return format.format(names);
}
