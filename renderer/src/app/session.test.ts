import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { indexedDbProfileStore } from '../identity/profile-store.ts';
import { browserVault } from '../platform/browser-vault.ts';
import type { EarlyWindow } from '../sync/early-window.ts';
import { createSession } from './session.ts';

describe('session', () => {
  it('goes from loading to onboarding to ready, and is ready straight away after a restart', async () => {
    const deps = {
      vault: browserVault('session-vault'),
      store: indexedDbProfileStore('session-p'),
    };
    const session = createSession(deps);
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getSnapshot().status));
    expect(session.getSnapshot().status).toBe('loading');
    await session.start();
    await session.createProfile('Ada');
    expect(seen).toEqual(['onboarding', 'ready']);

    const restarted = createSession(deps);
    await restarted.start();
    const state = restarted.getSnapshot();
    expect(state.status === 'ready' && state.identity.displayName).toBe('Ada');
  });

  it('opens with the last group’s recent window, unsealed with this profile’s storage key', async () => {
    const deps = {
      vault: browserVault('session-vault-early'),
      store: indexedDbProfileStore('session-p-early'),
    };
    const first = createSession(deps);
    const unused = vi.fn(() => Promise.resolve(null));
    await first.start(unused);
    // A first run has no profile to unseal anything with.
    expect(unused).not.toHaveBeenCalled();
    await first.createProfile('Ada');
    const made = first.getSnapshot();
    expect(made.status === 'ready' && made.early).toBeNull();

    const early = { groupId: 'a'.repeat(64), window: {} as EarlyWindow['window'], groups: null };
    const readEarly = vi.fn((_key: Uint8Array) => Promise.resolve(early));
    const restarted = createSession(deps);
    await restarted.start(readEarly);
    const state = restarted.getSnapshot();
    if (state.status !== 'ready') throw new Error(`not ready: ${state.status}`);
    expect(readEarly).toHaveBeenCalledWith(state.identity.storageKey);
    expect(state.early).toBe(early);
  });

  it('stays in onboarding when the name is refused', async () => {
    const session = createSession({
      vault: browserVault('session-vault-2'),
      store: indexedDbProfileStore('session-p-2'),
    });
    await session.start();
    await expect(session.createProfile('')).rejects.toMatchObject({ name: 'DisplayNameError' });
    expect(session.getSnapshot().status).toBe('onboarding');
  });

  it('shows the locked state, with the reason, when the vault lost its key', async () => {
    const deps = {
      vault: browserVault('session-vault-3'),
      store: indexedDbProfileStore('session-p-3'),
    };
    const first = createSession(deps);
    await first.start();
    await first.createProfile('Ada');
    await deps.vault.delete('device-storage-key');
    const second = createSession(deps);
    await second.start();
    const state = second.getSnapshot();
    expect(state.status).toBe('locked');
    expect(state.status === 'locked' && state.message).toMatch(/keyring/);
    // What the Locked screen says in the person's language.
    expect(state.status === 'locked' && state.problem).toBe('storage-key-missing');
  });
});
