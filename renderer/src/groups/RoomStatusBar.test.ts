import { describe, expect, it } from 'vitest';
import { offlineReason } from './RoomStatusBar.tsx';

const server = (connected: boolean) => ({ url: 'wss://signal.example.org', connected });

describe('the offline banner', () => {
  it('stays away while a signaling server answers, even if the browser says offline', () => {
    expect(offlineReason({ peers: 0, signaling: [server(true)] }, true)).toBeNull();
    expect(offlineReason({ peers: 0, signaling: [server(false), server(true)] }, false)).toBeNull();
  });

  it('says why the group cannot reach anyone', () => {
    expect(offlineReason({ peers: 0, signaling: [server(false)] }, false)).toEqual({
      kind: 'offline',
    });
    expect(offlineReason({ peers: 0, signaling: [server(false)] }, true)).toEqual({
      kind: 'unreachable',
      hosts: 'signal.example.org',
    });
    expect(offlineReason({ peers: 0, signaling: [] }, true)).toEqual({ kind: 'no-signaling' });
  });

  it('says nothing before the room has opened', () => {
    expect(offlineReason(null, true)).toBeNull();
  });
});
