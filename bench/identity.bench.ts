// First-run and start-up cost of the device identity (renderer/src/identity), in Node's
// WebCrypto with fake-indexeddb: key generation + wrap + store, and unwrap on start.
import 'fake-indexeddb/auto';
import { createIdentity, loadIdentity } from '../renderer/src/identity/identity.ts';
import { indexedDbProfileStore } from '../renderer/src/identity/profile-store.ts';
import { browserVault } from '../renderer/src/platform/browser-vault.ts';
import { percentile, report, sample } from './report.ts';

let n = 0;
const created = await sample(50, async () => {
  n += 1;
  await createIdentity('Ada', {
    vault: browserVault(`bv-${n}`),
    store: indexedDbProfileStore(`bp-${n}`),
  });
});
report({ bench: 'identity', metric: 'create_p50_ms', value: percentile(created, 50), unit: 'ms' });
report({ bench: 'identity', metric: 'create_p95_ms', value: percentile(created, 95), unit: 'ms' });

const deps = { vault: browserVault('bv-unlock'), store: indexedDbProfileStore('bp-unlock') };
await createIdentity('Ada', deps);
const unlocked = await sample(200, () => loadIdentity(deps));
report({ bench: 'identity', metric: 'unlock_p50_ms', value: percentile(unlocked, 50), unit: 'ms' });
report({ bench: 'identity', metric: 'unlock_p95_ms', value: percentile(unlocked, 95), unit: 'ms' });
