import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSummary } from '../../../shared/repo/repo.ts';
import { Dialog } from '../app/Dialog.tsx';
import { formatNumber } from '../i18n/format.ts';
import { trapTab } from './focus.ts';
import { optionIdOf, useActiveOption } from './listbox.ts';
import { ListboxOption } from './ListboxOption.tsx';
import { Marked } from './Marked.tsx';
import { SearchField } from './SearchField.tsx';
import { useQuickSwitcherShortcut } from './shortcuts.ts';
import { filterGroups, type SwitcherItem } from './switcher.ts';
import './search.css';

/**
 * The quick switcher (Ctrl+K, ⌘K): type part of a group's name, choose with ↑ ↓, open with
 * Enter. Esc closes it, and focus goes back to where it was.
 */
export function QuickSwitcher(props: {
  groups: readonly GroupSummary[];
  onOpen: (groupId: string) => void;
  onClose: () => void;
}) {
  const { onOpen, onClose } = props;
  const { t } = useTranslation('search');
  const [query, setQuery] = useState('');
  const items = useMemo(() => filterGroups(props.groups, query), [props.groups, query]);
  const active = useActiveOption(items, items.length);
  const listId = useId();
  const box = useRef<HTMLDivElement>(null);
  const optionId = (i: number) => optionIdOf(listId, i);
  const choose = (item: SwitcherItem) => {
    onClose();
    onOpen(item.group.id);
  };
  const empty =
    props.groups.length === 0
      ? t('switcherNoGroups')
      : items.length === 0
        ? t('switcherEmpty', { query: query.trim() })
        : null;

  return (
    <Dialog title={t('switcherTitle')} onClose={onClose} className="search-dialog switcher">
      <div
        ref={box}
        className="search-body"
        onKeyDown={(event) => {
          trapTab(event, box.current);
        }}
      >
        <SearchField
          label={t('switcherLabel')}
          placeholder={t('switcherPlaceholder')}
          listId={listId}
          count={items.length}
          active={active}
          query={query}
          onQuery={setQuery}
          onChoose={(i) => {
            const item = items[i];
            if (item) choose(item);
          }}
        />
        {empty ? (
          <p className="search-status" role="status">
            {empty}
          </p>
        ) : null}
        <ul id={listId} role="listbox" aria-label={t('switcherList')} className="search-results">
          {items.map((item, i) => (
            <ListboxOption
              key={item.group.id}
              id={optionId(i)}
              index={i}
              active={active}
              className="switcher-item"
              onChoose={() => {
                choose(item);
              }}
            >
              <span className="switcher-name">
                <Marked text={item.group.name} marks={item.marks} />
              </span>
              {item.group.mentions > 0 ? (
                <span className="switcher-mention" title={t('mentioned')}>
                  <span aria-hidden="true">@</span>
                  <span className="sr-only">{t('mentioned')}</span>
                </span>
              ) : null}
              {item.group.unread > 0 ? (
                <span className="switcher-unread">
                  <span aria-hidden="true">{formatNumber(item.group.unread)}</span>
                  <span className="sr-only">{t('unread', { count: item.group.unread })}</span>
                </span>
              ) : null}
            </ListboxOption>
          ))}
        </ul>
        <footer className="search-footer">
          <span className="search-keys" aria-hidden="true">
            {t('keysHint')}
          </span>
          <button type="button" className="small" onClick={onClose}>
            {t('close')}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

/** Ctrl+K (⌘K) anywhere opens the quick switcher over the app. */
export function QuickSwitcherHost(props: {
  groups: readonly GroupSummary[];
  onOpen: (groupId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  useQuickSwitcherShortcut(() => {
    setOpen(true);
  });
  return open ? (
    <QuickSwitcher
      groups={props.groups}
      onOpen={props.onOpen}
      onClose={() => {
        setOpen(false);
      }}
    />
  ) : null;
}
