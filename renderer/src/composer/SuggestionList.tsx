import type { ReactNode } from 'react';

/** The id of one option, for the textarea's aria-activedescendant. */
export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/**
 * What the composer offers to complete (members for an `@`, emoji for a `:code`), under the
 * ARIA combobox pattern: focus stays in the textarea, which points at the active option; the
 * mouse picks without taking focus.
 */
export function SuggestionList<T>(props: {
  id: string;
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  active: number;
  onPick: (index: number) => void;
  onActive: (index: number) => void;
}) {
  return (
    <ul id={props.id} role="listbox" aria-label={props.label} className="suggestion-list">
      {props.items.map((item, index) => (
        <li
          key={props.keyOf(item)}
          id={optionId(props.id, index)}
          role="option"
          aria-selected={index === props.active}
          className="suggestion-option"
          // Keep the caret in the textarea: a click picks, it does not move focus.
          onMouseDown={(event) => {
            event.preventDefault();
          }}
          onMouseMove={() => {
            if (index !== props.active) props.onActive(index);
          }}
          onClick={() => {
            props.onPick(index);
          }}
        >
          {props.render(item)}
        </li>
      ))}
    </ul>
  );
}
