import { describe, expect, it } from 'vitest';
import { offlineReason } from './RoomStatusBar.tsx';

const server = (connected: boolean) => ({ url: 'wss://signal.example.org', connected });

describe('the offline banner', () => {
  it('stays away while a signaling server answers, even if the browser says offline', () => {
    expect(offlineReason({ peers: 0, signaling: [server(true)] }, true)).toBeNull();
    expect(offlineReason({ peers: 0, signaling: [server(false), server(true)] }, false)).toBeNull();
  });

  it('says plainly why the group cannot reach anyone', () => {
    expect(offlineReason({ peers: 0, signaling: [server(false)] }, false)).toBe('You are offline.');
    expect(offlineReason({ peers: 0, signaling: [server(false)] }, true)).toBe(
      'Cannot reach the signaling server (signal.example.org). Trying again.',
    );
    expect(offlineReason({ peers: 0, signaling: [] }, true)).toMatch(/no signaling server/);
  });

  it('says nothing before the room has opened', () => {
    expect(offlineReason(null, true)).toBeNull();
  });
});
