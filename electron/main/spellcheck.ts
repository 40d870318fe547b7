import type { Session } from 'electron';
import { APP_ORIGIN } from './security.ts';

/**
 * Where Chromium would fetch Hunspell dictionaries from instead of Google's CDN: a path on
 * the app's own `app://` origin that serves no dictionary. A lookup there fails on this
 * computer, so no dictionary download can ever reach the network.
 */
export const NO_DICTIONARY_DOWNLOADS_URL = `${APP_ORIGIN}/no-dictionary-downloads/`;

export type SpellcheckConfig = {
  /** Chromium's spell-checker on (the `spellcheck` web preference and the session switch). */
  enabled: boolean;
  /** Who checks: the operating system's own spell-checker, or nobody. */
  checker: 'os' | 'none';
  /** `session.setSpellCheckerDictionaryDownloadURL`: never Google's CDN. */
  dictionaryDownloadUrl: string;
};

/**
 * How spelling is checked on each platform, with no hidden network call (docs/security.md,
 * "No hidden network calls"). macOS uses the system spell-checker and downloads nothing.
 * Windows uses the system spell-checker for the languages Windows has installed; for any
 * other language Chromium would fall back to downloading a Hunspell dictionary, which the
 * local download URL turns into no spell-checking for that language. Linux has no system
 * spell-checker Chromium can use, only downloaded dictionaries: spell-checking is off.
 */
export function spellcheckConfig(platform: NodeJS.Platform): SpellcheckConfig {
  const os = platform === 'darwin' || platform === 'win32';
  return {
    enabled: os,
    checker: os ? 'os' : 'none',
    dictionaryDownloadUrl: NO_DICTIONARY_DOWNLOADS_URL,
  };
}

/** The part of Electron's `Session` the spell-check configuration sets. */
export type SpellcheckSession = Pick<
  Session,
  'setSpellCheckerEnabled' | 'setSpellCheckerDictionaryDownloadURL'
>;

/**
 * Applies `spellcheckConfig` to a session. Call it as soon as the session exists
 * (`app.on('session-created')`): Chromium may start a dictionary download when the session's
 * spell-checker starts, even with spell-checking off (electron/electron#22995), so the
 * download URL is set first.
 */
export function installSpellcheck(session: SpellcheckSession, platform: NodeJS.Platform): void {
  const config = spellcheckConfig(platform);
  session.setSpellCheckerDictionaryDownloadURL(config.dictionaryDownloadUrl);
  session.setSpellCheckerEnabled(config.enabled);
}
