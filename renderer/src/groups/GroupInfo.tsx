import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { Standing } from '../../../shared/repo/views.ts';
import { DialogButton } from '../app/DialogButton.tsx';
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
  return (
    <DialogButton
      dialog={(close) => (
        <Suspense fallback={null}>
          <GroupSettings
            group={props.group}
            standing={props.standing}
            onClose={close}
            onShowMembers={() => {
              close();
              props.onShowMembers();
            }}
          />
        </Suspense>
      )}
    >
      {t('settingsButton')}
    </DialogButton>
  );
}
