import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { buildShortcodeFile, SHORTCODE_SETS } from './scripts/emoji-shortcodes.ts';

type PackageJson = { version: string; productName: string };
const pkg = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as PackageJson;

/** The emoji picker's data for each app language (emojibase-data's en, nl and zh). */
const EMOJIBASE_FILES = ['en', 'nl', 'zh'].flatMap((locale) =>
  ['data.json', 'messages.json'].map((file) => `${locale}/${file}`),
);
/** The composer's `:shortcode:` tables, made from emojibase-data (scripts/emoji-shortcodes.ts). */
const SHORTCODE_FILES = new Map(
  Object.keys(SHORTCODE_SETS).map((locale) => [`${locale}/shortcodes.json`, locale]),
);

/**
 * Serves those files from the app's own origin as `emojibase/<locale>/<file>` (emitted into
 * the build, and answered by the dev server), so the emoji picker never asks a CDN.
 */
function emojibaseData(): Plugin {
  const read = (file: string) => {
    const locale = SHORTCODE_FILES.get(file);
    if (locale !== undefined) return JSON.stringify(buildShortcodeFile(locale));
    return readFileSync(createRequire(import.meta.url).resolve(`emojibase-data/${file}`));
  };
  const served = (file: string) => EMOJIBASE_FILES.includes(file) || SHORTCODE_FILES.has(file);
  return {
    name: 'fellows-emojibase-data',
    configureServer(server) {
      server.middlewares.use('/emojibase/', (request, response, next) => {
        const file = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!served(file)) {
          next();
          return;
        }
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(read(file));
      });
    },
    generateBundle() {
      for (const file of [...EMOJIBASE_FILES, ...SHORTCODE_FILES.keys()])
        this.emitFile({ type: 'asset', fileName: `emojibase/${file}`, source: read(file) });
    },
  };
}

/** The module that starts opening the app's databases (renderer/src/storage/open-early.ts). */
const EARLY = 'src/storage/open-early.ts';

/**
 * Loads that module from a script tag of its own, ahead of the app: Vite joins every module
 * script of index.html into one entry, which runs only once all of the app's chunks are loaded
 * (~300 ms here), and the databases' first open (150-380 ms) should start long before that
 * (docs/benchmarks.md, UI). main.tsx imports it too; a module runs once, whichever comes first.
 */
function earlyEntry(): Plugin {
  let root = '';
  return {
    name: 'fellows-early-entry',
    configResolved(config) {
      root = config.root;
    },
    options(options) {
      const input = options.input;
      const named =
        typeof input === 'string'
          ? { index: input }
          : Array.isArray(input)
            ? Object.fromEntries(input.map((file, i) => [`entry${String(i)}`, file]))
            : (input ?? {});
      return { ...options, input: { ...named, 'open-early': `${root}/${EARLY}` } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === 'open-early',
        );
        // The dev server has no bundle: the source module, by its URL.
        const src = chunk ? `./${chunk.fileName}` : `/${EARLY}`;
        if (context.bundle && !chunk) throw new Error('the build lacks the open-early entry');
        return [{ tag: 'script', attrs: { type: 'module', async: true, src }, injectTo: 'head' }];
      },
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
    plugins: [react(), emojibaseData(), earlyEntry()],
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
