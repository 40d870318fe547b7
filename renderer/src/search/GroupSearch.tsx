import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from './icons.tsx';
import { SearchDialog, type OnJump } from './SearchDialog.tsx';
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
    <SearchDialog
      title={t('searchGroup', { group: props.groupName })}
      hint={t('hintGroup', { group: props.groupName })}
      groupId={props.groupId}
      onJump={props.onJump}
      onClose={props.onClose}
    />
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
