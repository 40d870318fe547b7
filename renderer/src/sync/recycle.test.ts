import { describe, expect, it } from 'vitest';
import { IDLE_MS, RECYCLE_AT, shouldRecycle } from './recycle.ts';

const moment = { connectionsMade: RECYCLE_AT, hidden: false, idleMs: 0, busy: false };

describe('recycling the sync host', () => {
  it('waits until enough peer connections have been used up', () => {
    expect(shouldRecycle({ ...moment, connectionsMade: RECYCLE_AT - 1, hidden: true })).toBe(false);
    expect(shouldRecycle({ ...moment, hidden: true })).toBe(true);
  });

  it('only at an idle moment: hidden, or untouched for a while', () => {
    expect(shouldRecycle(moment)).toBe(false);
    expect(shouldRecycle({ ...moment, idleMs: IDLE_MS - 1 })).toBe(false);
    expect(shouldRecycle({ ...moment, idleMs: IDLE_MS })).toBe(true);
  });

  it('never while something is being written', () => {
    expect(shouldRecycle({ ...moment, hidden: true, idleMs: IDLE_MS, busy: true })).toBe(false);
  });

  it('stays well below Chromium’s cap of about 500', () => {
    expect(RECYCLE_AT).toBeLessThanOrEqual(450);
  });
});
