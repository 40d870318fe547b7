/// <reference lib="webworker" />
// The sync-engine worker: the group core, its crypto and its storage live here so that opening
// a large group or catching up never blocks the UI thread (DESIGN §1).
// First of all: before any module builds a zod schema (zod-jitless.ts says why).
import '../app/zod-jitless.ts';
import * as Comlink from 'comlink';
import { bestEd25519 } from '../../../shared/crypto/ed25519.ts';
import type { WebCryptoLike } from '../../../shared/crypto/webcrypto.ts';
import {
  boxKeyPairFromSecret,
  decodeDeviceCertificate,
  decodeSignedName,
} from '../../../shared/identity/keys.ts';
import { inviteLink, encodeInvite } from '../../../shared/invite/code.ts';
import {
  createRepo,
  type GroupSummary,
  type PendingJoin,
  type Repo,
} from '../../../shared/repo/repo.ts';
import type { LinkOfferSession } from '../../../shared/repo/link.ts';
import { decodeLinkedGroups } from '../../../shared/link/protocol.ts';
import { logWarn } from '../../../shared/log.ts';
import { remoteNetwork } from './remote-network.ts';
import { createSealer, type Sealer } from '../../../shared/storage/sealer.ts';
import { saveGroupsWindow } from '../../../shared/repo/groups-window.ts';
import type { RepoStorage } from '../../../shared/repo/records.ts';
import { cryptoKeySigner } from '../identity/signer.ts';
import { indexedDbRepoStorage } from '../storage/idb-storage.ts';
import { MAX_DRAFT_LENGTH, type SyncApi, type SyncEvent, type SyncReport } from './api.ts';
import { parseCreateGroupOptions } from './create-group-options.ts';
import { offlineNetwork } from './offline-network.ts';
import { MAX_MENTIONS } from '../../../shared/content/schema.ts';
import { parseSearchRequest } from '../../../shared/search/request.ts';
import { createSearches } from '../../../shared/search/searches.ts';
import { speedUpYjsStrings } from './fast-strings.ts';
import { createOpening, type Opening } from './opening.ts';
import { carryRefusals } from './refusal-transfer.ts';

speedUpYjsStrings();

const webCrypto = crypto as unknown as WebCryptoLike;

let repo: Repo | null = null;
/** The storage `prepare` opened before the keys came, for `start` to take. */
let prepared: Promise<RepoStorage> | null = null;
let emit: ((event: SyncEvent) => void) | null = null;
let defaultSignaling: string[] = [];
let joinCounter = 0;
const JOIN_RETRY_MS = 3000;
const joins = new Map<number, PendingJoin>();
let linkOffer: LinkOfferSession | null = null;
/** Per group, what the sync panel shows; the newest REPORT_LIMIT of each. */
const reports = new Map<string, SyncReport>();
const REPORT_LIMIT = 100;
/** Unsent text per group: memory only, gone when the app closes (DESIGN §7). */
const drafts = new Map<string, string>();
/** Seals the group list the UI last asked for, a moment after (groups-window.ts). */
let saveList: ((list: GroupSummary[]) => void) | null = null;
const LIST_QUIET_MS = 1_000;

/**
 * The sidebar's list as last shown, sealed for the next start's first screen: at most once a
 * second while the list changes (the UI asks for it after every change), and only when it did.
 */
function listSaver(storage: RepoStorage, sealer: Sealer): (list: GroupSummary[]) => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: GroupSummary[] = [];
  let saved = '';
  return (list) => {
    latest = list;
    timer ??= setTimeout(() => {
      timer = null;
      const plain = JSON.stringify(latest);
      if (plain === saved) return;
      saved = plain;
      saveGroupsWindow(storage, sealer, latest).catch((error: unknown) => {
        saved = '';
        logWarn('fellows: could not save the group list', error);
      });
    }, LIST_QUIET_MS);
  };
}

/** Search indexes, built when a group is first searched: memory only (DESIGN §7). */
const searches = createSearches();

/** Groups whose search index was built ahead, once each (`warmSearch`). */
const warmed = new Set<string>();

/**
 * Builds a group's search index once the page the UI asked for is on its way (a task later), so
 * that its first search finds the whole history at once: it is the group being read.
 */
function warmSearch(handle: NonNullable<ReturnType<Repo['get']>>): void {
  if (warmed.has(handle.id)) return;
  warmed.add(handle.id);
  setTimeout(() => {
    if (requireRepo().get(handle.id) === handle) searches.warm(handle);
  }, 0);
}

