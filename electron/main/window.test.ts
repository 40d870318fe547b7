import { describe, expect, it } from 'vitest';
import { mainWindowOptions, windowBackground } from './window.ts';

describe('mainWindowOptions', () => {
  it('stays hidden until painted and keeps a usable minimum size', () => {
    const options = mainWindowOptions({ preloadPath: '/p/index.cjs', dark: false });
    expect(options).toMatchObject({
      title: 'Fellows',
      show: false,
      width: 1100,
      height: 720,
      minWidth: 720,
      minHeight: 480,
    });
  });

  it("matches the theme's background", () => {
    expect(mainWindowOptions({ preloadPath: '', dark: true }).backgroundColor).toBe(
      windowBackground.dark,
    );
    expect(mainWindowOptions({ preloadPath: '', dark: false }).backgroundColor).toBe('#f7f7f5');
  });

  it('uses the secure web preferences with the given preload', () => {
    const prefs = mainWindowOptions({ preloadPath: '/p/index.cjs', dark: true }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });
});
