// Fakes of Electron objects shared by main-process tests.
import { vi } from 'vitest';

/** A tray that records what main did to it. */
export function fakeTray() {
  return {
    setImage: vi.fn(),
    setToolTip: vi.fn(),
    setContextMenu: vi.fn(),
    on: vi.fn(),
    destroy: vi.fn(),
  };
}
