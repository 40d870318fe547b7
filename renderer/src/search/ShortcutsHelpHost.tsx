import { Suspense, useState } from 'react';
import { lazyNamed } from '../app/lazy.ts';
import { useShortcutsHelpShortcut } from './shortcuts.ts';

// Loaded the first time it is asked for: it is not part of the first screen.
const ShortcutsHelp = lazyNamed(() => import('./ShortcutsHelp.tsx').then((m) => m.ShortcutsHelp));

/** Opens `ShortcutsHelp` on Ctrl+/ (⌘/), anywhere in the app. */
export function ShortcutsHelpHost() {
  const [open, setOpen] = useState(false);
  useShortcutsHelpShortcut(() => {
    setOpen(true);
  });
  return open ? (
    <Suspense fallback={null}>
      <ShortcutsHelp
        onClose={() => {
          setOpen(false);
        }}
      />
    </Suspense>
  ) : null;
}
