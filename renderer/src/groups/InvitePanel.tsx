import { useState } from 'react';
import type { InviteOut } from '../sync/api.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { FieldError } from '../app/FieldError.tsx';
import type { HistoryPolicy } from '../sync/create-group-options.ts';
import { inviteHistorySentence } from './history-policy.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Makes an invite link for the group, with what it allows said in plain words. */
export function InvitePanel(props: {
  groupId: string;
  historyPolicy: HistoryPolicy;
  onClose: () => void;
}) {
  const store = useSyncStore();
  const [invite, setInvite] = useState<InviteOut | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    const client = store.client();
    if (!client) return;
    try {
      setInvite(await client.invite(props.groupId));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="invite-panel" aria-label="Invite people">
      {invite ? (
        <>
          <label htmlFor="invite-link">Invite link</label>
          <input
            id="invite-link"
            readOnly
            autoComplete="off"
            value={invite.link}
            onFocus={(e) => {
              e.target.select();
            }}
          />
          <p className="hint">
            Anyone with this link can ask to join
            {invite.expiresAt ? ` until ${dateFormat.format(invite.expiresAt)}` : ''}.{' '}
            {inviteHistorySentence[props.historyPolicy]} Someone in the group has to be online to
            let them in.
          </p>
          <div className="form-actions">
            <button type="button" onClick={props.onClose}>
              Done
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                navigator.clipboard.writeText(invite.link).then(
                  () => {
                    setCopied(true);
                  },
                  () => {
                    setError('Copying failed: select the link and copy it by hand.');
                  },
                );
              }}
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="hint invite-policy">{inviteHistorySentence[props.historyPolicy]}</p>
          <div className="form-actions">
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void create()}>
              Create invite link
            </button>
          </div>
        </>
      )}
      <FieldError message={error} />
    </section>
  );
}
