import type { Ref } from 'react';
import { SearchIcon } from './icons.tsx';
import { optionIdOf, type ActiveOption } from './listbox.ts';
import { forInputMethod } from '../app/input-method.ts';

/**
 * The field of a search dialog: a combobox over the dialog's listbox (`listId`), whose arrow
 * keys move the active option and whose Enter chooses it.
 */
export function SearchField(props: {
  label: string;
  placeholder: string;
  listId: string;
  /** How many options the listbox shows now. */
  count: number;
  active: ActiveOption;
  query: string;
  onQuery: (query: string) => void;
  /** Enter on the active option (there is one). */
  onChoose: (index: number) => void;
  inputRef?: Ref<HTMLInputElement>;
  enterKeyHint?: 'search';
}) {
  const { label, placeholder, listId, count, active, query, onQuery, onChoose } = props;
  const { inputRef, enterKeyHint } = props;
  return (
    <div className="search-field">
      <SearchIcon />
      <input
        ref={inputRef}
        type="text"
        enterKeyHint={enterKeyHint}
        data-autofocus
        role="combobox"
        aria-label={label}
        aria-expanded={count > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={count > 0 ? optionIdOf(listId, active.index) : undefined}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={query}
        onChange={(event) => {
          onQuery(event.target.value);
        }}
        onKeyDown={(event) => {
          // Writing Chinese, arrows and Enter choose the input method's candidates, not results.
          if (forInputMethod(event) || active.onKeyDown(event)) return;
          if (event.key === 'Enter' && active.index < count) {
            event.preventDefault();
            onChoose(active.index);
          }
        }}
      />
    </div>
  );
}
