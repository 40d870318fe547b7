import { Home } from '../screens/Home.tsx';
import { SyncProvider } from '../sync/hooks.tsx';
import { Locked } from '../screens/Locked.tsx';
import { Onboarding } from '../screens/Onboarding.tsx';
import { useSessionState } from './context.tsx';
import { useAppearance } from './appearance.ts';

export function App() {
  const state = useSessionState();
  useAppearance();
  switch (state.status) {
    case 'loading':
      return <div className="loading" aria-busy="true" aria-label="Opening Fellows" />;
    case 'onboarding':
      return <Onboarding />;
    case 'locked':
      return <Locked message={state.message} />;
    case 'ready':
      return (
        <SyncProvider identity={state.identity}>
          <Home identity={state.identity} />
        </SyncProvider>
      );
  }
}
