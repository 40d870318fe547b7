import * as Comlink from 'comlink';
import { encodeDeviceCertificate, encodeSignedName } from '../../../shared/identity/keys.ts';
import type { Identity } from '../identity/identity.ts';
import type { SyncApi, SyncEvent } from './api.ts';
import { createNetworkHost, type NetworkHost } from './network-host.ts';

/** The signaling servers new groups use, set at build time (FELLOWS_SIGNALING); none by default. */
export const DEFAULT_SIGNALING: string[] = (import.meta.env.VITE_FELLOWS_SIGNALING ?? '')
  .split(',')
  .map((url) => url.trim())
  .filter((url) => url !== '');

export type SyncClient = Comlink.Remote<SyncApi>;

/** Starts the sync-engine worker for this identity; events arrive on `listener`. */
export async function startSyncEngine(
  identity: Identity,
  listener: (event: SyncEvent) => void,
): Promise<SyncClient> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'fellows-sync',
  });
  const remote = Comlink.wrap<SyncApi>(worker);
  await remote.start(
    {
      person: { publicKey: identity.person.publicKey, key: identity.personKey },
      device: { publicKey: identity.device.publicKey, key: identity.signingKey },
      boxSecret: identity.box.secretKey,
      certificate: encodeDeviceCertificate(identity.certificate),
      signedName: encodeSignedName(identity.name),
      storageKey: identity.storageKey,
    },
    Comlink.proxy(listener),
    // No STUN by default: only servers the person can see are contacted (DESIGN §6).
    // Comlink turns this proxy into a Remote on the worker's side; the API is typed from there.
    Comlink.proxy(createNetworkHost({ iceServers: [] })) as unknown as Comlink.Remote<NetworkHost>,
    { signaling: DEFAULT_SIGNALING },
  );
  return remote;
}
