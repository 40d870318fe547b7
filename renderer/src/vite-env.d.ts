/// <reference types="vite/client" />

declare const __APP_VERSION__: string;
declare const __APP_NAME__: string;

// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merges with Vite's
interface ImportMetaEnv {
  /** Comma-separated signaling URLs for new groups (from FELLOWS_SIGNALING at build time). */
  readonly VITE_FELLOWS_SIGNALING?: string;
}
