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

/** What the host lets the app do about notifications ('ask' until the person has answered). */
export type NotificationAccess = 'granted' | 'ask' | 'denied' | 'unsupported';

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
   * Shows a notification (text only; a click opens the group): through main in the desktop
   * app, with the Notification API in a web page. Resolves false if none was shown (muted,
   * unsupported, or not allowed by the browser).
   */
  notify(request: NotificationRequest): Promise<boolean>;
  /** Whether notifications may be shown; the desktop app always may (its system decides). */
  notificationAccess(): NotificationAccess;
  /**
   * Asks the browser for permission to notify, at most once: only from a click (a browser
   * ignores or blocks the question otherwise). The desktop app needs none.
   */
  requestNotificationAccess(): Promise<NotificationAccess>;
  /** Tells the desktop app the unread total for its badge and tray; a web page ignores it. */
  setUnread(unread: Unread): Promise<void>;
  /**
   * Listens for what the desktop app asks the page to open (a deep link, a clicked
   * notification's group), already checked by main and the preload. A web page hears only
   * its own clicked notifications.
   */
  on: SubscribeToEvent;
};
