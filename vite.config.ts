import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.vite.ts';
import { contentSecurityPolicy, SIGNALING_SCHEMES } from './shared/csp.ts';

/** The web host: the same renderer, served as a plain page with the app's CSP. */
export default defineConfig({
  // FELLOWS_WEB_OUT lets several e2e runs on one machine build side by side.
  ...rendererConfig(resolve(process.env.FELLOWS_WEB_OUT ?? 'dist/web')),
  server: { host: '127.0.0.1', port: 5173 },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    // Groups name their own signaling servers (see shared/csp.ts), hence the ws/wss schemes.
    headers: { 'Content-Security-Policy': contentSecurityPolicy([...SIGNALING_SCHEMES]) },
  },
});
