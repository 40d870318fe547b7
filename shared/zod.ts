/**
 * The one way into zod: its tree-shakable `zod/mini` build, with English messages.
 *
 * Classic `zod` builds every schema type and method into each bundle that imports it: ~93 kB
 * of the sync worker's 365 kB script, and as much in the page's first chunks, all evaluated
 * before the first screen (docs/benchmarks.md). `zod/mini` brings in only what the schemas
 * use (~26 kB with the English messages). Classic zod loads those messages itself; here they
 * are configured once, before any schema parses, since every schema module imports this one.
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
