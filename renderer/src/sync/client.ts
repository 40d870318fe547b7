import * as Comlink from 'comlink';
import { encodeDeviceCertificate, encodeSignedName } from '../../../shared/identity/keys.ts';
import type { Identity } from '../identity/identity.ts';
import type { SyncApi, SyncEvent } from './api.ts';
import type { createNetworkHost, NetworkHost } from './network-host.ts';
import type { RoomStatus } from './webrtc-host.ts';
import { appSettings } from '../settings/app-settings.ts';
import { deferredHost } from './deferred-host.ts';

let stunAtStart: readonly string[] | null = null;

/**
 * The STUN servers the running network host was given, or null before it starts: rooms take
 * theirs when they open, so a change in Settings applies after a restart.
 */
export function stunServersInUse(): readonly string[] | null {
  return stunAtStart;
}

export type SyncClient = Comlink.Remote<SyncApi>;

let activeNetwork: NetworkHost | null = null;

/** A group's room as it is now (peers, signaling servers), read on the UI thread. */
export function roomStatus(group: string, epoch: number | null): RoomStatus | null {
  return activeNetwork?.status(group, epoch) ?? null;
}

type Spawned = { remote: SyncClient; failed: Promise<never> };

/**
 * The WebRTC host (simple-peer, y-webrtc, Yjs: a third of the app's code) is loaded apart from
 * the first screen's code, while the profile unlocks: nothing is drawn from it.
 */
type NetworkModule = { createNetworkHost: typeof createNetworkHost };
let networkModule: Promise<NetworkModule> | null = null;
const loadNetwork = () => (networkModule ??= import('./network-host.ts'));

/** The worker made by `prepareSyncEngine`, waiting for `startSyncEngine` to take it. */
let warm: Spawned | null = null;

function spawn(): Spawned {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'fellows-sync',
  });
  // A worker script that fails to load (or throws at its top level) never answers `start`:
  // turn that into an error the UI shows instead of waiting forever. Listening from the start,
  // as a prepared worker may fail before anyone calls it.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`the sync engine failed to load (${event.message || 'no details'})`));
    });
  });
  failed.catch(() => undefined);
  return { remote: Comlink.wrap<SyncApi>(worker), failed };
}

/**
 * Makes the sync-engine worker as the app loads, before the profile is unlocked, so that its
 * script loads meanwhile, and its database opens when there is one to open (`openStorage`: a
 * group was open last time; a first run creates none before there is a profile).
 * `startSyncEngine` then takes this worker. Call once databases may be opened (after a
 * requested erase).
 */
export function prepareSyncEngine(openStorage: boolean): void {
  if (warm) return;
  warm = spawn();
  loadNetwork().catch(() => undefined);
  if (!openStorage) return;
  warm.remote.prepare().catch((error: unknown) => {
    console.warn('fellows: the sync engine could not prepare', error);
  });
}

/**
 * Starts the sync-engine worker for this identity; events arrive on `listener`. `starting`
 * gets the worker as soon as it is asked to start: it answers searches while it opens the
 * groups (worker.ts), and nothing else until this resolves.
 */
export async function startSyncEngine(
  identity: Identity,
  listener: (event: SyncEvent) => void,
  starting: (remote: SyncClient) => void = () => undefined,
): Promise<{ remote: SyncClient; linkedOpened: boolean }> {
  const { remote, failed } = warm ?? spawn();
  warm = null;
  const settings = appSettings().get();
  // Never waited for: the engine starts now, and the rooms it joins wait for the host.
  const network = loadNetwork().then(({ createNetworkHost }) => {
    activeNetwork = createNetworkHost({ iceServers: settings.stun.map((url) => ({ urls: url })) });
    return activeNetwork;
  });
  network.catch((error: unknown) => {
    console.error('fellows: the network could not load; groups stay offline', error);
  });
  stunAtStart = settings.stun;
  const started = remote.start(
    {
      person: { publicKey: identity.person.publicKey, key: identity.personKey },
      device: { publicKey: identity.device.publicKey, key: identity.signingKey },
      boxSecret: identity.box.secretKey,
      certificate: encodeDeviceCertificate(identity.certificate),
      signedName: encodeSignedName(identity.name),
      storageKey: identity.storageKey,
    },
    Comlink.proxy(listener),
    // Only the STUN servers listed in Settings, none by default (DESIGN §6).
    // Comlink turns this proxy into a Remote on the worker's side; the API is typed from there.
    Comlink.proxy(deferredHost(network)) as unknown as Comlink.Remote<NetworkHost>,
    { signaling: settings.signaling, linked: identity.linkedGroups },
  );
  starting(remote);
  const { linkedOpened } = await Promise.race([started, failed]);
  return { remote, linkedOpened };
}
