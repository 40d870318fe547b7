import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Platform } from '../platform/types.ts';
import type { OpenRequests } from './open-requests.ts';
import type { Session, SessionState } from './session.ts';

type AppServices = { platform: Platform; session: Session; openRequests: OpenRequests };

const ServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider(props: AppServices & { children: ReactNode }) {
  const { platform, session, openRequests, children } = props;
  return <ServicesContext value={{ platform, session, openRequests }}>{children}</ServicesContext>;
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

/** What the desktop app asked to open (deep links, notification clicks). */
export function useOpenRequests(): OpenRequests {
  return useServices().openRequests;
}

/** The current session state; re-renders when it changes. */
export function useSessionState(): SessionState {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
