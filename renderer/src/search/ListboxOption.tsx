import type { ReactNode } from 'react';
import type { ActiveOption } from './listbox.ts';

/**
 * Option `index` of a listbox driven from a text field (aria-activedescendant): the pointer
 * makes it active, a click chooses it, and pressing it never takes the keyboard from the field.
 */
export function ListboxOption(props: {
  id: string;
  index: number;
  active: ActiveOption;
  className: string;
  onChoose: () => void;
  children: ReactNode;
}) {
  const { index, active } = props;
  return (
    <li
      id={props.id}
      role="option"
      aria-selected={index === active.index}
      className={props.className}
      onMouseDown={(event) => {
        // Keep the keyboard in the field.
        event.preventDefault();
      }}
      onMouseMove={() => {
        if (index !== active.index) active.set(index);
      }}
      onClick={props.onChoose}
    >
      {props.children}
    </li>
  );
}
