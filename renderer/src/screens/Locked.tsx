import { useTranslation } from 'react-i18next';
import { Logo } from '../app/Logo.tsx';
import type { IdentityProblem } from '../identity/identity.ts';

const PROBLEM_KEYS = {
  'storage-key-missing': 'lockedKeyMissing',
  'unwrap-failed': 'lockedUnwrapFailed',
} as const satisfies Record<IdentityProblem, string>;

/**
 * The saved profile exists but cannot be unlocked: say so plainly, in the person's language,
 * touch nothing. The error itself is there for whoever helps them, under "Technical details".
 */
export function Locked(props: { message: string; problem: IdentityProblem | null }) {
  const { t } = useTranslation('onboarding');
  return (
    <main className="onboarding">
      <section className="card onboarding-card" role="alert">
        <div className="brand">
          <Logo size={40} />
          <span>Fellows</span>
        </div>
        <h1>{t('lockedTitle')}</h1>
        <p className="lede">{t(props.problem ? PROBLEM_KEYS[props.problem] : 'lockedOther')}</p>
        <p className="hint">{t('lockedHint')}</p>
        <details className="hint">
          <summary>{t('lockedDetails')}</summary>
          <p lang="en">{props.message}</p>
        </details>
      </section>
    </main>
  );
}
