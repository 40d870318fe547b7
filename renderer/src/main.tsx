// First: starts opening the databases while the rest of the app's JS loads and runs.
import './storage/open-early.ts';
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
import { readEarlyWindow } from './sync/early-window.ts';
import { holdDeviceLock } from './sync/device-lock.ts';
import { syncStoreFor } from './sync/store.ts';
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
    // While the profile unlocks: the worker loads, and the page reads the last group's window.
    const last = lastGroup();
    const readEarly = readEarlyWindow(last);
    // Claimed now, known long before the unlock: a second tab draws no messages, only that
    // Fellows is open elsewhere.
    const ownDevice = holdDeviceLock();
    prepareSyncEngine(last !== null);
    preloadMarkdown();
    return session.start(async (key) =>
      (await ownDevice.catch(() => false)) ? readEarly(key) : null,
    );
  });
// The sync engine starts as the profile unlocks, not after React has drawn the main screen (a
// long task): this listener comes before React's, which subscribes once the app has rendered.
session.subscribe(() => {
  const state = session.getSnapshot();
  if (state.status === 'ready')
    syncStoreFor(state.identity, session.linkedGroupsOpened, state.early);
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