function reportOf(id: string): SyncReport {
  let report = reports.get(id);
  if (!report) {
    report = { rejected: [], forks: [] };
    reports.set(id, report);
  }
  return report;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Ed25519 implementation, probed as the worker loads: a WebCrypto key import, a signature
 * and a check (60-100 ms, mostly waiting) that `start` no longer waits for.
 */
const ed25519 = bestEd25519(webCrypto);

/** While `start` opens the groups: what a search may be answered from meanwhile. */
let opening: Opening | null = null;

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
  async start(material, listener, networkHost, settings) {
    defaultSignaling = settings.signaling;
    if (repo) return { linkedOpened: false };
    const send = (event: SyncEvent) => {
      listener(event);
    };
    emit = send;
    const progress = createOpening();
    opening = progress;
    try {
      const storage = prepared ?? indexedDbRepoStorage();
      prepared = null;
      const sealer = await createSealer(webCrypto, material.storageKey);
      saveList = listSaver(await storage, sealer);
      repo = await createRepo({
        identity: {
          person: cryptoKeySigner(material.person.publicKey, material.person.key),
          device: cryptoKeySigner(material.device.publicKey, material.device.key),
          box: boxKeyPairFromSecret(material.boxSecret),
          certificate: decodeDeviceCertificate(material.certificate),
          name: decodeSignedName(material.signedName),
        },
        ed: await ed25519,
        sealer,
        storage: await storage,
        network: networkHost ? remoteNetwork(networkHost) : offlineNetwork(),
        now: () => Date.now(),
        random: (length) => crypto.getRandomValues(new Uint8Array(length)),
        opening: progress,
      });
    } finally {
      opening = null;
      progress.finish();
    }
    const watch = (id: string) => {
      const handle = requireRepo().get(id);
      handle?.on('messages', () => {
        send({ type: 'messages', groupId: id });
      });
      handle?.on('members', () => {
        send({ type: 'members', groupId: id });
      });
      handle?.on('requests', () => {
        send({ type: 'members', groupId: id });
      });
      handle?.on('rejected', (r) => {
        const report = reportOf(id);
        report.rejected.unshift({ at: Date.now(), reason: r.reason, detail: r.detail });
        report.rejected.length = Math.min(report.rejected.length, REPORT_LIMIT);
        send({ type: 'rejected', groupId: id, reason: r.reason, detail: r.detail });
      });
      handle?.on('fork', (f) => {
        const report = reportOf(id);
        report.forks.unshift({ at: Date.now(), name: f.name, seq: f.seq });
        report.forks.length = Math.min(report.forks.length, REPORT_LIMIT);
        send({ type: 'fork', groupId: id });
      });
      handle?.on('presence', () => {
        send({ type: 'presence', groupId: id });
      });
      handle?.on('delivery', () => {
        send({ type: 'delivery', groupId: id });
      });
    };
    const watched = new Set<string>();
    // By id only: `list()` counts every group's unread messages, far too dear to run on each
    // change during a catch-up (docs/benchmarks.md, UI).
    const watchAll = (ids: readonly string[]) => {
      for (const id of ids) {
        if (!watched.has(id)) {
          watched.add(id);
          watch(id);
        }
      }
    };
    watchAll(repo.list().map((group) => group.id));
    repo.events.on('groups', ({ ids }) => {
      watchAll(ids);
      send({ type: 'groups' });
    });
    if (!(settings.linked instanceof Uint8Array)) return { linkedOpened: false };
    // A device just linked: open the groups its person's other device handed it.
    try {
      await repo.adoptLinked(decodeLinkedGroups(settings.linked));
      return { linkedOpened: true };
    } catch (error) {
      logWarn('fellows: the groups handed to this device could not be opened', error);
      return { linkedOpened: false };
    }
  },
  prepare() {
    if (prepared || repo) return Promise.resolve();
    prepared = indexedDbRepoStorage();
    // `start` sees its failure; until then it is not an unhandled one.
    prepared.catch(() => undefined);
    return Promise.resolve();
  },
  groups() {
    const list = requireRepo().list();
    saveList?.(list);
    return Promise.resolve(list);
  },
  async createGroup(name, options) {
    const { historyPolicy, signaling } = parseCreateGroupOptions(options);
    const handle = await requireRepo().create({
      name,
      signaling: signaling ?? defaultSignaling,
      settings: { historyPolicy },
    });
    return handle.id;
  },
  previewInvite(code) {
    try {
      const preview = requireRepo().previewInvite(code);
      return Promise.resolve({
        ok: true,
        groupName: preview.groupName,
        hosts: preview.hosts,
        expiresAt: preview.expiresAt,
      });
    } catch (error) {
      return Promise.resolve({ ok: false, message: messageOf(error) });
    }
  },
  async join(code) {
    try {
      const pending = await requireRepo().join(code);
      const joinId = ++joinCounter;
      joins.set(joinId, pending);
      // Ask again every few seconds while nobody has answered: the signaling server keeps no
      // history, so a member who comes online later only hears a request sent after that.
      const retry = setInterval(() => {
        pending.retry();
      }, JOIN_RETRY_MS);
      pending.on((status) => {
        if (status.state !== 'waiting') clearInterval(retry);
        emit?.({ type: 'join', joinId, status });
      });
      return { ok: true, joinId };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  },
  retryJoin(joinId) {
    joins.get(joinId)?.retry();
    return Promise.resolve();
  },
  page(id, anchor, before, after) {
    const handle = group(id);
    const page = handle.page(anchor, before, after);
    warmSearch(handle);
    return Promise.resolve(page);
  },
  send: (id, text, options) => group(id).send(text, sendOptions(options)),
  edit: (id, messageId, text) => group(id).edit(messageIdOf(messageId), text),
  remove: (id, messageId) => group(id).remove(messageIdOf(messageId)),
  react(id, messageId, emoji, on) {
    if (typeof on !== 'boolean') throw new TypeError('not a yes or no');
    return group(id).react(messageIdOf(messageId), emoji, on);
  },
  rename: (id, name) => group(id).rename(name),
  draft: (id) => Promise.resolve(drafts.get(id) ?? ''),
  setDraft(id, text) {
    if (typeof text !== 'string' || text.length > MAX_DRAFT_LENGTH)
      throw new TypeError('not a draft');
    if (text === '') drafts.delete(id);
    else drafts.set(group(id).id, text);
    return Promise.resolve();
  },
  markRead: (id, messageId) => group(id).markRead(messageId),
  members: (id) => Promise.resolve(group(id).members()),
  standing: (id) => Promise.resolve(group(id).standing()),
  removeMember: (id, person) => group(id).removeMember(hexKey(person)),
  promote: (id, person) => group(id).promote(hexKey(person)),
  leave: (id) => group(id).leave(),
  async forget(id) {
    await requireRepo().forget(group(id).id);
    searches.forget(id);
    warmed.delete(id);
  },
  joinRequests: (id) => Promise.resolve(group(id).joinRequests()),
  notices: (id) => Promise.resolve(group(id).notices()),
  approveJoin: (id, device) => group(id).approveJoin(hexKey(device)),
  declineJoin(id, device) {
    group(id).declineJoin(hexKey(device));
    return Promise.resolve();
  },
  setApproveJoins(id, on) {
    if (typeof on !== 'boolean') throw new TypeError('not a yes or no');
    return group(id).setApproveJoins(on);
  },
  presence: (id) => Promise.resolve(group(id).presence()),
  setTyping(id, typing) {
    group(id).setTyping(typing);
    return Promise.resolve();
  },
  syncReport(id) {
    group(id);
    const report = reportOf(id);
    return Promise.resolve({ rejected: [...report.rejected], forks: [...report.forks] });
  },
  unlinkDevice: (id, device) => group(id).unlinkDevice(hexKey(device)),
  myDevices: () => Promise.resolve(requireRepo().myDevices()),
  unlinkEverywhere: (device) => requireRepo().unlinkEverywhere(hexKey(device)),
  offerLink() {
    linkOffer?.cancel();
    const session = requireRepo().offerLink(defaultSignaling);
    linkOffer = session;
    session.on((status) => {
      if (linkOffer === session) emit?.({ type: 'link', status });
    });
    return Promise.resolve({ code: session.code, expiresAt: session.expiresAt });
  },
  approveLink(personSeed) {
    if (!(personSeed instanceof Uint8Array) || personSeed.length !== 32)
      throw new TypeError('not a person key');
    if (!linkOffer) throw new Error('No device is asking to be linked.');
    return linkOffer.approve(personSeed);
  },
  declineLink() {
    linkOffer?.decline();
    return Promise.resolve();
  },
  cancelLink() {
    linkOffer?.cancel();
    linkOffer = null;
    return Promise.resolve();
  },
  async search(query, options) {
    const request = parseSearchRequest(query, options);
    if (!repo && opening) {
      // While the groups open: as soon as those asked about can be searched.
      const early = await opening.whenAnswerable(request.groupId);
      if (early) return searches.search(request, early);
    }
    const open = requireRepo();
    const groups =
      request.groupId === null
        ? open.list().flatMap(({ id }) => open.get(id) ?? [])
        : [group(request.groupId)];
    return searches.search(request, groups);
  },
  async invite(id) {
    const invite = await group(id).invite();
    return { code: encodeInvite(invite), link: inviteLink(invite), expiresAt: invite.expiresAt };
  },
};

/** What `send` may be asked for: a message id to reply to, and hex person keys it mentions. */
function sendOptions(options: unknown): { replyTo?: string; mentions?: string[] } {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) throw new TypeError('not send options');
  const { replyTo, mentions } = options as { replyTo?: unknown; mentions?: unknown };
  if (mentions !== undefined && (!Array.isArray(mentions) || mentions.length > MAX_MENTIONS))
    throw new TypeError('not a list of mentions');
  return {
    ...(replyTo === undefined ? {} : { replyTo: messageIdOf(replyTo) }),
    ...(mentions === undefined ? {} : { mentions: [...new Set(mentions.map(hexKey))] }),
  };
}

/** A message id as the UI got it from a page: a short string, checked further by the core. */
function messageIdOf(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200)
    throw new TypeError('not a message id');
  return value;
}

/** A person's or device's key as the UI names it: 32 bytes of lower-case hex, or refused. */
function hexKey(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw new TypeError('not a key');
  return value;
}

carryRefusals();
Comlink.expose(api);
