import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useSession } from '../app/context.tsx';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';
import { FieldError } from '../app/FieldError.tsx';
import { formatTime } from '../i18n/format.ts';
import { useReasonWords } from '../i18n/reason.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { MyDevices } from './MyDevices.tsx';
import type { SyncClient } from '../sync/client.ts';
import type { LinkOfferStatus } from '../../../shared/repo/link.ts';

/**
 * "Link a new device": shows a code for the new laptop, then — when it asks — six digits to
 * compare, and lets the person approve. The new device becomes this person's in every group.
 */
export function LinkDeviceSection() {
  const { t } = useTranslation('settings');
  const { t: common } = useTranslation('common');
  const store = useSyncStore();
  const session = useSession();
  const status = useSyncExternalStore(store.subscribe, store.linkStatus);
  const [offer, setOffer] = useState<{ code: string; expiresAt: number } | null>(null);
  const [copied, setCopied] = useState(false);
  // The code could not be copied, or why a step failed: worded when drawn.
  const [copyFailed, setCopyFailed] = useState(false);
  const [failed, setFailed] = useState<Reason | null>(null);
  const reasonWords = useReasonWords();
  const [busy, setBusy] = useState(false);

  const act = async (work: (client: SyncClient) => Promise<unknown>) => {
    const client = store.client();
    if (!client) return;
    setBusy(true);
    setCopyFailed(false);
    setFailed(null);
    try {
      await work(client);
    } catch (caught) {
      setFailed(reasonFrom(caught));
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
      <h2 id="link-heading">{t('linkHeading')}</h2>
      <p className="hint">{t('linkIntro')}</p>
      <MyDevices />
      {!offer ? (
        <button type="button" onClick={() => void start()} disabled={busy}>
          {t('linkStart')}
        </button>
      ) : (
        <div className="link-offer">
          {status === null || status.state === 'waiting' ? (
            <>
              <label htmlFor="link-code">{t('linkCodeLabel')}</label>
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
              <p className="hint">{t('linkValidUntil', { time: formatTime(offer.expiresAt) })}</p>
              <div className="form-actions">
                <button type="button" onClick={() => void close()}>
                  {common('cancel')}
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
                        setCopyFailed(true);
                      },
                    );
                  }}
                >
                  {copied ? common('copied') : t('copyCode')}
                </button>
              </div>
            </>
          ) : status.state === 'asking' ? (
            <div className="confirm" role="alertdialog" aria-labelledby="link-asking">
              <p id="link-asking" className="confirm-title">
                {t('linkAsking')}
              </p>
              <p className="hint">{t('linkCompare')}</p>
              <p className="check-code" aria-label={t('checkDigits')}>
                {status.check}
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void act((client) => client.declineLink())}
                >
                  {t('decline')}
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
                  {t('linkApprove')}
                </button>
              </div>
            </div>
          ) : (
            <div className="link-result" role="status">
              <p>{resultText(status, t)}</p>
              <button type="button" onClick={() => void close()}>
                {common('done')}
              </button>
            </div>
          )}
        </div>
      )}
      <FieldError message={copyFailed ? t('copyCodeFailed') : failed && reasonWords(failed)} />
    </section>
  );
}

function resultText(status: LinkOfferStatus, t: TFunction<'settings'>) {
  switch (status.state) {
    case 'linking':
      return t('linkLinking');
    case 'linked':
      if (status.groups === 0) return t('linkedNoGroups');
      return t('linkedGroups', { count: status.groups });
    case 'declined':
      return t('linkDeclined');
    case 'expired':
      return t('linkExpired');
    case 'failed':
      return status.message;
    default:
      return '';
  }
}
