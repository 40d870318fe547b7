import { useState, useSyncExternalStore } from 'react';
import { useSession } from '../app/context.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { useSyncStore } from '../sync/hooks.tsx';
import { MyDevices } from './MyDevices.tsx';
import type { SyncClient } from '../sync/client.ts';
import type { LinkOfferStatus } from '../../../shared/repo/link.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * "Link a new device": shows a code for the new laptop, then — when it asks — six digits to
 * compare, and lets the person approve. The new device becomes this person's in every group.
 */
export function LinkDeviceSection() {
  const store = useSyncStore();
  const session = useSession();
  const status = useSyncExternalStore(store.subscribe, store.linkStatus);
  const [offer, setOffer] = useState<{ code: string; expiresAt: number } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: (client: SyncClient) => Promise<unknown>) => {
    const client = store.client();
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      await work(client);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    act(async (client) => {
      store.forgetLink();
      setCopied(false);
      setOffer(await client.offerLink());
    });
  const close = () =>
    act(async (client) => {
      await client.cancelLink();
      store.forgetLink();
      setOffer(null);
    });

  return (
    <section className="settings-section link-section" aria-labelledby="link-heading">
      <h2 id="link-heading">Your devices</h2>
      <p className="hint">
        Use Fellows on another laptop as the same person: it joins the groups you are in now and
        sees what this one sees. Everyone in them is told you added a device. Groups you create or
        join later are on the laptop that created or joined them.
      </p>
      <MyDevices />
      {!offer ? (
        <button type="button" onClick={() => void start()} disabled={busy}>
          Link a new device
        </button>
      ) : (
        <div className="link-offer">
          {status === null || status.state === 'waiting' ? (
            <>
              <label htmlFor="link-code">
                On the new laptop, choose “Link to my other device” and enter this code
              </label>
              <textarea
                id="link-code"
                className="link-code"
                readOnly
                rows={3}
                value={offer.code}
                onFocus={(e) => {
                  e.target.select();
                }}
              />
              <p className="hint">
                Valid until {timeFormat.format(offer.expiresAt)}, for one device. Keep it to
                yourself: you will be asked to approve the device here.
              </p>
              <div className="form-actions">
                <button type="button" onClick={() => void close()}>
                  Cancel
                </button>
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    navigator.clipboard.writeText(offer.code).then(
                      () => {
                        setCopied(true);
                      },
                      () => {
                        setError('Copying failed: select the code and copy it by hand.');
                      },
                    );
                  }}
                >
                  {copied ? 'Copied' : 'Copy code'}
                </button>
              </div>
            </>
          ) : status.state === 'asking' ? (
            <div className="confirm" role="alertdialog" aria-labelledby="link-asking">
              <p id="link-asking" className="confirm-title">
                A device asks to be linked
              </p>
              <p className="hint">Link it only if the new laptop shows the same digits:</p>
              <p className="check-code" aria-label="Check digits">
                {status.check}
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void act((client) => client.declineLink())}
                >
                  Decline
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() =>
                    void act(async (client) => {
                      const seed = await session.personSeed();
                      try {
                        await client.approveLink(seed);
                      } finally {
                        seed.fill(0);
                      }
                    })
                  }
                >
                  Link this device
                </button>
              </div>
            </div>
          ) : (
            <div className="link-result" role="status">
              <p>{resultText(status)}</p>
              <button type="button" onClick={() => void close()}>
                Done
              </button>
            </div>
          )}
        </div>
      )}
      <FieldError message={error} />
    </section>
  );
}

function resultText(status: LinkOfferStatus) {
  switch (status.state) {
    case 'linking':
      return 'Linking… adding the new device to your groups.';
    case 'linked':
      if (status.groups === 0)
        return 'Linked. You are in no group yet, so there is nothing to fetch.';
      return status.groups === 1
        ? 'Linked. The new device is joining your group and fetching its history.'
        : `Linked. The new device is joining your ${status.groups} groups and fetching their history.`;
    case 'declined':
      return 'Declined. That device was told it cannot link.';
    case 'expired':
      return 'The code expired. Make a new one when you are at the other laptop.';
    case 'failed':
      return status.message;
    default:
      return '';
  }
}
