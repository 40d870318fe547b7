import type { AppInfo, VaultStatus } from '../../../shared/ipc/contract.ts';
import type { NotificationRequest, Unread } from '../../../shared/ipc/notification.ts';
import type { SubscribeToEvent } from '../../../shared/ipc/events.ts';

/** A failed platform call, carrying the bridge's error code for the UI to act on. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A small store for the few secrets the renderer must keep between runs. */
export type Vault = {
  status(): Promise<VaultStatus>;
  get(name: string): Promise<Uint8Array | null>;
  set(name: string, value: Uint8Array): Promise<void>;
  delete(name: string): Promise<void>;
};

/**
 * What the app needs from the host it runs in. Two implementations: Electron, through the
 * preload bridge, and a plain web page. The rest of the renderer sees only this.
 */
export type Platform = {
  readonly host: 'electron' | 'web';
  info(): Promise<AppInfo>;
  readonly vault: Vault;
  /** Opens an http(s) link in the person's own browser, never inside the app. */
  openExternal(url: string): Promise<void>;
  /**
   * Starts the app again in a fresh renderer (same data): how the sync host sheds the
   * peer connections Chromium never frees. Only at an idle moment (see sync/recycle.ts).
   */
  recycle(): Promise<void>;
  /**
   * Asks the desktop app for a native notification (text only; a click opens the group);
   * resolves false if none was shown (muted, unsupported, or a web page, which shows none).
   */
  notify(request: NotificationRequest): Promise<boolean>;
  /** Tells the desktop app the unread total for its badge and tray; a web page ignores it. */
  setUnread(unread: Unread): Promise<void>;
  /**
   * Listens for what the desktop app asks the page to open (a deep link, a clicked
   * notification's group), already checked by main and the preload. A web page hears none.
   */
  on: SubscribeToEvent;
};
