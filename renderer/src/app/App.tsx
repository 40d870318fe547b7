import { Home } from '../screens/Home.tsx';
import { SyncProvider } from '../sync/hooks.tsx';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from './lazy.ts';
import { useSessionState } from './context.tsx';
import { useAppearance } from './appearance.ts';

// A person who has a profile never sees these: they load only when needed.
const Onboarding = lazyNamed(() => import('../screens/Onboarding.tsx').then((m) => m.Onboarding));
const Locked = lazyNamed(() => import('../screens/Locked.tsx').then((m) => m.Locked));

export function App() {
  const state = useSessionState();
  useAppearance();
  switch (state.status) {
    case 'loading':
      return <Opening />;
    case 'onboarding':
      return (
        <Suspense fallback={null}>
          <Onboarding />
        </Suspense>
      );
    case 'locked':
      return (
        <Suspense fallback={null}>
          <Locked message={state.message} problem={state.problem} />
        </Suspense>
      );
    case 'ready':
      return (
        <SyncProvider identity={state.identity} early={state.early}>
          <Home identity={state.identity} />
        </SyncProvider>
      );
  }
}

/** While the profile opens: an empty screen that says what it is waiting for. */
function Opening() {
  const { t } = useTranslation();
  return <div className="loading" aria-busy="true" aria-label={t('opening')} />;
}
