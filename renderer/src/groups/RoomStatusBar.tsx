import { useEffect, useState } from 'react';
import type { PresenceItem } from '../../../shared/repo/handle.ts';
import { useRoomStatus } from '../sync/hooks.tsx';
import type { RoomStatus } from '../sync/webrtc-host.ts';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
    };
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Why this group cannot reach anyone right now, in plain words, or null when it can. */
export function offlineReason(status: RoomStatus | null, online: boolean): string | null {
  // A server we reach is proof enough: on a LAN or loopback the browser may still say offline.
  if (status?.signaling.some((s) => s.connected)) return null;
  if (!online) return 'You are offline.';
  if (!status) return null;
  if (status.signaling.length === 0)
    return 'This group has no signaling server, so its members cannot find each other.';
  const hosts = status.signaling.map((s) => hostOf(s.url)).join(', ');
  return `Cannot reach the signaling server (${hosts}). Trying again.`;
}

/** The header's line on who is here: people online and peers we sync with. */
export function PresenceLine(props: { presence: PresenceItem; status: RoomStatus | null }) {
  const { presence, status } = props;
  const names = presence.online.map((p) => p.name);
  const text =
    names.length === 0
      ? 'Nobody else online'
      : names.length <= 3
        ? `${names.join(', ')} online`
        : `${names.length} others online`;
  return (
    <span className="meta presence-line" aria-label="Who is online">
      <span className={`dot${names.length > 0 ? ' on' : ''}`} aria-hidden="true" />
      {text}
      {status && status.peers > 0 ? (
        <span className="peers">
          {' · '}
          {status.peers} {status.peers === 1 ? 'peer' : 'peers'} connected
        </span>
      ) : null}
    </span>
  );
}

/**
 * The offline banner: shown while the group cannot reach its signaling servers (or the
 * laptop has no network), with what still works, so nobody wonders where messages went.
 */
export function OfflineBanner(props: { groupId: string; epoch: number | null }) {
  const status = useRoomStatus(props.groupId, props.epoch);
  const online = useOnline();
  const reason = offlineReason(status, online);
  if (!reason) return null;
  return (
    <p className="offline-banner" role="status">
      <strong>{reason}</strong> You can keep writing: messages are kept on this laptop and sent when
      members are reachable.
    </p>
  );
}
