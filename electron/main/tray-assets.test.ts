import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { trayAssetFiles, trayAssetPaths, trayAssetsDir } from './tray-assets.ts';

const repo = resolve(import.meta.dirname, '..', '..');
// electron-vite builds main into out/main (electron.vite.config.ts).
const mainDir = join(repo, 'out', 'main');

type ExtraResource = { from: string; to: string; filter?: string[] };

function extraResources(): ExtraResource[] {
  const config = parse(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as {
    extraResources?: ExtraResource[];
  };
  return config.extraResources ?? [];
}

describe('tray assets', () => {
  it('an unpackaged run reads them from build/tray in the checkout', () => {
    const layout = { isPackaged: false, resourcesPath: '/nowhere', mainDir };
    expect(trayAssetsDir(layout)).toBe(join(repo, 'build', 'tray'));
    for (const path of Object.values(trayAssetPaths(layout))) {
      expect(existsSync(path), path).toBe(true);
    }
  });

  it('each icon has its @2x twin for high-density screens', () => {
    const dir = join(repo, 'build', 'tray');
    for (const file of Object.values(trayAssetFiles)) {
      expect(existsSync(join(dir, file.replace('.png', '@2x.png'))), file).toBe(true);
    }
  });

  it('a packaged app reads them from the resources folder, where the builder copies them', () => {
    const resourcesPath = join('/opt', 'Fellows', 'resources');
    const layout = { isPackaged: true, resourcesPath, mainDir: '/app.asar/out/main' };
    const paths = trayAssetPaths(layout);
    // Each packaged path must come from an extraResources entry whose source file exists.
    for (const [name, path] of Object.entries(paths)) {
      const inResources = relative(resourcesPath, path);
      const entry = extraResources().find(
        (e) => inResources.startsWith(`${e.to}/`) || inResources.startsWith(`${e.to}\\`),
      );
      expect(entry, `${name}: no extraResources entry ships ${inResources}`).toBeDefined();
      const source = join(repo, entry!.from, relative(entry!.to, inResources));
      expect(existsSync(source), source).toBe(true);
      expect(entry!.filter ?? ['*.png']).toContain('*.png');
    }
  });

  it('never reads them from inside the asar, which some system trays cannot open', () => {
    const layout = { isPackaged: true, resourcesPath: '/r', mainDir: '/r/app.asar/out/main' };
    expect(trayAssetsDir(layout)).not.toContain('app.asar');
  });
});
