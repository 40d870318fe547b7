import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageFor } from '../i18n/i18n.ts';
import { LANGUAGE_NAMES, LANGUAGE_TAGS } from '../i18n/resources.ts';
import { appSettings, useSettings } from './app-settings.ts';
import { RadioChoice, type RadioOption } from './RadioChoice.tsx';
import { THEMES, type LanguageSetting, type ThemeSetting } from './settings.ts';

const THEME_LABELS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;

/** Light, dark, or the system's: applied the moment it is picked (app/appearance.ts). */
export function AppearanceSection() {
  const { t } = useTranslation('settings');
  const { theme } = useSettings();
  const options: RadioOption<ThemeSetting>[] = THEMES.map((value) => ({
    value,
    label: t(THEME_LABELS[value]),
    hint: value === 'system' ? t('themeSystemHint') : undefined,
    picture: <ThemeSwatch theme={value} />,
  }));
  return (
    <section className="settings-section settings-pref" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">{t('appearanceHeading')}</h2>
      <RadioChoice
        legend={t('themeLegend')}
        layout="tiles"
        value={theme}
        options={options}
        onChange={(value) => {
          appSettings().setPreference('theme', value);
        }}
      />
    </section>
  );
}

/** A small drawing of the app in that theme; the system's is half of each. */
function ThemeSwatch(props: { theme: ThemeSetting }) {
  return (
    <span className={`theme-swatch theme-swatch-${props.theme}`} aria-hidden="true">
      <span className="theme-swatch-side" />
      <span className="theme-swatch-main">
        <span className="theme-swatch-line" />
        <span className="theme-swatch-line short" />
        <span className="theme-swatch-bubble" />
      </span>
    </span>
  );
}

/** The app's language, each named in itself; applied at once, no reload. */
export function LanguageSection() {
  const { t } = useTranslation('settings');
  const { language } = useSettings();
  const systemLanguage = LANGUAGE_NAMES[languageFor('system', useOsLanguages())];
  const options: RadioOption<LanguageSetting>[] = [
    {
      value: 'system',
      label: t('languageSystem'),
      hint: t('languageSystemHint', { language: systemLanguage }),
    },
    ...LANGUAGE_TAGS.map((tag) => ({ value: tag, label: LANGUAGE_NAMES[tag], lang: tag })),
  ];
  return (
    <section className="settings-section settings-pref" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('languageHeading')}</h2>
      <p className="hint">{t('languageHint')}</p>
      <RadioChoice
        legend={t('languageHeading')}
        legendHidden
        value={language}
        options={options}
        onChange={(value) => {
          appSettings().setPreference('language', value);
        }}
      />
    </section>
  );
}

/** The browser's languages, as they are now. */
function useOsLanguages(): readonly string[] {
  const [languages, setLanguages] = useState(() => [...navigator.languages]);
  useEffect(() => {
    const onChange = () => {
      setLanguages([...navigator.languages]);
    };
    window.addEventListener('languagechange', onChange);
    return () => {
      window.removeEventListener('languagechange', onChange);
    };
  }, []);
  return languages;
}
