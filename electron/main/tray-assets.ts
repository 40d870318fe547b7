import { join } from 'node:path';

/**
 * The tray's icons and the Windows taskbar overlay. Each has a `@2x` twin that
 * `nativeImage.createFromPath` picks up by itself on high-density screens. They are
 * rendered from build/icon.svg by `npm run icons`.
 */
export const trayAssetFiles = {
  idle: 'tray.png',
  unread: 'tray-unread.png',
  overlay: 'overlay.png',
} as const;

/** Where the app runs from: what decides where its extra resources are. */
export type AppLayout = {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.resourcesPath`: the installed app's resources folder. */
  resourcesPath: string;
  /** The folder of the built main bundle (`out/main`). */
  mainDir: string;
};

/**
 * The folder holding the tray assets. A packaged app has them as an extra resource
 * (`electron-builder.yml` copies build/tray to `<resources>/tray`, outside the asar, where
 * every system tray can read them); an unpackaged run reads build/tray from the checkout,
 * two levels above `out/main`.
 */
export function trayAssetsDir(layout: AppLayout): string {
  return layout.isPackaged
    ? join(layout.resourcesPath, 'tray')
    : join(layout.mainDir, '..', '..', 'build', 'tray');
}

/** The full path of each tray asset in this layout. */
export function trayAssetPaths(layout: AppLayout): Record<keyof typeof trayAssetFiles, string> {
  const dir = trayAssetsDir(layout);
  return {
    idle: join(dir, trayAssetFiles.idle),
    unread: join(dir, trayAssetFiles.unread),
    overlay: join(dir, trayAssetFiles.overlay),
  };
}
