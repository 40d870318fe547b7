import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DisplayNameError,
  MAX_DISPLAY_NAME_LENGTH,
  type DisplayNameProblem,
} from '../../../shared/profile.ts';
import { useSession } from '../app/context.tsx';
import { Logo } from '../app/Logo.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LinkThisDevice } from './LinkThisDevice.tsx';
import './onboarding.css';
import { sentenceGap } from '../i18n/format.ts';

/** What the person reads before choosing a name: how Fellows works, honestly and briefly. */
const POINTS = [
  { icon: 'laptops', title: 'noServerTitle', body: 'noServerBody' },
  { icon: 'online', title: 'onlineTitle', body: 'onlineBody' },
  { icon: 'signal', title: 'signalingTitle', body: 'signalingBody' },
] as const;

/** What went wrong, kept untranslated so the words follow a language switch. */
type Problem = { name: DisplayNameProblem } | { failed: string };

/** First run: the person picks the name their groups will see, which creates their keys. */
export function Onboarding() {
  const session = useSession();
  const { t } = useTranslation('onboarding');
  const { t: common } = useTranslation('common');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();
  const howId = useId();
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
    setProblem(null);
    try {
      await session.createProfile(name);
    } catch (caught) {
      if (caught instanceof DisplayNameError) {
        setProblem({ name: caught.problem });
      } else {
        console.error('Creating the profile failed', caught);
        setProblem({ failed: caught instanceof Error ? caught.message : String(caught) });
      }
      setBusy(false);
    }
  }

  const error =
    problem === null
      ? null
      : 'failed' in problem
        ? t('createFailed', { message: problem.failed })
        : problem.name === 'empty'
          ? t('nameEmpty')
          : problem.name === 'too-long'
            ? t('nameTooLong', { max: MAX_DISPLAY_NAME_LENGTH })
            : t('nameControl');

  return (
    <main className="onboarding welcome">
      <LanguageSwitch />
      <div className="card welcome-card">
        <form className="welcome-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="brand">
            <Logo size={40} />
            <span>Fellows</span>
          </div>
          <h1>{t('welcome')}</h1>
          <p className="lede">{t('tagline')}</p>
          <label htmlFor={inputId}>{t('nameLabel')}</label>
          <input
            id={inputId}
            name="displayName"
            autoFocus
            autoComplete="nickname"
            maxLength={MAX_DISPLAY_NAME_LENGTH * 4}
            placeholder={t('namePlaceholder')}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : hintId}
            disabled={busy}
          />
          {error ? (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          ) : (
            <p id={hintId} className="hint">
              {t('nameHint')}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('creating') : common('continue')}
          </button>
          <p className="onboarding-alt">
            {t('alreadyUse')}
            {sentenceGap()}
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => {
                setLinking(true);
              }}
            >
              {t('linkDevice')}
            </button>
          </p>
        </form>
        <section className="how-fellows-works" aria-labelledby={howId}>
          <h2 id={howId}>{t('howTitle')}</h2>
          <ul>
            {POINTS.map((point) => (
              <li key={point.icon}>
                <PointIcon kind={point.icon} />
                <span>
                  <strong>{t(point.title)}</strong>
                  {sentenceGap()}
                  {t(point.body)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}

/** Small line drawings beside each point, in a soft round badge; decoration only. */
function PointIcon(props: { kind: (typeof POINTS)[number]['icon'] }) {
  const paths: Record<typeof props.kind, string> = {
    // A laptop: where the group lives.
    laptops: 'M5 7a1.5 1.5 0 0 1 1.5-1.5h11A1.5 1.5 0 0 1 19 7v8H5zM3 18.5h18',
    // An open door: someone lets you in.
    online: 'M5 20.5h14M7 20.5V5a1.5 1.5 0 0 1 1.5-1.5h7A1.5 1.5 0 0 1 17 5v15.5M13.5 12.5v.01',
    // A signpost: the server only points the way.
    signal: 'M12 3v18M12 5.5h6l2 2.5-2 2.5h-6M12 12.5H6l-2 2.5 2 2.5h6',
  };
  return (
    <span className="point-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="20" height="20">
        <path
          d={paths[props.kind]}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}
