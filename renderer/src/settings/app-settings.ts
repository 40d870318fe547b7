import { useSyncExternalStore } from 'react';
import { DEFAULT_SETTINGS } from './defaults.ts';
import {
  createSettingsStore,
  SETTINGS_KEY,
  type AppSettings,
  type SettingsStorage,
  type SettingsStore,
} from './settings.ts';

let store: SettingsStore | null = null;

/** This window's settings, read from localStorage the first time they are needed. */
export function appSettings(): SettingsStore {
  if (!store) {
    const created = createSettingsStore(pageStorage(), DEFAULT_SETTINGS);
    // Another window of the same app (a second browser tab) changed them.
    window.addEventListener('storage', (event) => {
      if (event.key === SETTINGS_KEY) created.reload();
    });
    store = created;
  }
  return store;
}

/** The current settings; re-renders when they change. */
export function useSettings(): AppSettings {
  const settings = appSettings();
  return useSyncExternalStore(settings.subscribe, settings.get);
}

function pageStorage(): SettingsStorage {
  try {
    return window.localStorage;
  } catch (error) {
    // A browser may refuse storage to the page: settings then last until it closes.
    console.warn('fellows: no localStorage, settings will not be kept', error);
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => {
        memory.set(key, value);
      },
    };
  }
}
