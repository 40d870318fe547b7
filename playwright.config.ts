import { defineConfig } from '@playwright/test';

const port = Number(process.env.FELLOWS_E2E_PORT ?? 4173);
const signalPort = Number(process.env.FELLOWS_E2E_SIGNAL_PORT ?? 4444);
/** This repo's signaling server, on loopback: the only server the e2e app may contact. */
export const SIGNALING = `ws://127.0.0.1:${signalPort}`;

/** Flags that keep Debian's Chromium quiet and let WebRTC use loopback (MACHINE-NOTES). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--allow-loopback-in-peer-connection',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Without a media permission Chromium offers no loopback ICE candidate.
    permissions: ['microphone'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', testIgnore: /electron\/.*/ },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `npx tsx signal/main.ts --host 127.0.0.1 --port ${signalPort}`,
      port: signalPort,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx vite build --logLevel warn && npx vite preview --strictPort --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      env: { VITE_FELLOWS_SIGNALING: SIGNALING },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
