import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyDevice } from '../../../shared/repo/repo.ts';
import { Confirm } from '../app/Confirm.tsx';
import { reasonFrom, type Reason } from '../../../shared/refusal.ts';
import { FieldError } from '../app/FieldError.tsx';
import { useReasonWords } from '../i18n/reason.ts';
import { formatDate } from '../i18n/format.ts';
import { useGroups, useSyncStore } from '../sync/hooks.tsx';

/**
 * This person's devices, as the groups know them, with "Unlink" for the others: a lost or
 * sold laptop is taken out of every group at once (each moves to a key it does not get).
 */
export function MyDevices() {
  const { t } = useTranslation('settings');
  const store = useSyncStore();
  const { groups } = useGroups();
  const [devices, setDevices] = useState<MyDevice[]>([]);
  const [asking, setAsking] = useState<MyDevice | null>(null);
  const [busy, setBusy] = useState(false);
  // Why an unlink was refused, worded when drawn (it follows a language change).
  const [error, setError] = useState<Reason | null>(null);
  const reasonWords = useReasonWords();

  useEffect(() => {
    const client = store.client();
    if (!client) return;
    let live = true;
    client
      .myDevices()
      .then((found) => {
        if (live) setDevices(found);
      })
      .catch((caught: unknown) => {
        console.error('Listing this person’s devices failed', caught);
      });
    return () => {
      live = false;
    };
  }, [store, groups]);

  async function unlink(device: MyDevice) {
    const client = store.client();
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      await client.unlinkEverywhere(device.device);
      setAsking(null);
      setDevices(await client.myDevices());
    } catch (caught) {
      setError(reasonFrom(caught));
    } finally {
      setBusy(false);
    }
  }

  if (devices.length < 2) return null;
  return (
    <>
      <ul className="my-devices" aria-label={t('myDevicesLabel')}>
        {devices.map((device) => (
          <li key={device.device}>
            <code>{device.label}</code>
            <span className="meta">
              {[
                ...(device.thisDevice ? [t('thisDevice')] : []),
                t('addedOn', { date: formatDate(device.addedAt) }),
                t('inGroups', { count: device.groups }),
              ].join(' · ')}
            </span>
            {device.thisDevice ? null : (
              <button
                type="button"
                className="small danger"
                disabled={busy}
                aria-label={t('unlinkLabel', { label: device.label })}
                onClick={() => {
                  setAsking(device);
                }}
              >
                {t('unlink')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {asking ? (
        <Confirm
          title={t('unlinkTitle', { label: asking.label })}
          detail={t('unlinkDetail')}
          confirmLabel={t('unlink')}
          danger
          busy={busy}
          onCancel={() => {
            setAsking(null);
          }}
          onConfirm={() => void unlink(asking)}
        />
      ) : null}
      <FieldError message={error && reasonWords(error)} />
    </>
  );
}
