import { levelStore } from '../attention/levels.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standing } from '../../../shared/repo/views.ts';
import { Confirm } from '../app/Confirm.tsx';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';
import { FieldError } from '../app/FieldError.tsx';
import { useReasonWords } from '../i18n/reason.ts';
import { useSyncStore } from '../sync/hooks.tsx';
import { sentenceGap } from '../i18n/format.ts';

/**
 * In place of the composer once this device is out of the group: who removed it (or that it
 * left), that what it had stays readable, and deleting the group from this device, asked twice.
 */
export function StandingBanner(props: {
  groupId: string;
  groupName: string;
  standing: Exclude<Standing, { state: 'member' }>;
}) {
  const store = useSyncStore();
  const { t } = useTranslation('room');
  const { t: common } = useTranslation('common');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // Why deleting failed, worded when drawn (it follows a language change).
  const [error, setError] = useState<Reason | null>(null);
  const reasonWords = useReasonWords();
  const { standing } = props;

  async function forget() {
    const client = store.client();
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      await client.forget(props.groupId);
      // Its notification level goes with it: nothing of the group stays on this device.
      levelStore().forget(props.groupId);
      await store.refresh();
    } catch (caught) {
      console.error('Deleting the group from this device failed', caught);
      setError(reasonFrom(caught));
      setBusy(false);
    }
  }

  return (
    <div className="standing-banner" role="status">
      <p>
        {standing.state === 'left'
          ? t('left')
          : t(standing.state === 'unlinked' ? 'unlinked' : 'removed', {
              by: standing.by ?? common('anAdmin'),
            })}
        {sentenceGap()}
        {t('stillReadable')}
      </p>
      {asking ? (
        <Confirm
          title={t('deleteTitle', { group: props.groupName })}
          detail={t('deleteDetail')}
          confirmLabel={common('delete')}
          danger
          busy={busy}
          onCancel={() => {
            setAsking(false);
          }}
          onConfirm={() => void forget()}
        />
      ) : (
        <button
          type="button"
          className="small danger"
          onClick={() => {
            setAsking(true);
          }}
        >
          {t('deleteFromDevice')}
        </button>
      )}
      <FieldError
        message={
          error &&
          ('refusal' in error
            ? reasonWords(error)
            : common('unexpectedError', { message: reasonWords(error) }))
        }
      />
    </div>
  );
}
