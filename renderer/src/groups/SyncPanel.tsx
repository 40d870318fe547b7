import { Trans, useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.ts';
import type { RoomStatus } from '../sync/webrtc-host.ts';
import { useSyncReport } from '../sync/hooks.tsx';
import { rejectKind, type RejectKind } from './reject-kind.ts';

const REJECT_KEYS = {
  damaged: 'rejectDamaged',
  order: 'rejectOrder',
  membership: 'rejectMembership',
  other: 'rejectOther',
} as const satisfies Record<RejectKind, string>;

/**
 * The sync panel: how this group's room is doing (signaling servers, peers) and what the
 * engine refused — rejected blobs and detected forks, each with its reason. Plain on purpose:
 * it is for the person who asks "why didn't Bo's message arrive?". The reasons come from the
 * engine, in English, as written for whoever debugs.
 */
export function SyncPanel(props: {
  groupId: string;
  status: RoomStatus | null;
  onClose: () => void;
}) {
  const { status } = props;
  const { t } = useTranslation('room');
  const { t: common } = useTranslation('common');
  const report = useSyncReport(props.groupId);
  return (
    <section className="sync-panel card" aria-label={t('syncTitle')}>
      <h2>{t('syncTitle')}</h2>
      <dl className="sync-facts">
        <dt>{t('peersConnected')}</dt>
        <dd data-testid="sync-peers">{status?.peers ?? 0}</dd>
        {(status?.signaling ?? []).map((s) => (
          <div key={s.url} className="sync-fact">
            <dt>
              <code>{s.url}</code>
            </dt>
            <dd>{s.connected ? t('reachable') : t('notReachable')}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('rejectedTitle')}</h3>
      {report.rejected.length === 0 ? (
        <p className="hint">{t('noneRejected')}</p>
      ) : (
        <ul className="sync-list" aria-label={t('rejectedTitle')}>
          {report.rejected.map((r, i) => (
            <li key={i}>
              <time dateTime={new Date(r.at).toISOString()}>{formatDateTime(r.at)}</time>{' '}
              {t(REJECT_KEYS[rejectKind(r.reason)])}{' '}
              <span className="hint" title={t('rejectCode')}>
                <code lang="en">{r.reason}</code>: <span lang="en">{r.detail}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('forksTitle')}</h3>
      {report.forks.length === 0 ? (
        <p className="hint">{t('noForks')}</p>
      ) : (
        <ul className="sync-list" aria-label={t('forksTitle')}>
          {report.forks.map((f, i) => (
            <li key={i}>
              <time dateTime={new Date(f.at).toISOString()}>{formatDateTime(f.at)}</time>{' '}
              <Trans
                t={t}
                i18nKey="fork"
                values={{ name: f.name, seq: f.seq }}
                components={{ b: <strong /> }}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {common('close')}
        </button>
      </div>
    </section>
  );
}
