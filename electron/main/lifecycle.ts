/**
 * Whether the app is on its way out. Closing the main window only hides it (Fellows keeps
 * syncing from the tray), so the close handler must know when a close is part of a real
 * quit: "Quit Fellows" in the tray, Cmd+Q, the OS logging out. Whoever starts a quit marks
 * it first; the window's close handler reads it.
 */
export type Lifecycle = {
  isQuitting(): boolean;
  markQuitting(): void;
};

/** A fresh lifecycle state; tests make their own, the app uses `lifecycle` below. */
export function createLifecycle(): Lifecycle {
  let quitting = false;
  return {
    isQuitting: () => quitting,
    markQuitting: () => {
      quitting = true;
    },
  };
}

/** The app's one lifecycle state, shared by the tray, the window and `before-quit`. */
export const lifecycle: Lifecycle = createLifecycle();
export const isQuitting = (): boolean => lifecycle.isQuitting();
export const markQuitting = (): void => {
  lifecycle.markQuitting();
};
