import type { RoomStatus } from '../sync/webrtc-host.ts';
import { useSyncReport } from '../sync/hooks.tsx';

const when = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * The sync panel: how this group's room is doing (signaling servers, peers) and what the
 * engine refused — rejected blobs and detected forks, each with its reason. Plain on purpose:
 * it is for the person who asks "why didn't Bo's message arrive?".
 */
export function SyncPanel(props: {
  groupId: string;
  status: RoomStatus | null;
  onClose: () => void;
}) {
  const { status } = props;
  const report = useSyncReport(props.groupId);
  return (
    <section className="sync-panel card" aria-label="Sync">
      <h2>Sync</h2>
      <dl className="sync-facts">
        <dt>Peers connected</dt>
        <dd data-testid="sync-peers">{status?.peers ?? 0}</dd>
        {(status?.signaling ?? []).map((s) => (
          <div key={s.url} className="sync-fact">
            <dt>
              <code>{s.url}</code>
            </dt>
            <dd>{s.connected ? 'reachable' : 'not reachable, retrying'}</dd>
          </div>
        ))}
      </dl>
      <h3>Rejected blobs</h3>
      {report.rejected.length === 0 ? (
        <p className="hint">None. Everything peers sent checked out.</p>
      ) : (
        <ul className="sync-list" aria-label="Rejected blobs">
          {report.rejected.map((r, i) => (
            <li key={i}>
              <time dateTime={new Date(r.at).toISOString()}>{when.format(r.at)}</time>{' '}
              <strong>{r.reason}</strong>: {r.detail}
            </li>
          ))}
        </ul>
      )}
      <h3>Forks</h3>
      {report.forks.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ul className="sync-list" aria-label="Forks">
          {report.forks.map((f, i) => (
            <li key={i}>
              <time dateTime={new Date(f.at).toISOString()}>{when.format(f.at)}</time>{' '}
              <strong>{f.name}</strong>’s device wrote two different messages at position {f.seq}.
              Its later messages are held back.
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
