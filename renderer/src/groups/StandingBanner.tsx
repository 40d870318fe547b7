import { useState } from 'react';
import type { Standing } from '../../../shared/repo/views.ts';
import { Confirm } from '../app/Confirm.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { useSyncStore } from '../sync/hooks.tsx';

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
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { standing } = props;

  async function forget() {
    const client = store.client();
    if (!client) return;
    setBusy(true);
    setError(null);
    try {
      await client.forget(props.groupId);
      await store.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  return (
    <div className="standing-banner" role="status">
      <p>
        {standing.state === 'left'
          ? 'You left this group.'
          : standing.state === 'unlinked'
            ? `${standing.by ?? 'An admin'} unlinked this device from the group.`
            : `${standing.by ?? 'An admin'} removed you from this group.`}{' '}
        You can still read what was written before; you will not see anything new.
      </p>
      {asking ? (
        <Confirm
          title={`Delete ${props.groupName} from this device?`}
          detail="Every message and key of this group is removed from this laptop. This cannot be undone; the members keep their copies."
          confirmLabel="Delete"
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
          Delete from this device
        </button>
      )}
      <FieldError message={error} />
    </div>
  );
}
