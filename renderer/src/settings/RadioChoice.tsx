import { useId, type ReactNode } from 'react';
import './radio-choice.css';

export type RadioOption<V extends string> = {
  value: V;
  label: ReactNode;
  /** One sentence under the label. */
  hint?: ReactNode;
  /** Something drawn before the text (a theme's swatch). */
  picture?: ReactNode;
  /** The label's language, when it is written in its own (a language's name). */
  lang?: string;
};

/**
 * One setting picked from a few, as radio rows with a sentence each; it applies as soon as it
 * is picked (no Save button), and the arrow keys move between the rows.
 */
export function RadioChoice<V extends string>(props: {
  legend: string;
  value: V;
  options: readonly RadioOption<V>[];
  onChange: (value: V) => void;
  /** 'tiles' lays the options side by side (three themes); 'rows' one under another. */
  layout?: 'tiles' | 'rows';
  /** The legend only for screen readers, when a heading above says the same. */
  legendHidden?: boolean;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset
      className={`choice radio-choice radio-choice-${props.layout ?? 'rows'}`}
      disabled={props.disabled}
    >
      <legend className={props.legendHidden ? 'sr-only' : undefined}>{props.legend}</legend>
      {props.options.map((option) => {
        // Named by its label alone, described by its hint: "Dark" is not also "Light or dark…".
        const labelId = `${name}-${option.value}`;
        const hintId = `${labelId}-hint`;
        return (
          <label className="choice-option" key={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={props.value === option.value}
              aria-labelledby={labelId}
              aria-describedby={option.hint ? hintId : undefined}
              onChange={() => {
                props.onChange(option.value);
              }}
            />
            {option.picture}
            <span className="choice-text">
              <span className="choice-label" id={labelId} lang={option.lang}>
                {option.label}
              </span>
              {option.hint ? (
                <span className="choice-hint" id={hintId}>
                  {option.hint}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
