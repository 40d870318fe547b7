import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search/searches.ts';
import { Dialog } from '../app/Dialog.tsx';
import { formatDateTime, formatDay, formatTime } from '../i18n/format.ts';
import { trapTab } from './focus.ts';
import { optionIdOf, useActiveOption } from './listbox.ts';
import { ListboxOption } from './ListboxOption.tsx';
import { Marked } from './Marked.tsx';
import { SearchField } from './SearchField.tsx';
import { useSearch } from './useSearch.ts';
import './search.css';

/** Where a result leads: the lead opens the group and scrolls to the message. */
export type OnJump = (groupId: string, messageId: string) => void;

// The last query of each search (a group's, or 'all'), so reopening carries on: memory only.
const lastQueries = new Map<string, string>();

/** A search dialog: a field, and the messages found, newest first, as a listbox. */
export function SearchDialog(props: {
  title: string;
  hint: string;
  groupId: string | null;
  onJump: OnJump;
  onClose: () => void;
}) {
  const { groupId, onJump, onClose } = props;
  const { t } = useTranslation('search');
  const scope = groupId ?? 'all';
  const [query, setQuery] = useState(() => lastQueries.get(scope) ?? '');
  const state = useSearch(query, groupId);
  const listId = useId();
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const results =
    state.status === 'done' ? state.results : state.status === 'searching' ? state.last : null;
  const hits = results?.hits ?? [];
  const active = useActiveOption(results, hits.length);
  // "Today", "Yesterday": relative to when the dialog opened.
  const [now] = useState(() => Date.now());
  const optionId = (i: number) => optionIdOf(listId, i);

  useEffect(() => {
    lastQueries.set(scope, query);
  }, [scope, query]);
  useEffect(() => {
    // A query carried over from last time is selected, so typing replaces it.
    input.current?.select();
  }, []);
  useEffect(() => {
    document.getElementById(optionId(active.index))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (hit: SearchHit) => {
    onClose();
    onJump(hit.groupId, hit.messageId);
  };

  return (
    <Dialog title={props.title} onClose={onClose} className="search-dialog">
      <div
        ref={box}
        className="search-body"
        onKeyDown={(event) => {
          trapTab(event, box.current);
        }}
      >
        <SearchField
          inputRef={input}
          enterKeyHint="search"
          label={t('query')}
          placeholder={t('placeholder')}
          listId={listId}
          count={hits.length}
          active={active}
          query={query}
          onQuery={setQuery}
          onChoose={(i) => {
            const hit = hits[i];
            if (hit) choose(hit);
          }}
        />
        <SearchStatus state={state} hint={props.hint} />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('resultsLabel')}
          aria-busy={state.status === 'searching'}
          className="search-results"
        >
          {hits.map((hit, i) => (
            <ListboxOption
              key={`${hit.groupId}/${hit.messageId}`}
              id={optionId(i)}
              index={i}
              active={active}
              className="search-hit"
              onChoose={() => {
                choose(hit);
              }}
            >
              <Hit hit={hit} showGroup={groupId === null} now={now} />
            </ListboxOption>
          ))}
        </ul>
        {results?.more ? <p className="search-more">{t('more', { count: hits.length })}</p> : null}
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

function SearchStatus(props: { state: ReturnType<typeof useSearch>; hint: string }) {
  const { state } = props;
  const { t } = useTranslation('search');
  if (state.status === 'failed')
    return (
      <p className="search-status field-error" role="alert">
        {t('failed', { message: state.message })}
      </p>
    );
  let text = props.hint;
  if (state.status === 'searching' && !state.last) text = t('searching');
  if (state.status === 'searching' && state.last)
    text = t('results', { count: state.last.hits.length });
  if (state.status === 'done')
    text =
      state.results.hits.length === 0
        ? t('noMatches', { query: state.query.trim() })
        : t('results', { count: state.results.hits.length });
  return (
    <p className="search-status" role="status">
      {text}
    </p>
  );
}

function Hit(props: { hit: SearchHit; showGroup: boolean; now: number }) {
  const { hit } = props;
  const { t } = useTranslation('search');
  const when = t('when', { day: formatDay(hit.time, props.now), time: formatTime(hit.time) });
  return (
    <>
      <span className="search-hit-top">
        <span className="search-hit-author">
          <Marked text={hit.author.name} marks={hit.author.marks} />
        </span>
        {props.showGroup ? (
          <span className="search-hit-group">{t('inGroup', { group: hit.groupName })}</span>
        ) : null}
        <time
          className="search-hit-time"
          dateTime={new Date(hit.time).toISOString()}
          title={formatDateTime(hit.time)}
        >
          {when}
        </time>
      </span>
      <span className="search-hit-text">
        <Marked text={hit.snippet.text} marks={hit.snippet.marks} />
      </span>
    </>
  );
}
