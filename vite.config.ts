import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.vite.ts';
import { contentSecurityPolicy } from './shared/csp.ts';

/** The web host: the same renderer, served as a plain page with the app's CSP. */
export default defineConfig({
  ...rendererConfig(resolve('dist/web')),
  server: { host: '127.0.0.1', port: 5173 },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    // The app may connect to the signaling servers it was built to offer, and nothing else.
    headers: { 'Content-Security-Policy': contentSecurityPolicy(signalingOrigins()) },
  },
});

function signalingOrigins(): string[] {
  return (process.env.VITE_FELLOWS_SIGNALING ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
}
