import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { InvitePreview } from '../sync/api.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { FieldError } from '../app/FieldError.tsx';

type Step =
  | { at: 'paste' }
  | { at: 'preview'; code: string; preview: Extract<InvitePreview, { ok: true }> }
  | { at: 'asked'; joinId: number };

/**
 * Joining by invite (DESIGN §3): the person first sees the group's name and which servers
 * will be contacted; nothing leaves the laptop until they ask. Then it waits, saying plainly
 * that a member must be online to let them in. `initialCode` is an invite link the desktop
 * app was asked to open: it is checked at once, and joining still waits for "Ask to join".
 */
export function JoinGroup(props: {
  initialCode?: string | undefined;
  onJoined: (groupId: string) => void;
  onCancel: () => void;
}) {
  const store = useSyncStore();
  const { initialCode, onJoined } = props;
  const [code, setCode] = useState(initialCode ?? '');
  const [step, setStep] = useState<Step>({ at: 'paste' });
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const joinId = step.at === 'asked' ? step.joinId : -1;
  const status = useSyncExternalStore(store.subscribe, () => store.joinStatus(joinId));

  useEffect(() => {
    if (status?.state === 'admitted') onJoined(status.groupId);
  }, [status, onJoined]);

  // A link to open is checked at once, as if the person had pasted it and pressed "Check".
  useEffect(() => {
    const client = store.client();
    if (initialCode === undefined || !client) return;
    let current = true;
    void client.previewInvite(initialCode).then((preview) => {
      if (!current) return;
      if (preview.ok) setStep({ at: 'preview', code: initialCode, preview });
      else setError(preview.message);
    });
    return () => {
      current = false;
    };
  }, [initialCode, store]);

  async function check() {
    const client = store.client();
    if (!client) return;
    setError(null);
    const preview = await client.previewInvite(code);
    if (preview.ok) setStep({ at: 'preview', code, preview });
    else setError(preview.message);
  }

  async function ask(inviteCode: string) {
    const client = store.client();
    if (!client) return;
    const result = await client.join(inviteCode);
    if (result.ok) setStep({ at: 'asked', joinId: result.joinId });
    else setError(result.message);
  }

  return (
    <div className="join-group">
      {step.at === 'paste' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <label htmlFor={inputId}>Invite code or link</label>
          <textarea
            id={inputId}
            rows={3}
            autoFocus
            // An invite holds its secret: keep it out of the browser's saved session state.
            autoComplete="off"
            value={code}
            placeholder="fellows://join/…"
            onChange={(e) => {
              setCode(e.target.value);
            }}
          />
          <FieldError message={error} />
          <div className="form-actions">
            <button type="button" onClick={props.onCancel}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={code.trim() === ''}>
              Check invite
            </button>
          </div>
        </form>
      ) : null}
      {step.at === 'preview' ? (
        <div>
          <p>
            You are invited to <strong>{step.preview.groupName || 'a group'}</strong>.
          </p>
          <p className="hint">
            To find its members, Fellows will contact {step.preview.hosts.join(', ')}. Nothing is
            sent until you ask to join.
          </p>
          <FieldError message={error} />
          <div className="form-actions">
            <button type="button" onClick={props.onCancel}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void ask(step.code)}>
              Ask to join
            </button>
          </div>
        </div>
      ) : null}
      {step.at === 'asked' ? (
        <div role="status">
          {status?.state === 'refused' ? (
            <p className="field-error">{status.message}</p>
          ) : status?.state === 'syncing' || status?.state === 'admitted' ? (
            <p>You are in. Fetching the conversation…</p>
          ) : (
            <>
              {status?.state === 'awaiting-approval' ? (
                <>
                  <p>Your request was seen. Waiting for an admin to let you in.</p>
                  <p className="hint">
                    In this group an admin approves new members. Fellows keeps asking while this is
                    open, so you will be let in as soon as an admin says yes.
                  </p>
                </>
              ) : (
                <>
                  <p>Waiting for a member to let you in.</p>
                  <p className="hint">
                    Someone in the group needs to have Fellows open. Fellows keeps asking while this
                    is open, so you will be let in as soon as a member comes online.
                  </p>
                </>
              )}
              <div className="form-actions">
                <button type="button" onClick={props.onCancel}>
                  Close
                </button>
                <button
                  type="button"
                  onClick={() => {
                    void store.client()?.retryJoin(step.joinId);
                  }}
                >
                  Ask again
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
