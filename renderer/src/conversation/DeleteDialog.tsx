import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../app/Dialog.tsx';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';
import { useReasonWords } from '../i18n/reason.ts';

/**
 * Asks before deleting one of my messages, honestly: the others' apps hide it, but whoever
 * received it keeps the encrypted copy. A failure is shown here and the message stays.
 */
export function DeleteDialog(props: { onCancel: () => void; onDelete: () => Promise<void> }) {
  const { t } = useTranslation('conversation');
  const [busy, setBusy] = useState(false);
  const reasonWords = useReasonWords();
  // Why the delete failed, worded when drawn (it follows a language change).
  const [error, setError] = useState<Reason | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await props.onDelete();
    } catch (caught) {
      setError(reasonFrom(caught));
      setBusy(false);
    }
  }
  return (
    <Dialog title={t('deleteTitle')} onClose={props.onCancel} className="delete-dialog">
      <p className="hint">{t('deleteDetail')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {t('deleteFailed', { reason: reasonWords(error) })}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" data-autofocus onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="primary danger"
          disabled={busy}
          onClick={() => {
            void confirm();
          }}
        >
          {t('deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
