import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from './icons.tsx';
import { lazyNamed } from '../app/lazy.ts';
import type { OnJump } from './SearchDialog.tsx';

const SearchDialog = lazyNamed(() => import('./SearchDialog.tsx').then((m) => m.SearchDialog));
import { shortcutLabel, useGroupSearchShortcut } from './shortcuts.ts';

/** Searches one group's messages; a result calls `onJump` and closes the dialog. */
export function GroupSearch(props: {
  groupId: string;
  groupName: string;
  onJump: OnJump;
  onClose: () => void;
}) {
  const { t } = useTranslation('search');
  return (
    <Suspense fallback={null}>
      <SearchDialog
        title={t('searchGroup', { group: props.groupName })}
        hint={t('hintGroup', { group: props.groupName })}
        groupId={props.groupId}
        onJump={props.onJump}
        onClose={props.onClose}
      />
    </Suspense>
  );
}

/** The conversation header's search button: opens `GroupSearch`, as Ctrl+F (⌘F) does. */
export function GroupSearchButton(props: { groupId: string; groupName: string; onJump: OnJump }) {
  const { t } = useTranslation('search');
  const [open, setOpen] = useState(false);
  useGroupSearchShortcut(() => {
    setOpen(true);
  });
  return (
    <>
      <button
        type="button"
        className="icon-button search-button"
        aria-label={t('searchGroup', { group: props.groupName })}
        aria-haspopup="dialog"
        title={t('searchGroupShortcut', { keys: shortcutLabel('F') })}
        onClick={() => {
          setOpen(true);
        }}
      >
        <SearchIcon />
      </button>
      {open ? (
        <GroupSearch
          groupId={props.groupId}
          groupName={props.groupName}
          onJump={props.onJump}
          onClose={() => {
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
}
