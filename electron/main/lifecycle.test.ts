import { describe, expect, it } from 'vitest';
import { createLifecycle, isQuitting, lifecycle, markQuitting } from './lifecycle.ts';

describe('lifecycle', () => {
  it('is not quitting until marked, and stays marked', () => {
    const state = createLifecycle();
    expect(state.isQuitting()).toBe(false);
    state.markQuitting();
    state.markQuitting();
    expect(state.isQuitting()).toBe(true);
    // Each lifecycle is its own: the app's shared one did not change.
    expect(lifecycle.isQuitting()).toBe(false);
  });

  it('the shared functions read and set the app’s one state', () => {
    expect(isQuitting()).toBe(false);
    markQuitting();
    expect(isQuitting()).toBe(true);
    expect(lifecycle.isQuitting()).toBe(true);
  });
});
