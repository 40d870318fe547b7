// Imported first by main.tsx, so that it runs before the rest of the app's JS: starts opening
// the databases the first screen reads (opened-early.ts says why), unless an erase waits to
// run (it must find them closed).
// First of all: before any module builds a zod schema (zod-jitless.ts says why).
import '../app/zod-jitless.ts';
import { erasePending } from '../app/erase-flag.ts';
import { lastGroup } from '../app/last-group.ts';
import { openProfileDb, PROFILE_DB } from '../identity/profile-store.ts';
import { openVaultDb, VAULT_DB } from '../platform/vault-db.ts';
import { DATA_DB, openDataDb } from './idb-storage.ts';
import { keepOpened } from './opened-early.ts';

function openEarly(): void {
  try {
    if (erasePending(window.sessionStorage)) return;
    keepOpened(PROFILE_DB, openProfileDb());
    // The desktop app's vault is its keyring, behind the bridge (platform/electron.ts).
    if (!window.fellows) keepOpened(VAULT_DB, openVaultDb());
    // Only a group that was open last time is read before the sync engine runs (early-window.ts).
    if (lastGroup() !== null) keepOpened(DATA_DB, openDataDb());
  } catch (error) {
    // Only a head start: each store opens its database itself when it is first used.
    console.warn('fellows: could not start opening the databases early', error);
  }
}

openEarly();
