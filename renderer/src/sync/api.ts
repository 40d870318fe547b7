import type { GroupSummary, JoinStatus, MyDevice } from '../../../shared/repo/repo.ts';
import type { NetworkHost } from './network-host.ts';
import type * as Comlink from 'comlink';
import type { Anchor, Page, PresenceItem } from '../../../shared/repo/handle.ts';
import type { MemberItem, Standing } from '../../../shared/repo/views.ts';
import type { JoinRequestItem } from '../../../shared/repo/admit.ts';
import type { Notice } from '../../../shared/repo/notices.ts';
import type { LinkOfferStatus } from '../../../shared/repo/link.ts';
import type { CreateGroupOptions } from './create-group-options.ts';
import type { SearchResults } from '../../../shared/search/searches.ts';

/**
 * What crosses into the sync-engine worker to unlock it: non-extractable CryptoKeys
 * (structured-cloneable) and the few bytes the core needs. Nothing here is written to disk.
 */
export type IdentityMaterial = {
  person: { publicKey: Uint8Array; key: CryptoKey };
  device: { publicKey: Uint8Array; key: CryptoKey };
  boxSecret: Uint8Array;
  certificate: Uint8Array;
  signedName: Uint8Array;
  storageKey: Uint8Array;
};

export type SyncEvent =
  | { type: 'groups' }
  | { type: 'messages'; groupId: string }
  | { type: 'members'; groupId: string }
  | { type: 'rejected'; groupId: string; reason: string; detail: string }
  | { type: 'fork'; groupId: string }
  | { type: 'presence'; groupId: string }
  | { type: 'delivery'; groupId: string }
  | { type: 'join'; joinId: number; status: JoinStatus }
  /** The offer to link a new device moved on (only one is open at a time). */
  | { type: 'link'; status: LinkOfferStatus };

/** What the person sees of an invite before anything is contacted (DESIGN §3). */
export type InvitePreview =
  | { ok: true; groupName: string; hosts: string[]; expiresAt: number | null }
  | { ok: false; message: string };

/** What the sync panel lists: blobs refused and forks found, newest first, with reasons. */
export type SyncReport = {
  rejected: { at: number; reason: string; detail: string }[];
  forks: { at: number; name: string; seq: number }[];
};

/**
 * Longest draft `setDraft` keeps: far above MAX_TEXT_LENGTH, so text pasted past the send limit
 * survives switching groups while the person shortens it.
 */
export const MAX_DRAFT_LENGTH = 200_000;

export type InviteOut = { code: string; link: string; expiresAt: number | null };

/** The sync engine's API, called from the UI thread through Comlink (DESIGN §1). */
export type SyncApi = {
  start(
    material: IdentityMaterial,
    listener: (event: SyncEvent) => void,
    network: Comlink.Remote<NetworkHost> | null,
    settings: { signaling: string[]; linked?: Uint8Array | null },
  ): Promise<{ linkedOpened: boolean }>;
  /**
   * Called as the app loads, before the keys are unlocked: opens the local database, so that
   * `start` finds it open. Optional; a second call does nothing.
   */
  prepare(): Promise<void>;
  groups(): Promise<GroupSummary[]>;
  /**
   * Creates a group with its history policy (fixed for good), whose members meet through
   * `signaling` (by default, the list given to start). Rejects options that do not parse.
   */
  createGroup(name: string, options: CreateGroupOptions): Promise<string>;
  previewInvite(code: string): Promise<InvitePreview>;
  /** Asks to join; progress arrives as `join` events with this id. */
  join(code: string): Promise<{ ok: true; joinId: number } | { ok: false; message: string }>;
  retryJoin(joinId: number): Promise<void>;
  page(groupId: string, anchor: Anchor, before: number, after: number): Promise<Page>;
  /** Sends a message; `mentions` are hex person keys of members named in it. */
  send(
    groupId: string,
    text: string,
    options?: { replyTo?: string; mentions?: string[] },
  ): Promise<string>;
  /** Changes the text of one of this person's messages. */
  edit(groupId: string, messageId: string, text: string): Promise<void>;
  /** Deletes one of this person's messages: every honest app hides it from then on. */
  remove(groupId: string, messageId: string): Promise<void>;
  /** Adds (`on`) or takes back this person's reaction with one emoji. */
  react(groupId: string, messageId: string, emoji: string, on: boolean): Promise<void>;
  /** Renames the group for everyone: admins only; rejects with a message to show. */
  rename(groupId: string, name: string): Promise<void>;
  /** The unsent text of a group's composer, kept in the worker's memory only (DESIGN §7). */
  draft(groupId: string): Promise<string>;
  setDraft(groupId: string, text: string): Promise<void>;
  markRead(groupId: string, messageId: string): Promise<void>;
  members(groupId: string): Promise<MemberItem[]>;
  /** Whether this device is still in the group (removed or left: read-only). */
  standing(groupId: string): Promise<Standing>;
  /** Removes a person (hex person key): admins only; rejects with a message to show. */
  removeMember(groupId: string, person: string): Promise<void>;
  /** Makes a member an admin: admins only. */
  promote(groupId: string, person: string): Promise<void>;
  /** Leaves the group; what this device holds stays, read-only. */
  leave(groupId: string): Promise<void>;
  /** Deletes a group this device is out of from it: log, keys, everything. */
  forget(groupId: string): Promise<void>;
  /** People asking to join who wait for an admin (empty unless this device is an admin's). */
  joinRequests(groupId: string): Promise<JoinRequestItem[]>;
  approveJoin(groupId: string, device: string): Promise<void>;
  declineJoin(groupId: string, device: string): Promise<void>;
  /** Whether new members need an admin's approval: admins only. */
  setApproveJoins(groupId: string, on: boolean): Promise<void>;
  /** Who joined, left, was removed or made admin, and device changes, in order. */
  notices(groupId: string): Promise<Notice[]>;
  invite(groupId: string): Promise<InviteOut>;
  /** Takes one device out of a group: one's own other device, or anyone's as an admin. */
  unlinkDevice(groupId: string, device: string): Promise<void>;
  /** This person's devices across the groups this device is in. */
  myDevices(): Promise<MyDevice[]>;
  /** Unlinks one of this person's other devices from every group; how many groups. */
  unlinkEverywhere(device: string): Promise<number>;
  /** Opens an offer to link a new device of this person; progress arrives as `link` events. */
  offerLink(): Promise<{ code: string; expiresAt: number }>;
  /** Lets the asking device in, handing it the person key (32-byte seed). */
  approveLink(personSeed: Uint8Array): Promise<void>;
  declineLink(): Promise<void>;
  cancelLink(): Promise<void>;
  presence(groupId: string): Promise<PresenceItem>;
  setTyping(groupId: string, typing: boolean): Promise<void>;
  syncReport(groupId: string): Promise<SyncReport>;
  /**
   * Messages with every word of `query` (≤ 200 characters; case and accents ignored; any
   * substring, so Chinese needs no spaces) in one group or all, newest first, at most `limit`
   * (50 unless asked). Indexes live in the worker's memory only. Rejects input that does not
   * parse with a message to show.
   */
  search(query: string, options?: { groupId?: string; limit?: number }): Promise<SearchResults>;
};
