import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Platform } from '../platform/types.ts';
import type { Session, SessionState } from './session.ts';

type AppServices = { platform: Platform; session: Session };

const ServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider(props: AppServices & { children: ReactNode }) {
  const { platform, session, children } = props;
  return <ServicesContext value={{ platform, session }}>{children}</ServicesContext>;
}

function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <AppServicesProvider>');
  return services;
}

/** The host platform (Electron or web) this page runs in. */
export function usePlatform(): Platform {
  return useServices().platform;
}

/** The session store, for actions such as creating the profile. */
export function useSession(): Session {
  return useServices().session;
}

/** The current session state; re-renders when it changes. */
export function useSessionState(): SessionState {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
