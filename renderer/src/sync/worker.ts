/// <reference lib="webworker" />
// The sync-engine worker: the group core, its crypto and its storage live here so that opening
// a large group or catching up never blocks the UI thread (DESIGN §1).
import * as Comlink from 'comlink';
import { bestEd25519, type Signer } from '../../../shared/crypto/ed25519.ts';
import type { WebCryptoLike } from '../../../shared/crypto/webcrypto.ts';
import {
  boxKeyPairFromSecret,
  decodeDeviceCertificate,
  decodeSignedName,
} from '../../../shared/identity/keys.ts';
import { inviteLink, encodeInvite } from '../../../shared/invite/code.ts';
import { createRepo, type Repo } from '../../../shared/repo/repo.ts';
import { createSealer } from '../../../shared/storage/sealer.ts';
import { indexedDbRepoStorage } from '../storage/idb-storage.ts';
import type { IdentityMaterial, SyncApi, SyncEvent } from './api.ts';
import { offlineNetwork } from './offline-network.ts';

const webCrypto = crypto as unknown as WebCryptoLike;

function signerOf(part: IdentityMaterial['person']): Signer {
  return {
    publicKey: part.publicKey,
    sign: async (message) =>
      new Uint8Array(await crypto.subtle.sign('Ed25519', part.key, message as BufferSource)),
  };
}

let repo: Repo | null = null;

function requireRepo(): Repo {
  if (!repo) throw new Error('the sync engine has not started');
  return repo;
}

function group(id: string) {
  const handle = requireRepo().get(id);
  if (!handle) throw new Error('no such group on this device');
  return handle;
}

const api: SyncApi = {
  async start(material, listener) {
    if (repo) return;
    const emit = (event: SyncEvent) => {
      listener(event);
    };
    repo = await createRepo({
      identity: {
        person: signerOf(material.person),
        device: signerOf(material.device),
        box: boxKeyPairFromSecret(material.boxSecret),
        certificate: decodeDeviceCertificate(material.certificate),
        name: decodeSignedName(material.signedName),
      },
      ed: await bestEd25519(webCrypto),
      sealer: await createSealer(webCrypto, material.storageKey),
      storage: await indexedDbRepoStorage(),
      network: offlineNetwork(),
      now: () => Date.now(),
      random: (length) => crypto.getRandomValues(new Uint8Array(length)),
    });
    const watch = (id: string) => {
      const handle = requireRepo().get(id);
      handle?.on('messages', () => {
        emit({ type: 'messages', groupId: id });
      });
      handle?.on('members', () => {
        emit({ type: 'members', groupId: id });
      });
      handle?.on('rejected', (r) => {
        emit({ type: 'rejected', groupId: id, reason: r.reason, detail: r.detail });
      });
    };
    const watched = new Set<string>();
    const watchAll = () => {
      for (const { id } of requireRepo().list()) {
        if (!watched.has(id)) {
          watched.add(id);
          watch(id);
        }
      }
    };
    watchAll();
    repo.events.on('groups', () => {
      watchAll();
      emit({ type: 'groups' });
    });
  },
  groups: () => Promise.resolve(requireRepo().list()),
  async createGroup(name) {
    const handle = await requireRepo().create({ name, signaling: [] });
    return handle.id;
  },
  page: (id, anchor, before, after) => Promise.resolve(group(id).page(anchor, before, after)),
  send: (id, text, options) => group(id).send(text, options),
  markRead: (id, messageId) => group(id).markRead(messageId),
  members: (id) => Promise.resolve(group(id).members()),
  async invite(id) {
    const invite = await group(id).invite();
    return { code: encodeInvite(invite), link: inviteLink(invite), expiresAt: invite.expiresAt };
  },
};

Comlink.expose(api);
