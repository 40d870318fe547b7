import { createIdentity, loadIdentity, type Identity } from '../identity/identity.ts';
import type { ProfileStore } from '../identity/profile-store.ts';
import type { Vault } from '../platform/types.ts';

/** Where the person is in the app's life cycle, as the UI renders it. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'onboarding' }
  | { status: 'ready'; identity: Identity }
  | { status: 'locked'; message: string };

/** A small external store (for `useSyncExternalStore`) that owns the device identity. */
export type Session = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SessionState;
  /** Loads the saved identity, or moves to onboarding on a first run. */
  start: () => Promise<void>;
  /** Creates the identity from the name typed in onboarding; throws DisplayNameError. */
  createProfile: (displayName: string) => Promise<void>;
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
    async start() {
      try {
        const identity = await loadIdentity(deps);
        set(identity ? { status: 'ready', identity } : { status: 'onboarding' });
      } catch (error) {
        console.error('Could not unlock the saved profile', error);
        set({ status: 'locked', message: error instanceof Error ? error.message : String(error) });
      }
    },
    async createProfile(displayName) {
      const identity = await createIdentity(displayName, deps);
      set({ status: 'ready', identity });
    },
  };
}
