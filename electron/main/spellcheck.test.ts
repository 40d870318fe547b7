import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './security.ts';
import {
  installSpellcheck,
  NO_DICTIONARY_DOWNLOADS_URL,
  spellcheckConfig,
  type SpellcheckSession,
} from './spellcheck.ts';

// The real session must fit what the installer sets (checked by the compiler).
export const realSessionFits = (session: Session): SpellcheckSession => session;

/** A session that records every spell-checker call, in order. */
function fakeSession() {
  const calls: [string, unknown][] = [];
  const session: SpellcheckSession = {
    setSpellCheckerEnabled: (enable) => calls.push(['enabled', enable]),
    setSpellCheckerDictionaryDownloadURL: (url) => calls.push(['downloadUrl', url]),
  };
  return { session, calls };
}

describe('spellcheckConfig', () => {
  it('uses the operating system’s spell-checker on macOS and Windows', () => {
    expect(spellcheckConfig('darwin')).toMatchObject({ enabled: true, checker: 'os' });
    expect(spellcheckConfig('win32')).toMatchObject({ enabled: true, checker: 'os' });
  });

  it.each(['linux', 'freebsd', 'openbsd'] as const)(
    'turns Chromium’s spell-checker off on %s, where it would download dictionaries',
    (platform) => {
      expect(spellcheckConfig(platform)).toMatchObject({ enabled: false, checker: 'none' });
    },
  );

  it.each(['darwin', 'win32', 'linux'] as const)(
    'never lets %s fetch a dictionary from the network',
    (platform) => {
      const url = new URL(spellcheckConfig(platform).dictionaryDownloadUrl);
      expect(url.protocol).toBe('app:');
      expect(url.host).toBe('fellows');
      // Chromium appends the file name: the base must end with a slash.
      expect(url.href.endsWith('/')).toBe(true);
    },
  );

  it.each(['darwin', 'win32', 'linux'] as const)(
    'agrees with the window’s spellcheck preference on %s',
    (platform) => {
      expect(secureWebPreferences('/p.cjs', platform).spellcheck).toBe(
        spellcheckConfig(platform).enabled,
      );
    },
  );
});

describe('installSpellcheck', () => {
  it('points downloads at the app before anything else, then turns Linux’s checker off', () => {
    const { session, calls } = fakeSession();
    installSpellcheck(session, 'linux');
    expect(calls).toEqual([
      ['downloadUrl', NO_DICTIONARY_DOWNLOADS_URL],
      ['enabled', false],
    ]);
  });

  it.each(['darwin', 'win32'] as const)('keeps the OS spell-checker on for %s', (platform) => {
    const { session, calls } = fakeSession();
    installSpellcheck(session, platform);
    expect(calls).toEqual([
      ['downloadUrl', NO_DICTIONARY_DOWNLOADS_URL],
      ['enabled', true],
    ]);
  });
});
