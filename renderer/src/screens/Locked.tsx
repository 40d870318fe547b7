import { useTranslation } from 'react-i18next';
import { Logo } from '../app/Logo.tsx';

/** The saved profile exists but cannot be unlocked: say so plainly, touch nothing. */
export function Locked(props: { message: string }) {
  const { t } = useTranslation('onboarding');
  return (
    <main className="onboarding">
      <section className="card onboarding-card" role="alert">
        <div className="brand">
          <Logo size={40} />
          <span>Fellows</span>
        </div>
        <h1>{t('lockedTitle')}</h1>
        <p className="lede">{props.message}</p>
        <p className="hint">{t('lockedHint')}</p>
      </section>
    </main>
  );
}
