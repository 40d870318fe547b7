import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/ipc/events.ts';
import type { Platform } from '../platform/types.ts';
import { createOpenRequests, MAX_PENDING_REQUESTS, type OpenRequest } from './open-requests.ts';

const link = `fellows://join/${'A'.repeat(150)}`;
const groupId = 'd'.repeat(64);

/** A platform whose events the test fires by hand, as the preload would. */
function fakePlatform() {
  const listeners = new Map<EventName, (payload: never) => void>();
  const on = ((event: EventName, listener: (payload: never) => void) => {
    listeners.set(event, listener);
    return () => listeners.delete(event);
  }) as Platform['on'];
  const fire = (event: EventName, payload: unknown) => {
    listeners.get(event)?.(payload as never);
  };
  return { platform: { on }, fire };
}

describe('createOpenRequests', () => {
  it('keeps what arrives before a screen can act on it, and hands it over in order', () => {
    const { platform, fire } = fakePlatform();
    const requests = createOpenRequests(platform);
    fire('group:open', { groupId });
    fire('link:open', { link });
    fire('menu:command', { command: 'settings' });
    const seen: OpenRequest[] = [];
    requests.consume((r) => seen.push(r));
    expect(seen).toEqual([
      { kind: 'group', groupId },
      { kind: 'join', link },
      { kind: 'menu', command: 'settings' },
    ]);
  });

  it('hands requests straight to the screen while it listens, and keeps them once it stops', () => {
    const { platform, fire } = fakePlatform();
    const requests = createOpenRequests(platform);
    const handler = vi.fn();
    const stop = requests.consume(handler);
    fire('link:open', { link });
    expect(handler).toHaveBeenCalledWith({ kind: 'join', link });
    stop();
    fire('group:open', { groupId });
    expect(handler).toHaveBeenCalledTimes(1);
    const next = vi.fn();
    requests.consume(next);
    expect(next).toHaveBeenCalledWith({ kind: 'group', groupId });
  });

  it('keeps only the last few', () => {
    const { platform, fire } = fakePlatform();
    const requests = createOpenRequests(platform);
    for (let i = 0; i < MAX_PENDING_REQUESTS + 2; i++) {
      fire('group:open', { groupId: String(i).padStart(64, '0') });
    }
    const handler = vi.fn();
    requests.consume(handler);
    expect(handler).toHaveBeenCalledTimes(MAX_PENDING_REQUESTS);
    expect(handler.mock.calls[0]?.[0]).toEqual({ kind: 'group', groupId: '2'.padStart(64, '0') });
  });

  it('a stale consumer stopping does not silence the newer one', () => {
    const { platform, fire } = fakePlatform();
    const requests = createOpenRequests(platform);
    const stopOld = requests.consume(vi.fn());
    const current = vi.fn();
    requests.consume(current);
    stopOld();
    fire('link:open', { link });
    expect(current).toHaveBeenCalledWith({ kind: 'join', link });
  });
});
