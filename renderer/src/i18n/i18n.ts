import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageSetting } from '../settings/settings.ts';
import { LANGUAGE_TAGS, NAMESPACES, resources, type Language } from './resources.ts';

declare module 'i18next' {
  // Module augmentation needs an interface: a type cannot merge into i18next's.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { [K in keyof typeof NAMESPACES]: (typeof NAMESPACES)[K]['en'] };
  }
}

/**
 * The language to show: the one chosen in Settings, or else the first of the OS's (the
 * browser's) languages Fellows speaks, matched by its base ("nl-BE" → Dutch, any Chinese →
 * Simplified Chinese, the only Chinese we have), or else English.
 */
export function languageFor(setting: LanguageSetting, preferred: readonly string[]): Language {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh-CN';
    const match = LANGUAGE_TAGS.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}

let started = false;

/** Starts i18next with every string bundled (no fetching), in the given language. */
export function startI18n(language: Language): typeof i18next {
  if (!started) {
    started = true;
    void i18next.use(initReactI18next).init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGE_TAGS],
      ns: Object.keys(NAMESPACES),
      defaultNS: 'common',
      resources: resources(),
      // React escapes what it renders; i18next escaping it too would show "&amp;".
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return i18next;
}

/** The language being shown now. */
export function currentLanguage(): Language {
  const language = i18next.language;
  return LANGUAGE_TAGS.find((tag) => tag === language) ?? 'en';
}
