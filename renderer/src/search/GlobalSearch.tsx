import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from './icons.tsx';
import { lazyNamed } from '../app/lazy.ts';
import type { OnJump } from './SearchDialog.tsx';

const SearchDialog = lazyNamed(() => import('./SearchDialog.tsx').then((m) => m.SearchDialog));
import { shortcutLabel, useGlobalSearchShortcut } from './shortcuts.ts';

/** Searches every group's messages; each result names its group. */
export function GlobalSearch(props: { onJump: OnJump; onClose: () => void }) {
  const { t } = useTranslation('search');
  return (
    <Suspense fallback={null}>
      <SearchDialog
        title={t('searchAll')}
        hint={t('hintAll')}
        groupId={null}
        onJump={props.onJump}
        onClose={props.onClose}
      />
    </Suspense>
  );
}

/**
 * The sidebar's search field (a button that looks like one): opens `GlobalSearch`, as
 * Ctrl+Shift+F (⇧⌘F) does.
 */
export function GlobalSearchButton(props: { onJump: OnJump; disabled?: boolean }) {
  const { t } = useTranslation('search');
  const [open, setOpen] = useState(false);
  useGlobalSearchShortcut(() => {
    if (!props.disabled) setOpen(true);
  });
  const keys = shortcutLabel('F', true);
  return (
    <>
      <button
        type="button"
        className="global-search-button"
        aria-haspopup="dialog"
        title={t('searchAllShortcut', { keys })}
        disabled={props.disabled}
        onClick={() => {
          setOpen(true);
        }}
      >
        <SearchIcon />
        {/* The visible words are the name (a label that differs fails axe's name check). */}
        <span className="global-search-label">{t('searchAll')}</span>
        <kbd className="global-search-keys">{keys}</kbd>
      </button>
      {open ? (
        <GlobalSearch
          onJump={props.onJump}
          onClose={() => {
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
}
