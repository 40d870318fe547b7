import type { FellowsBridge } from '../../../shared/ipc/contract.ts';
import { browserPlatform } from './browser.ts';
import { electronPlatform } from './electron.ts';
import type { Platform } from './types.ts';

declare global {
  // Declaration merging onto the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Present only inside Electron: the preload's one typed bridge. */
    fellows?: FellowsBridge;
  }
}

/** Picks the platform for the host this page is running in. */
export function detectPlatform(): Platform {
  return window.fellows ? electronPlatform(window.fellows) : browserPlatform();
}

export type { Platform } from './types.ts';
export { PlatformError } from './types.ts';
