import { useId, useState, type SyntheticEvent } from 'react';
import { DisplayNameError, parseGroupName } from '../../../shared/profile.ts';
import { FieldError } from '../app/FieldError.tsx';

/** A small inline form: name the group, create it. */
export function NewGroupForm(props: {
  onCreate: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

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
      await props.onCreate(parsed);
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
