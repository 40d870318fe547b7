import type { GroupSummary } from '../../../shared/repo/repo.ts';
import type { Anchor, Page } from '../../../shared/repo/handle.ts';
import type { MemberItem } from '../../../shared/repo/views.ts';

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
  | { type: 'rejected'; groupId: string; reason: string; detail: string };

export type InviteOut = { code: string; link: string; expiresAt: number | null };

/** The sync engine's API, called from the UI thread through Comlink (DESIGN §1). */
export type SyncApi = {
  start(material: IdentityMaterial, listener: (event: SyncEvent) => void): Promise<void>;
  groups(): Promise<GroupSummary[]>;
  createGroup(name: string): Promise<string>;
  page(groupId: string, anchor: Anchor, before: number, after: number): Promise<Page>;
  send(groupId: string, text: string, options?: { replyTo?: string }): Promise<string>;
  markRead(groupId: string, messageId: string): Promise<void>;
  members(groupId: string): Promise<MemberItem[]>;
  invite(groupId: string): Promise<InviteOut>;
};
