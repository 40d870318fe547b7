import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { eraseIfRequested } from './app/erase.ts';
import { AppServicesProvider } from './app/context.tsx';
import { createOpenRequests } from './app/open-requests.ts';
import { createSession } from './app/session.ts';
import { indexedDbProfileStore } from './identity/profile-store.ts';
import { detectPlatform } from './platform/index.ts';
import { requestPersistentStorage } from './storage/persist.ts';
import { startAppearance } from './app/appearance.ts';
import { lastGroup } from './app/last-group.ts';
import { prepareSyncEngine } from './sync/client.ts';
import { preloadMarkdown } from './conversation/MessageText.tsx';
import './app/styles.css';

startAppearance();
const platform = detectPlatform();
const session = createSession({ vault: platform.vault, store: indexedDbProfileStore() });
// Listening from the first moment: a deep link that started the app must wait for the screens.
const openRequests = createOpenRequests(platform);
// A requested erase runs first, before anything opens the databases it deletes.
void eraseIfRequested(window, platform.vault)
  .catch((error: unknown) => {
    console.error('Erasing Fellows from this device failed', error);
  })
  .then(() => {
    // The worker loads and reads the last group's recent window while the profile unlocks.
    prepareSyncEngine(lastGroup());
    preloadMarkdown();
    return session.start();
  });
// Ask the browser not to evict our data under storage pressure (DESIGN §7).
void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppServicesProvider platform={platform} session={session} openRequests={openRequests}>
      <App />
    </AppServicesProvider>
  </StrictMode>,
);
