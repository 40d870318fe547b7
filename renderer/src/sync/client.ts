import * as Comlink from 'comlink';
import { encodeDeviceCertificate, encodeSignedName } from '../../../shared/identity/keys.ts';
import type { Identity } from '../identity/identity.ts';
import type { SyncApi, SyncEvent } from './api.ts';

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
  );
  return remote;
}
