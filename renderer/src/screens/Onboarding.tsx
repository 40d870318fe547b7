import { useId, useState, type SyntheticEvent } from 'react';
import { DisplayNameError, MAX_DISPLAY_NAME_LENGTH } from '../../../shared/profile.ts';
import { useSession } from '../app/context.tsx';
import { Logo } from '../app/Logo.tsx';
import { LinkThisDevice } from './LinkThisDevice.tsx';

/** First run: the person picks the name their groups will see, which creates their keys. */
export function Onboarding() {
  const session = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const [linking, setLinking] = useState(false);

  if (linking)
    return (
      <LinkThisDevice
        onBack={() => {
          setLinking(false);
        }}
      />
    );

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.createProfile(name);
    } catch (caught) {
      if (caught instanceof DisplayNameError) {
        setError(caught.message);
      } else {
        console.error('Creating the profile failed', caught);
        setError(
          `Fellows could not create your keys: ${caught instanceof Error ? caught.message : String(caught)}`,
        );
      }
      setBusy(false);
    }
  }

  return (
    <main className="onboarding">
      <form className="card onboarding-card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="brand">
          <Logo size={40} />
          <span>Fellows</span>
        </div>
        <h1>Welcome</h1>
        <p className="lede">Group chat for the people you know, kept on your own laptops.</p>
        <ul className="how-it-works">
          <li>
            <strong>No server keeps your messages.</strong> A group lives on its members’ laptops
            and syncs directly between them.
          </li>
          <li>
            <strong>Only members can read it.</strong> Every group is end-to-end encrypted.
          </li>
          <li>
            <strong>Messages appear in the order they were written.</strong> No feed, no ranking.
          </li>
        </ul>
        <label htmlFor={inputId}>Your name</label>
        <input
          id={inputId}
          name="displayName"
          autoFocus
          autoComplete="nickname"
          maxLength={MAX_DISPLAY_NAME_LENGTH * 4}
          placeholder="How your groups will know you"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          disabled={busy}
        />
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="hint">Members of your groups see it next to your messages.</p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating your keys…' : 'Continue'}
        </button>
        <p className="onboarding-alt">
          Already use Fellows on another laptop?{' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => {
              setLinking(true);
            }}
          >
            Link to my other device
          </button>
        </p>
      </form>
    </main>
  );
}
