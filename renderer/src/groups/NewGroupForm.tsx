import { useId, useState, type SyntheticEvent } from 'react';
import { DisplayNameError, parseGroupName } from '../../../shared/profile.ts';
import { FieldError } from '../app/FieldError.tsx';
import { HISTORY_POLICIES, type HistoryPolicy } from '../sync/create-group-options.ts';
import { historyPolicyChoice } from './history-policy.ts';

/** A small inline form: name the group, choose who reads its history, create it. */
export function NewGroupForm(props: {
  onCreate: (name: string, historyPolicy: HistoryPolicy) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [historyPolicy, setHistoryPolicy] = useState<HistoryPolicy>('all');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const choiceId = useId();

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    let parsed: string;
    try {
      parsed = parseGroupName(name);
    } catch (caught) {
      setError(caught instanceof DisplayNameError ? caught.message : String(caught));
      return;
    }
    setBusy(true);
    try {
      await props.onCreate(parsed, historyPolicy);
    } catch (caught) {
      setError(
        `The group could not be created: ${caught instanceof Error ? caught.message : String(caught)}`,
      );
      setBusy(false);
    }
  }

  return (
    <form className="new-group" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={inputId}>Group name</label>
      <input
        id={inputId}
        autoFocus
        // Else the browser keeps the name in its form history, in the clear (e2e/at-rest).
        autoComplete="off"
        value={name}
        placeholder="e.g. Maple Street co-op"
        onChange={(e) => {
          setName(e.target.value);
        }}
        aria-invalid={error ? true : undefined}
        disabled={busy}
      />
      <FieldError message={error} />
      <fieldset className="choice" disabled={busy} aria-describedby={`${choiceId}-fixed`}>
        <legend>Who can read earlier messages?</legend>
        {HISTORY_POLICIES.map((policy) => {
          const choice = historyPolicyChoice[policy];
          const id = `${choiceId}-${policy}`;
          return (
            <label key={policy} className="choice-option">
              <input
                type="radio"
                name={choiceId}
                value={policy}
                checked={historyPolicy === policy}
                onChange={() => {
                  setHistoryPolicy(policy);
                }}
                // The name is the option alone; its sentence is read as the description.
                aria-labelledby={`${id}-label`}
                aria-describedby={`${id}-hint`}
              />
              <span className="choice-text">
                <span id={`${id}-label`} className="choice-label">
                  {choice.label}
                </span>
                <span id={`${id}-hint`} className="choice-hint">
                  {choice.hint}
                </span>
              </span>
            </label>
          );
        })}
        <p id={`${choiceId}-fixed`} className="choice-fixed">
          This cannot be changed after the group is created.
        </p>
      </fieldset>
      <div className="form-actions">
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create group'}
        </button>
      </div>
    </form>
  );
}
