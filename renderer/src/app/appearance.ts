import { useEffect, useLayoutEffect, useState } from 'react';
import { languageFor, startI18n } from '../i18n/i18n.ts';
import { appSettings, useSettings } from '../settings/app-settings.ts';
import type { ThemeSetting } from '../settings/settings.ts';

/** Shows the theme chosen in Settings, or the OS's (no attribute: CSS follows the OS). */
export function applyTheme(theme: ThemeSetting, root: HTMLElement = document.documentElement) {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Starts i18next and the theme before the first render, from the saved settings. */
export function startAppearance(): void {
  const settings = appSettings().get();
  applyTheme(settings.theme);
  startI18n(languageFor(settings.language, navigator.languages));
}

/**
 * Keeps the theme and language in step with Settings and with the OS: the browser tells the
 * page when its languages change; the theme follows the OS through CSS alone.
 */
export function useAppearance(): void {
  const { theme, language } = useSettings();
  const [osLanguages, setOsLanguages] = useState(() => [...navigator.languages]);
  useEffect(() => {
    const onChange = () => {
      setOsLanguages([...navigator.languages]);
    };
    window.addEventListener('languagechange', onChange);
    return () => {
      window.removeEventListener('languagechange', onChange);
    };
  }, []);
  useLayoutEffect(() => {
    applyTheme(theme);
  }, [theme]);
  useLayoutEffect(() => {
    startI18n(languageFor(language, osLanguages));
  }, [language, osLanguages]);
}
