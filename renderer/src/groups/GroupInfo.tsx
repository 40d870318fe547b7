import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { Standing } from '../../../shared/repo/views.ts';
import { lazyNamed } from '../app/lazy.ts';

const GroupSettings = lazyNamed(() => import('./GroupSettings.tsx').then((m) => m.GroupSettings));

/**
 * "Group settings" in the conversation header, and the dialog it opens. "Show members" in
 * the dialog closes it and opens the members panel (`onShowMembers`).
 */
export function GroupInfo(props: {
  group: GroupSummary;
  standing: Standing;
  onShowMembers: () => void;
}) {
  const { t } = useTranslation('group');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="small"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('settingsButton')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <GroupSettings
            group={props.group}
            standing={props.standing}
            onClose={() => {
              setOpen(false);
            }}
            onShowMembers={() => {
              setOpen(false);
              props.onShowMembers();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
