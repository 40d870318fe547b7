import { z } from '../../../shared/zod.ts';
import { isValidServerList, type ServerKind } from './urls.ts';

/**
 * This device's settings: the servers Fellows may contact. Not secret (every member of a group
 * sees its servers in the invite), so they live in the page's storage, checked when read.
 */
export type AppSettings = {
  /** Signaling servers new groups are created with; a group keeps its own afterwards. */
  signaling: string[];
  /** STUN servers for every peer connection; none unless the person adds some. */
  stun: string[];
  /** Light or dark, or whatever the OS uses. */
  theme: ThemeSetting;
  /** The app's language, or the OS's first one Fellows speaks. */
  language: LanguageSetting;
  /** What a desktop notification for a new message shows. */
  notificationPreview: NotificationPreview;
  /** The skin tone the emoji picker gives people's emoji (frimousse's names). */
  skinTone: SkinToneSetting;
};

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEMES)[number];
export const LANGUAGES = ['system', 'en', 'nl', 'zh-CN'] as const;
export type LanguageSetting = (typeof LANGUAGES)[number];
export const NOTIFICATION_PREVIEWS = ['sender-and-text', 'sender', 'nothing'] as const;
export type NotificationPreview = (typeof NOTIFICATION_PREVIEWS)[number];
export const SKIN_TONES = [
  'none',
  'light',
  'medium-light',
  'medium',
  'medium-dark',
  'dark',
] as const;
export type SkinToneSetting = (typeof SKIN_TONES)[number];

/** The appearance and language settings, as the Settings screen changes them one at a time. */
export type Preferences = Pick<
  AppSettings,
  'theme' | 'language' | 'notificationPreview' | 'skinTone'
>;

/** Where settings are kept: `localStorage` in the app, a Map in tests. */
export type SettingsStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

export const SETTINGS_KEY = 'fellows:settings';

const Stored = z.object({
  version: z.literal(1),
  signaling: z
    .array(z.string())
    .check(z.refine((list) => isValidServerList('signaling', list), 'bad signaling list')),
  stun: z
    .array(z.string())
    .check(z.refine((list) => isValidServerList('stun', list), 'bad STUN list')),
  // Added later: settings saved before them (or with a value this version does not know)
  // fall back to the default for that field alone, keeping the server lists.
  theme: z.catch(z.optional(z.enum(THEMES)), undefined),
  language: z.catch(z.optional(z.enum(LANGUAGES)), undefined),
  notificationPreview: z.catch(z.optional(z.enum(NOTIFICATION_PREVIEWS)), undefined),
  skinTone: z.catch(z.optional(z.enum(SKIN_TONES)), undefined),
});

/** The stored settings, or `defaults` when there are none or they do not check out. */
export function loadSettings(storage: SettingsStorage, defaults: AppSettings): AppSettings {
  let text: string | null;
  try {
    text = storage.getItem(SETTINGS_KEY);
  } catch (error) {
    console.warn('fellows: settings could not be read, using the defaults', error);
    return copy(defaults);
  }
  if (text === null) return copy(defaults);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn('fellows: stored settings are not JSON, using the defaults');
    return copy(defaults);
  }
  const parsed = Stored.safeParse(json);
  if (!parsed.success) {
    console.warn(
      `fellows: stored settings are invalid, using the defaults: ${parsed.error.message}`,
    );
    return copy(defaults);
  }
  const { signaling, stun, theme, language, notificationPreview, skinTone } = parsed.data;
  return {
    signaling,
    stun,
    theme: theme ?? defaults.theme,
    language: language ?? defaults.language,
    notificationPreview: notificationPreview ?? defaults.notificationPreview,
    skinTone: skinTone ?? defaults.skinTone,
  };
}

export function saveSettings(storage: SettingsStorage, settings: AppSettings): void {
  storage.setItem(SETTINGS_KEY, JSON.stringify({ version: 1, ...settings }));
}

/** Settings as an external store (for useSyncExternalStore); only valid lists get in. */
export type SettingsStore = {
  subscribe: (listener: () => void) => () => void;
  get: () => AppSettings;
  /** Replaces one list; throws if it does not check out (the screen checks first). */
  setServers: (kind: ServerKind, list: readonly string[]) => void;
  /** Changes one preference; throws on a value it does not know. */
  setPreference: <K extends keyof Preferences>(key: K, value: Preferences[K]) => void;
  /** Reads the storage again (another window changed it). */
  reload: () => void;
};

export function createSettingsStore(
  storage: SettingsStorage,
  defaults: AppSettings,
): SettingsStore {
  let current = loadSettings(storage, defaults);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => current,
    setServers(kind, list) {
      if (!isValidServerList(kind, list)) throw new Error(`not a valid ${kind} server list`);
      const next = { ...current, [kind]: [...list] };
      saveSettings(storage, next);
      current = next;
      notify();
    },
    setPreference(key, value) {
      const allowed: readonly string[] = {
        theme: THEMES,
        language: LANGUAGES,
        notificationPreview: NOTIFICATION_PREVIEWS,
        skinTone: SKIN_TONES,
      }[key];
      if (!allowed.includes(value)) throw new Error(`not a valid ${key}`);
      const next = { ...current, [key]: value };
      saveSettings(storage, next);
      current = next;
      notify();
    },
    reload() {
      current = loadSettings(storage, defaults);
      notify();
    },
  };
}

function copy(settings: AppSettings): AppSettings {
  return { ...settings, signaling: [...settings.signaling], stun: [...settings.stun] };
}
