// Runs every benchmark in bench/ in turn; each prints one JSON line per figure.
// Run: npm run bench  (or: npm run bench -- identity  to run one)
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
if (files.length === 0) throw new Error(`no benchmark matches ${only ?? '*'}`);
for (const file of files) {
  await import(new URL(file, import.meta.url).href);
}
