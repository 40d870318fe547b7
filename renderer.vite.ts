import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

type PackageJson = { version: string; productName: string };
const pkg = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as PackageJson;

/** The emoji picker's data for each app language (emojibase-data's en, nl and zh). */
const EMOJIBASE_FILES = ['en', 'nl', 'zh'].flatMap((locale) =>
  ['data.json', 'messages.json'].map((file) => `${locale}/${file}`),
);

/**
 * Serves those files from the app's own origin as `emojibase/<locale>/<file>` (emitted into
 * the build, and answered by the dev server), so the emoji picker never asks a CDN.
 */
function emojibaseData(): Plugin {
  const read = (file: string) =>
    readFileSync(createRequire(import.meta.url).resolve(`emojibase-data/${file}`));
  return {
    name: 'fellows-emojibase-data',
    configureServer(server) {
      server.middlewares.use('/emojibase/', (request, response, next) => {
        const file = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!EMOJIBASE_FILES.includes(file)) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(read(file));
      });
    },
    generateBundle() {
      for (const file of EMOJIBASE_FILES)
        this.emitFile({ type: 'asset', fileName: `emojibase/${file}`, source: read(file) });
    },
  };
}

/**
 * The renderer's Vite settings, shared by the Electron build (electron.vite.config.ts) and
 * the web host (vite.config.ts) so both serve the same app.
 */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root: 'renderer',
    base: './',
    plugins: [react(), emojibaseData()],
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
