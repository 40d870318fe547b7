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

/** Where the person is in the app's life cycle, as the UI renders it. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'onboarding' }
  | { status: 'ready'; identity: Identity }
  | { status: 'locked'; message: string; problem: IdentityProblem | null };

/** A small external store (for `useSyncExternalStore`) that owns the device identity. */
export type Session = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SessionState;
  /** Loads the saved identity, or moves to onboarding on a first run. */
  start: () => Promise<void>;
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
    async start() {
      try {
        const identity = await loadIdentity(deps);
        set(identity ? { status: 'ready', identity } : { status: 'onboarding' });
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
      set({ status: 'ready', identity });
    },
    async linkProfile(device, linked) {
      const identity = await createLinkedIdentity(device, linked, deps);
      set({ status: 'ready', identity });
    },
    linkedGroupsOpened: () => dropLinkedGroups(deps.store),
    personSeed: () => exportPersonSeed(deps),
  };
}
