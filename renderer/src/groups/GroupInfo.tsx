import { useEffect, useId, useState } from 'react';
import { useSettings } from '../settings/app-settings.ts';
import type { HistoryPolicy } from '../sync/create-group-options.ts';

/**
 * A group's own servers, read-only, from its conversation header: a group keeps the signaling
 * servers it was created with (they travel in its invites); STUN is this device's setting.
 */
export function GroupInfo(props: { signaling: readonly string[]; historyPolicy: HistoryPolicy }) {
  const [open, setOpen] = useState(false);
  const settings = useSettings();
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="group-info">
      <button
        type="button"
        className="small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        Group info
      </button>
      {open ? (
        <section id={panelId} className="group-info-panel card" aria-label="Group info">
          <h2>History</h2>
          <p className="hint">
            {props.historyPolicy === 'all'
              ? 'New members, and new devices of members, see the whole history from the group’s start.'
              : 'New members see only what is written after they join.'}{' '}
            Someone removed, and a device unlinked, sees nothing written afterwards.
          </p>
          <h2>Signaling servers</h2>
          {props.signaling.length === 0 ? (
            <p className="hint">None: this group’s members cannot find each other.</p>
          ) : (
            <ul className="server-list server-list-readonly">
              {props.signaling.map((url) => (
                <li key={url}>
                  <code>{url}</code>
                </li>
              ))}
            </ul>
          )}
          <p className="hint">
            Members of this group meet through these servers, and its invites name them. They do not
            change when you change Settings.
          </p>
          <h2>STUN servers (this device)</h2>
          {settings.stun.length === 0 ? (
            <p className="hint">None.</p>
          ) : (
            <ul className="server-list server-list-readonly">
              {settings.stun.map((url) => (
                <li key={url}>
                  <code>{url}</code>
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                setOpen(false);
              }}
            >
              Close
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
