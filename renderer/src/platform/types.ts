import type { AppInfo, VaultStatus } from '../../../shared/ipc/contract.ts';

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

export type NotificationRequest = { title: string; body: string };

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
  /** Shows a desktop notification if the person allowed them; resolves false if not shown. */
  notify(request: NotificationRequest): Promise<boolean>;
};
