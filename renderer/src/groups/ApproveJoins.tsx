import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../app/FieldError.tsx';
import { useGroupAction } from './useGroupAction.ts';

/**
 * An admin's switch for "new members need an admin's approval". It shows the change at once,
 * until the group's own setting moves to match (or the change is refused, when it shows the
 * group's setting again, with the reason).
 */
export function ApproveJoins(props: { groupId: string; approving: boolean; hint?: boolean }) {
  const { t } = useTranslation('group');
  const { act, busy, error } = useGroupAction();
  const [override, setOverride] = useState<{ value: boolean; over: boolean } | null>(null);
  const approve = override?.over === props.approving ? override.value : props.approving;
  return (
    <div className="approve-joins">
      <label className="check">
        <input
          type="checkbox"
          checked={approve}
          disabled={busy}
          onChange={(e) => {
            const on = e.target.checked;
            setOverride({ value: on, over: props.approving });
            void act((c) => c.setApproveJoins(props.groupId, on)).then((done) => {
              if (!done) setOverride(null);
            });
          }}
        />
        {t('approveJoins')}
      </label>
      {props.hint ? <p className="hint approve-joins-hint">{t('approveJoinsHint')}</p> : null}
      <FieldError message={error} />
    </div>
  );
}
