import {
  createIdentity,
  createLinkedIdentity,
  dropLinkedGroups,
  exportPersonSeed,
  loadIdentity,
  IdentityError,
  type FreshDevice,
  type Identity,
  type IdentityProblem,
} from '../identity/identity.ts';
import type { ProfileStore } from '../identity/profile-store.ts';
import type { Vault } from '../platform/types.ts';
import type { EarlyWindow, EarlyWindowReader } from '../sync/early-window.ts';

/** Where the person is in the app's life cycle, as the UI renders it. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'onboarding' }
  | {
      status: 'ready';
      identity: Identity;
      /** The last open group's recent window, unsealed with the profile: drawn at once. */
      early: EarlyWindow | null;
    }
  | { status: 'locked'; message: string; problem: IdentityProblem | null };

/** A small external store (for `useSyncExternalStore`) that owns the device identity. */
export type Session = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SessionState;
  /**
   * Loads the saved identity, or moves to onboarding on a first run; with it, `readEarly`
   * unseals what the first screen shows (the main screen is drawn once, whole).
   */
  start: (readEarly?: EarlyWindowReader) => Promise<void>;
  /** Creates the identity from the name typed in onboarding; throws DisplayNameError. */
  createProfile: (displayName: string) => Promise<void>;
  /** Saves the identity of this device once another device of the person linked it. */
  linkProfile: (
    device: FreshDevice,
    linked: Parameters<typeof createLinkedIdentity>[1],
  ) => Promise<void>;
  /** Forgets the handed-over groups once the sync engine has opened them. */
  linkedGroupsOpened: () => Promise<void>;
  /** The person key's seed, for the moment the person approves linking a new device. */
  personSeed: () => Promise<Uint8Array>;
};

export function createSession(deps: { vault: Vault; store: ProfileStore }): Session {
  let state: SessionState = { status: 'loading' };
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    async start(readEarly = () => Promise.resolve(null)) {
      try {
        const identity = await loadIdentity(deps);
        // Never fails: at worst nothing is drawn early.
        const early = identity ? await readEarly(identity.storageKey) : null;
        set(identity ? { status: 'ready', identity, early } : { status: 'onboarding' });
      } catch (error) {
        console.error('Could not unlock the saved profile', error);
        set({
          status: 'locked',
          message: error instanceof Error ? error.message : String(error),
          problem: error instanceof IdentityError ? error.problem : null,
        });
      }
    },
    async createProfile(displayName) {
      const identity = await createIdentity(displayName, deps);
      set({ status: 'ready', identity, early: null });
    },
    async linkProfile(device, linked) {
      const identity = await createLinkedIdentity(device, linked, deps);
      set({ status: 'ready', identity, early: null });
    },
    linkedGroupsOpened: () => dropLinkedGroups(deps.store),
    personSeed: () => exportPersonSeed(deps),
  };
}
