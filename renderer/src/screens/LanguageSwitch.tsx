import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';
import { LANGUAGE_NAMES, LANGUAGE_TAGS, type Language } from '../i18n/resources.ts';
import { appSettings } from '../settings/app-settings.ts';

/**
 * The first screen's language menu, each language named in itself; the choice is saved like
 * the one in Settings, and the screen changes at once.
 */
export function LanguageSwitch() {
  const { t } = useTranslation('common');
  const id = useId();
  return (
    <div className="language-switch">
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path
          d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-9 9h18M12 3c2.5 2.6 3.7 5.6 3.7 9s-1.2 6.4-3.7 9c-2.5-2.6-3.7-5.6-3.7-9S9.5 5.6 12 3Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
      </svg>
      <label htmlFor={id} className="sr-only">
        {t('language')}
      </label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(e) => {
          const choice = LANGUAGE_TAGS.find((tag) => tag === e.target.value);
          if (choice) appSettings().setPreference('language', choice satisfies Language);
        }}
      >
        {LANGUAGE_TAGS.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {LANGUAGE_NAMES[tag]}
          </option>
        ))}
      </select>
    </div>
  );
}
