import { lazy, type ComponentType } from 'react';

/**
 * A component loaded on first use, apart from the app's first code: the screens and dialogs a
 * person opens (Settings, invite, join, search, group settings…), so that the code run at start
 * is only what the first screen draws (docs/benchmarks.md, UI). Render it inside `<Suspense>`.
 */
export function lazyNamed<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
