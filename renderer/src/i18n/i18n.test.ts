import { describe, expect, it } from 'vitest';
import { languageFor } from './i18n.ts';
import { LANGUAGE_TAGS, NAMESPACES } from './resources.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const [ns, strings] of Object.entries(NAMESPACES)) {
    const en: Record<string, string> = strings.en;
    for (const language of LANGUAGE_TAGS) {
      it(`${ns}: ${language} has every English string, and no other, with the same placeholders`, () => {
        const other: Record<string, string> = strings[language];
        const want = new Set(Object.keys(en).map(base));
        const have = new Set(Object.keys(other).map(base));
        expect([...have].sort()).toEqual([...want].sort());
        for (const [key, text] of Object.entries(other)) {
          expect(text.trim(), `${language} ${ns}.${key}`).not.toBe('');
          const source = en[key] ?? en[`${base(key)}_other`] ?? en[base(key)];
          expect(placeholders(text), `${language} ${ns}.${key}`).toEqual(
            placeholders(source ?? ''),
          );
        }
        // A plural in English is a plural everywhere (Chinese needs only "other").
        for (const key of Object.keys(en).filter((k) => k.endsWith('_other')))
          expect(other[key], `${language} ${ns}.${key}`).toBeDefined();
      });
    }
  }
});

describe('languageFor', () => {
  it('takes the setting when one is chosen', () => {
    expect(languageFor('nl', ['en-US'])).toBe('nl');
  });
  it('follows the first OS language Fellows speaks, by its base', () => {
    expect(languageFor('system', ['fr-FR', 'nl-BE', 'en'])).toBe('nl');
    expect(languageFor('system', ['zh-TW'])).toBe('zh-CN');
    expect(languageFor('system', ['zh-Hans-CN'])).toBe('zh-CN');
    expect(languageFor('system', ['EN-gb'])).toBe('en');
  });
  it('falls back to English', () => {
    expect(languageFor('system', ['fr', 'de'])).toBe('en');
    expect(languageFor('system', [])).toBe('en');
  });
});
