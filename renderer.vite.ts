import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

type PackageJson = { version: string; productName: string };
const pkg = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as PackageJson;

/**
 * The renderer's Vite settings, shared by the Electron build (electron.vite.config.ts) and
 * the web host (vite.config.ts) so both serve the same app.
 */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    define: {
      __APP_VERSION__: JSON.stringify(pkg.version),
      __APP_NAME__: JSON.stringify(pkg.productName),
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2023',
      sourcemap: true,
    },
    worker: { format: 'es' },
  };
}
