/** What closing the main window does: hide it (Fellows keeps syncing) or really close it. */
export type CloseDecision = 'hide' | 'close';

/**
 * Closing the window hides it wherever the platform expects an app to keep running: on
 * macOS always (the app stays in the Dock; Cmd+Q quits), on Windows and Linux when there is
 * a tray icon to bring it back. The sync engine lives in the window's renderer, so hiding
 * is what keeps Fellows syncing and relaying. A close that is part of a quit always closes.
 */
export function onCloseDecision(
  platform: NodeJS.Platform,
  state: { quitting: boolean; trayAvailable: boolean },
): CloseDecision {
  if (state.quitting) return 'close';
  if (platform === 'darwin') return 'hide';
  return state.trayAvailable ? 'hide' : 'close';
}

type Preventable = { preventDefault(): void };

/** The part of Electron's `BrowserWindow` the close handler wires. */
export type HidableWindow = {
  on(event: 'close', listener: (event: Preventable) => void): unknown;
  on(event: 'session-end', listener: () => void): unknown;
  once(event: 'leave-full-screen', listener: () => void): unknown;
  hide(): void;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
};

export type HideOnCloseDeps = {
  platform: NodeJS.Platform;
  /** Whether a quit is under way (`lifecycle.isQuitting`). */
  isQuitting: () => boolean;
  /** Marks a quit (`lifecycle.markQuitting`): Windows ending the session is one. */
  markQuitting: () => void;
  /** Whether a tray icon is showing now, so the person can bring the window back. */
  trayAvailable: () => boolean;
};

/** Makes the window's close button hide it instead, per `onCloseDecision`. */
export function installHideOnClose(window: HidableWindow, deps: HideOnCloseDeps): void {
  // Windows logging off or shutting down: let the window close, or Windows would report
  // Fellows as an app that is stopping it.
  window.on('session-end', deps.markQuitting);
  window.on('close', (event) => {
    const decision = onCloseDecision(deps.platform, {
      quitting: deps.isQuitting(),
      trayAvailable: deps.trayAvailable(),
    });
    if (decision === 'close') return;
    event.preventDefault();
    // A hidden full-screen window on macOS leaves an empty black Space behind: leave
    // full screen first, then hide.
    if (deps.platform === 'darwin' && window.isFullScreen()) {
      window.once('leave-full-screen', () => {
        window.hide();
      });
      window.setFullScreen(false);
      return;
    }
    window.hide();
  });
}
