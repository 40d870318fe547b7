import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../app/Dialog.tsx';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';
import { FieldError } from '../app/FieldError.tsx';
import { formatDate, sentenceGap } from '../i18n/format.ts';
import { useReasonWords } from '../i18n/reason.ts';
import type { InviteOut } from '../sync/api.ts';
import type { HistoryPolicy } from '../sync/create-group-options.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { CopyButton } from './CopyButton.tsx';
import { historyPolicyWords } from './history-policy.ts';
import './invite.css';

/**
 * The invite dialog: first what an invite allows, in plain words; then, once made, its link
 * (to copy), its code and a QR code of the link, with how long it lasts.
 */
export function InvitePanel(props: {
  groupId: string;
  groupName?: string;
  historyPolicy: HistoryPolicy;
  onClose: () => void;
}) {
  const store = useSyncStore();
  const { t } = useTranslation('invite');
  const { t: common } = useTranslation('common');
  const [invite, setInvite] = useState<InviteOut | null>(null);
  const [busy, setBusy] = useState(false);
  // A copy that failed (in words), or why no invite could be made (worded when drawn).
  const [error, setError] = useState<string | null>(null);
  const [createFailed, setCreateFailed] = useState<Reason | null>(null);
  const reasonWords = useReasonWords();
  const shownError =
    error ?? (createFailed && t('createFailed', { message: reasonWords(createFailed) }));
  const linkId = useId();
  const codeId = useId();
  const policy = t(historyPolicyWords[props.historyPolicy].invite);
  const linkField = useRef<HTMLInputElement>(null);

  // The button that made it is gone: focus (and select) the link, ready to copy.
  useEffect(() => {
    if (invite) linkField.current?.focus();
  }, [invite]);

  async function create() {
    const client = store.client();
    if (!client) return;
    setBusy(true);
    setError(null);
    setCreateFailed(null);
    try {
      setInvite(await client.invite(props.groupId));
    } catch (caught) {
      console.error('Making an invite failed', caught);
      setCreateFailed(reasonFrom(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={props.groupName ? t('title', { group: props.groupName }) : t('titleUnnamed')}
      className={invite ? 'invite-dialog made' : 'invite-dialog'}
      onClose={props.onClose}
    >
      {invite ? (
        <>
          <div className="invite-made">
            <div className="invite-qr">
              <QRCodeSVG
                value={invite.link}
                size={176}
                marginSize={2}
                bgColor="#ffffff"
                fgColor="#1d1f23"
                role="img"
                aria-label={t('qrLabel')}
              />
            </div>
            <div className="invite-fields">
              <label htmlFor={linkId}>{t('linkLabel')}</label>
              <div className="invite-copy-row">
                <input
                  ref={linkField}
                  id={linkId}
                  readOnly
                  autoComplete="off"
                  spellCheck={false}
                  value={invite.link}
                  onFocus={(e) => {
                    e.target.select();
                  }}
                />
                <CopyButton
                  text={invite.link}
                  label={t('copyLink')}
                  className="primary"
                  onError={setError}
                />
              </div>
              <label htmlFor={codeId}>{t('codeLabel')}</label>
              <div className="invite-copy-row">
                <input
                  id={codeId}
                  readOnly
                  autoComplete="off"
                  spellCheck={false}
                  value={invite.code}
                  onFocus={(e) => {
                    e.target.select();
                  }}
                />
                <CopyButton text={invite.code} label={t('copyCode')} onError={setError} />
              </div>
              <p className="invite-expiry">
                {invite.expiresAt === null
                  ? t('noExpiry')
                  : t('expires', { date: formatDate(invite.expiresAt) })}
                {sentenceGap()}
                <span className="invite-qr-hint">{t('qrHint')}</span>
              </p>
            </div>
          </div>
          <p className="invite-policy">
            <strong>{policy}</strong>
            {sentenceGap()}
            {t('whoCanJoin')}
          </p>
          <FieldError message={shownError} />
          <div className="form-actions">
            <button type="button" onClick={props.onClose}>
              {common('done')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="invite-policy">
            <strong>{policy}</strong>
            {sentenceGap()}
            {t('whoCanJoin')}
          </p>
          <FieldError message={shownError} />
          <div className="form-actions">
            <button type="button" onClick={props.onClose} disabled={busy}>
              {common('cancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-autofocus
              disabled={busy}
              onClick={() => void create()}
            >
              {busy ? t('creating') : t('create')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
