import { Logo } from '../app/Logo.tsx';

/** The saved profile exists but cannot be unlocked: say so plainly, touch nothing. */
export function Locked(props: { message: string }) {
  return (
    <main className="onboarding">
      <section className="card onboarding-card" role="alert">
        <div className="brand">
          <Logo size={40} />
          <span>Fellows</span>
        </div>
        <h1>Your profile is locked</h1>
        <p className="lede">{props.message}</p>
        <p className="hint">
          Fellows has not changed or deleted anything. If you use a system keyring, unlock it and
          restart Fellows.
        </p>
      </section>
    </main>
  );
}
