import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { secureWebPreferences } from './security.ts';

/** The app's page background per theme, so the window never flashes the wrong colour. */
export const windowBackground = { dark: '#0f1115', light: '#f7f7f5' } as const;

/** The size of a first window, and the smallest the layout (groups beside a conversation) allows. */
export const defaultWindowSize = { width: 1100, height: 720 } as const;
export const minWindowSize = { width: 720, height: 480 } as const;

/**
 * The options of the main window: hidden until its first paint, and always with the
 * secure web preferences. `bounds` are the restored ones (`restoreBounds`), so the window
 * opens where the person left it instead of jumping there after it shows.
 */
export function mainWindowOptions(options: {
  preloadPath: string;
  dark: boolean;
  bounds?: Rectangle;
}): BrowserWindowConstructorOptions {
  return {
    title: 'Fellows',
    ...defaultWindowSize,
    ...options.bounds,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false,
    backgroundColor: options.dark ? windowBackground.dark : windowBackground.light,
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}
