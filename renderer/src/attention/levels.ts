import { useSyncExternalStore } from 'react';
import { z } from '../../../shared/zod.ts';

/** How much a group may interrupt: every message, only mentions of me, or nothing. */
export const NOTIFY_LEVELS = ['all', 'mentions', 'off'] as const;
export type NotifyLevel = (typeof NOTIFY_LEVELS)[number];

export const LEVELS_KEY = 'fellows:notify-levels';

/**
 * Per-group notification levels: a local preference, not shared with the group. Kept in the
 * page's storage by group id (an opaque hash; no name or message), checked when read.
 */
export type LevelStore = {
  subscribe: (listener: () => void) => () => void;
  /** The level of one group; 'all' until the person changes it. */
  get: (groupId: string) => NotifyLevel;
  set: (groupId: string, level: NotifyLevel) => void;
  /** Drops a group the device no longer holds. */
  forget: (groupId: string) => void;
};

type Storage = { getItem(key: string): string | null; setItem(key: string, value: string): void };

const Stored = z.record(z.string().check(z.regex(/^[0-9a-f]{64}$/u)), z.enum(NOTIFY_LEVELS));

export function createLevelStore(storage: Storage): LevelStore {
  let levels = read(storage);
  const listeners = new Set<() => void>();
  const save = (next: Record<string, NotifyLevel>) => {
    levels = next;
    try {
      storage.setItem(LEVELS_KEY, JSON.stringify(levels));
    } catch (error) {
      console.warn('fellows: notification levels could not be saved', error);
    }
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: (groupId) => levels[groupId] ?? 'all',
    set(groupId, level) {
      if (!NOTIFY_LEVELS.includes(level)) throw new Error('not a notification level');
      if (!/^[0-9a-f]{64}$/u.test(groupId)) throw new Error('not a group id');
      const next = without(levels, groupId);
      if (level !== 'all') next[groupId] = level;
      save(next);
    },
    forget(groupId) {
      if (groupId in levels) save(without(levels, groupId));
    },
  };
}

function without(levels: Record<string, NotifyLevel>, groupId: string) {
  return Object.fromEntries(Object.entries(levels).filter(([id]) => id !== groupId));
}

function read(storage: Storage): Record<string, NotifyLevel> {
  try {
    const text = storage.getItem(LEVELS_KEY);
    if (text === null) return {};
    const parsed = Stored.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    console.warn('fellows: stored notification levels are invalid; every group notifies');
  } catch (error) {
    console.warn('fellows: notification levels could not be read', error);
  }
  return {};
}

let store: LevelStore | null = null;

/** This window's level store, over localStorage (a Map when the page has none). */
export function levelStore(): LevelStore {
  if (!store) {
    let storage: Storage;
    try {
      storage = window.localStorage;
    } catch {
      const memory = new Map<string, string>();
      storage = {
        getItem: (key) => memory.get(key) ?? null,
        setItem: (key, value) => {
          memory.set(key, value);
        },
      };
    }
    store = createLevelStore(storage);
  }
  return store;
}

/** One group's notification level; re-renders when it changes. */
export function useNotifyLevel(groupId: string): NotifyLevel {
  const levels = levelStore();
  return useSyncExternalStore(levels.subscribe, () => levels.get(groupId));
}
