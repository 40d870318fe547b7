import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceItem } from '../../../shared/repo/handle.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useRoomStatus } from '../sync/hooks.tsx';
import type { RoomStatus } from '../sync/webrtc-host.ts';
import { sentenceGap } from '../i18n/format.ts';

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

/** Why a group cannot reach anyone right now. */
export type OfflineReason =
  { kind: 'offline' } | { kind: 'no-signaling' } | { kind: 'unreachable'; hosts: string };

/** Why this group cannot reach anyone right now, or null when it can. */
export function offlineReason(status: RoomStatus | null, online: boolean): OfflineReason | null {
  // A server we reach is proof enough: on a LAN or loopback the browser may still say offline.
  if (status?.signaling.some((s) => s.connected)) return null;
  if (!online) return { kind: 'offline' };
  if (!status) return null;
  if (status.signaling.length === 0) return { kind: 'no-signaling' };
  return { kind: 'unreachable', hosts: status.signaling.map((s) => hostOf(s.url)).join(', ') };
}

/** The header's line on who is here: people online and peers we sync with. */
export function PresenceLine(props: { presence: PresenceItem; status: RoomStatus | null }) {
  const { presence, status } = props;
  const { t } = useTranslation('room');
  const names = presence.online.map((p) => p.name);
  const text =
    names.length === 0
      ? t('nobodyOnline')
      : names.length <= 3
        ? t('namesOnline', {
            names: new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(names),
          })
        : t('othersOnline', { count: names.length });
  const peers = status && status.peers > 0 ? t('peers', { count: status.peers }) : null;
  return (
    <span className="meta presence-line" role="group" aria-label={t('whoIsOnline')}>
      <span className={`dot${names.length > 0 ? ' on' : ''}`} aria-hidden="true" />
      {/* Cut short with "…" where the header is narrow: the whole line is its tooltip. */}
      <span className="presence-text" title={peers === null ? text : `${text} · ${peers}`}>
        {text}
        {peers === null ? null : <span className="peers"> · {peers}</span>}
      </span>
    </span>
  );
}

/**
 * The offline banner: shown while the group cannot reach its signaling servers (or the
 * laptop has no network), with what still works, so nobody wonders where messages went.
 */
export function OfflineBanner(props: { groupId: string; epoch: number | null }) {
  const { t } = useTranslation('room');
  const status = useRoomStatus(props.groupId, props.epoch);
  const online = useOnline();
  const reason = offlineReason(status, online);
  if (!reason) return null;
  return (
    <p className="offline-banner" role="status">
      <strong>
        {reason.kind === 'offline'
          ? t('offline')
          : reason.kind === 'no-signaling'
            ? t('noSignaling')
            : t('unreachable', { hosts: reason.hosts })}
      </strong>
      {sentenceGap()}
      {t('keepWriting')}
    </p>
  );
}
