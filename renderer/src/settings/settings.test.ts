import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSignaling } from './defaults.ts';
import {
  createSettingsStore,
  loadSettings,
  SETTINGS_KEY,
  type AppSettings,
  type SettingsStorage,
} from './settings.ts';

const DEFAULTS: AppSettings = {
  signaling: ['ws://127.0.0.1:4444'],
  stun: [],
  theme: 'system',
  language: 'system',
  notificationPreview: 'sender-and-text',
  skinTone: 'none',
};

function memoryStorage(initial?: string): SettingsStorage & { value: () => string | null } {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(SETTINGS_KEY, initial);
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
    value: () => map.get(SETTINGS_KEY) ?? null,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('settings', () => {
  it('are the defaults until the person changes them, and are kept', () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage, DEFAULTS);
    expect(store.get()).toEqual(DEFAULTS);
    const seen: AppSettings[] = [];
    store.subscribe(() => seen.push(store.get()));
    store.setServers('signaling', ['wss://signal.example.org']);
    store.setServers('stun', ['stun:stun.example.org:3478']);
    const expected = {
      ...DEFAULTS,
      signaling: ['wss://signal.example.org'],
      stun: ['stun:stun.example.org:3478'],
    };
    expect(store.get()).toEqual(expected);
    expect(seen).toHaveLength(2);
    expect(createSettingsStore(storage, DEFAULTS).get()).toEqual(expected);
  });

  it('keep the theme, language and notification preview, and refuse values they do not know', () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage, DEFAULTS);
    store.setPreference('theme', 'dark');
    store.setPreference('language', 'zh-CN');
    store.setPreference('notificationPreview', 'sender');
    store.setPreference('skinTone', 'medium-dark');
    expect(() => {
      store.setPreference('theme', 'sepia' as 'dark');
    }).toThrow('not a valid theme');
    expect(() => {
      store.setPreference('skinTone', 'green' as 'dark');
    }).toThrow('not a valid skinTone');
    const again = createSettingsStore(storage, DEFAULTS).get();
    expect(again).toMatchObject({
      theme: 'dark',
      language: 'zh-CN',
      notificationPreview: 'sender',
      skinTone: 'medium-dark',
    });
  });

  it('read settings saved before the preferences existed, or with one it does not know', () => {
    const old = JSON.stringify({ version: 1, signaling: ['wss://a.example'], stun: [] });
    expect(createSettingsStore(memoryStorage(old), DEFAULTS).get()).toEqual({
      ...DEFAULTS,
      signaling: ['wss://a.example'],
    });
    const odd = JSON.stringify({
      version: 1,
      signaling: [],
      stun: [],
      theme: 'neon',
      language: 'nl',
      skinTone: 'purple',
    });
    expect(createSettingsStore(memoryStorage(odd), DEFAULTS).get()).toMatchObject({
      signaling: [],
      theme: 'system',
      language: 'nl',
      skinTone: 'none',
    });
  });

  it('refuse an invalid list and change nothing', () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage, DEFAULTS);
    expect(() => {
      store.setServers('signaling', ['https://signal.example.org']);
    }).toThrow();
    expect(() => {
      store.setServers('stun', ['stun:a.example', 'stun:a.example']);
    }).toThrow();
    expect(store.get()).toEqual(DEFAULTS);
    expect(storage.value()).toBeNull();
  });

  it('fall back to the defaults when what is stored does not check out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const stored of [
      'not json',
      'null',
      '[]',
      JSON.stringify({ signaling: ['wss://a.example'], stun: [] }),
      JSON.stringify({ version: 2, signaling: ['wss://a.example'], stun: [] }),
      JSON.stringify({ version: 1, signaling: ['javascript:alert(1)'], stun: [] }),
      JSON.stringify({ version: 1, signaling: ['wss://a:b@a.example'], stun: [] }),
      JSON.stringify({ version: 1, signaling: 'wss://a.example', stun: [] }),
      JSON.stringify({ version: 1, signaling: [], stun: ['http://stun.example.org'] }),
      JSON.stringify({ version: 1, signaling: [], stun: [42] }),
      JSON.stringify({ version: 1, signaling: Array(5).fill('wss://a.example'), stun: [] }),
    ]) {
      expect(loadSettings(memoryStorage(stored), DEFAULTS), stored).toEqual(DEFAULTS);
    }
    expect(warn).toHaveBeenCalled();
  });

  it('fall back to the defaults when storage cannot be read', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: SettingsStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    expect(loadSettings(broken, DEFAULTS)).toEqual(DEFAULTS);
  });

  it('hand out copies of the defaults, never the defaults themselves', () => {
    const store = createSettingsStore(memoryStorage(), DEFAULTS);
    store.get().signaling.push('wss://sneaky.example');
    expect(DEFAULTS.signaling).toEqual(['ws://127.0.0.1:4444']);
  });
});

describe('built-in signaling servers', () => {
  it('are written as Settings writes them; bad ones and duplicates are left out', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(defaultSignaling('')).toEqual([]);
    expect(defaultSignaling(' ws://127.0.0.1:4444/ , wss://A.example, ')).toEqual([
      'ws://127.0.0.1:4444',
      'wss://a.example',
    ]);
    expect(defaultSignaling('https://x.example,wss://a.example,wss://a.example/')).toEqual([
      'wss://a.example',
    ]);
  });
});
