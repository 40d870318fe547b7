import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirm } from '../app/Confirm.tsx';
import { FieldError } from '../app/FieldError.tsx';
import { useGroupAction } from './useGroupAction.ts';

/**
 * "Leave group", asked once more with what it means: the members panel and the group's
 * settings both offer it. Afterwards the conversation says so (StandingBanner) and offers to
 * delete the group from this device.
 */
export function LeaveGroup(props: { groupId: string; groupName: string; onLeft?: () => void }) {
  const { t } = useTranslation('group');
  const { act, busy, error } = useGroupAction();
  const [asking, setAsking] = useState(false);
  return (
    <div className="leave-group">
      {asking ? (
        <Confirm
          title={t('leaveTitle', { group: props.groupName })}
          detail={t('leaveDetail')}
          confirmLabel={t('leaveConfirm')}
          danger
          busy={busy}
          onCancel={() => {
            setAsking(false);
          }}
          onConfirm={() =>
            void act((c) => c.leave(props.groupId)).then((done) => {
              if (!done) return;
              setAsking(false);
              props.onLeft?.();
            })
          }
        />
      ) : (
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => {
            setAsking(true);
          }}
        >
          {t('leave')}
        </button>
      )}
      <FieldError message={error} />
    </div>
  );
}
