// Evaluated before any module that builds a zod schema: first in open-early.ts (which the
// page's entry imports ahead of the chunk that holds zod) and first in the sync worker. zod
// probes `new Function` once to decide whether to compile its object parsers; the app's
// Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') refuses it, which reported a
// CSP violation at every start. Under `jitless` zod skips the probe and takes the interpreted
// path the refusal led to anyway. zod keeps its settings on this global (zod/v4/core/core.js),
// so setting it needs no import of zod here, and holds however the bundler orders chunks.

type ZodSettings = { __zod_globalConfig?: { jitless?: boolean } };

const settings = globalThis as ZodSettings;
settings.__zod_globalConfig = { ...settings.__zod_globalConfig, jitless: true };

// A module (for its side effect only).
export {};
