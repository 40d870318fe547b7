import { useEffect, useState } from 'react';
import type { MyDevice } from '../../../shared/repo/repo.ts';
import { Confirm } from '../app/Confirm.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { useGroups, useSyncStore } from '../sync/hooks.tsx';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * This person's devices, as the groups know them, with "Unlink" for the others: a lost or
 * sold laptop is taken out of every group at once (each moves to a key it does not get).
 */
export function MyDevices() {
  const store = useSyncStore();
  const { groups } = useGroups();
  const [devices, setDevices] = useState<MyDevice[]>([]);
  const [asking, setAsking] = useState<MyDevice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  if (devices.length < 2) return null;
  return (
    <>
      <ul className="my-devices" aria-label="Your linked devices">
        {devices.map((device) => (
          <li key={device.device}>
            <code>{device.label}</code>
            <span className="meta">
              {device.thisDevice ? 'this device · ' : ''}added {dayFormat.format(device.addedAt)}
              {' · '}
              {device.groups === 1 ? 'in 1 group' : `in ${device.groups} groups`}
            </span>
            {device.thisDevice ? null : (
              <button
                type="button"
                className="small danger"
                disabled={busy}
                aria-label={`Unlink device ${device.label}`}
                onClick={() => {
                  setAsking(device);
                }}
              >
                Unlink
              </button>
            )}
          </li>
        ))}
      </ul>
      {asking ? (
        <Confirm
          title={`Unlink device ${asking.label} from all your groups?`}
          detail="It keeps what it already received, but sees nothing written from now on: each group moves to a new key it does not get. Do this for a laptop that is lost, sold or no longer yours."
          confirmLabel="Unlink"
          danger
          busy={busy}
          onCancel={() => {
            setAsking(null);
          }}
          onConfirm={() => void unlink(asking)}
        />
      ) : null}
      <FieldError message={error} />
    </>
  );
}
