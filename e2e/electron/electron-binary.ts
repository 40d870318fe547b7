import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';

/**
 * Where the Electron binary is, or why it is not there. Reads electron's own path.txt rather
 * than requiring the `electron` package, which would try to download the binary.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  if (process.env.FELLOWS_ELECTRON_PATH) {
    return existsSync(process.env.FELLOWS_ELECTRON_PATH)
      ? { path: process.env.FELLOWS_ELECTRON_PATH }
      : {
          missing: `FELLOWS_ELECTRON_PATH points at ${process.env.FELLOWS_ELECTRON_PATH}, which does not exist`,
        };
  }
  const packageDir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary is not installed (node_modules/electron/path.txt is absent: it is downloaded on first `npm start`, which needs internet)',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

/** The binary's path, in a suite that is skipped when it is missing. */
export function electronPath(): string {
  const binary = findElectronBinary();
  if (!('path' in binary)) throw new Error('unreachable: the suite is skipped');
  return binary.path;
}

/** Arguments that start the built app with this test's own profile folder. */
export function appArgs(extra: readonly string[] = []): string[] {
  return ['out/main/index.js', `--user-data-dir=${test.info().outputPath('user-data')}`, ...extra];
}

/** Launches the built app under Playwright with this test's own profile folder. */
export function launchFellows(extra: readonly string[] = []): Promise<ElectronApplication> {
  return electron.launch({ executablePath: electronPath(), args: appArgs(extra) });
}
