// What a first load of the web app downloads, gzipped, read from Vite's build manifest: the
// entry chunk of index.html and every chunk it imports statically (what the page needs before
// it runs), apart from lazy chunks, CSS and the sync worker, which are counted on their own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from '../../shared/zod.ts';

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.optional(z.boolean()),
    imports: z.optional(z.array(z.string())),
    dynamicImports: z.optional(z.array(z.string())),
    css: z.optional(z.array(z.string())),
    assets: z.optional(z.array(z.string())),
  }),
);

export type BundleSizes = {
  /** The entry chunk and its static imports: JS run before the app can show anything. */
  initialJs: { files: string[]; bytes: number; gzip: number };
  css: { files: string[]; bytes: number; gzip: number };
  /** The sync engine's worker script, fetched as soon as the app starts. */
  worker: { files: string[]; bytes: number; gzip: number };
  /** Chunks loaded later, on demand. */
  lazyJs: { files: string[]; bytes: number; gzip: number };
};

/** gzip at zlib's default level (6), as web servers usually send it. */
function sizes(outDir: string, files: Iterable<string>) {
  const list = [...new Set(files)].sort();
  let bytes = 0;
  let gzip = 0;
  for (const file of list) {
    const content = readFileSync(join(outDir, file));
    bytes += content.length;
    gzip += gzipSync(content).length;
  }
  return { files: list, bytes, gzip };
}

export function bundleSizes(outDir: string): BundleSizes {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')),
  );
  const entry = manifest['index.html'];
  if (!entry?.isEntry) throw new Error('the build manifest has no index.html entry');
  const initial = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest lacks ${key}`);
    initial.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) walk(imported);
  };
  walk('index.html');
  const all = Object.values(manifest);
  const worker = all
    .flatMap((chunk) => chunk.assets ?? [])
    .filter((file) => /(^|\/)worker[^/]*\.js$/.test(file));
  const lazy = all
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith('.js') && !initial.has(file) && !worker.includes(file));
  return {
    initialJs: sizes(outDir, initial),
    css: sizes(outDir, css),
    worker: sizes(outDir, worker),
    lazyJs: sizes(outDir, lazy),
  };
}
