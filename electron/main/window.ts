import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security.ts';

/** The app's page background per theme, so the window never flashes the wrong colour. */
export const windowBackground = { dark: '#0f1115', light: '#f7f7f5' } as const;

/**
 * The options of the main window: hidden until its first paint, and always with the
 * secure web preferences.
 */
export function mainWindowOptions(options: {
  preloadPath: string;
  dark: boolean;
}): BrowserWindowConstructorOptions {
  return {
    title: 'Fellows',
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: options.dark ? windowBackground.dark : windowBackground.light,
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}
