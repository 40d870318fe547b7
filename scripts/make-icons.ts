// Renders build/icon.svg to the PNG sizes the installers need, and the tray's icons and the
// Windows taskbar overlay to build/tray (shipped as an extra resource, see
// electron-builder.yml), with the same Chromium the e2e suite uses (no image tool to
// install). Run: npm run icons
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

const svg = readFileSync('build/icon.svg', 'utf8');
// The unread tray icon: the app icon with a red dot in its upper right corner.
const unreadDot =
  '<circle cx="800" cy="224" r="200" fill="#d93025" stroke="#fff" stroke-width="56"/></svg>';
const unreadSvg = svg.replace('</svg>', unreadDot);
// The taskbar overlay on Windows: a red dot the system draws over the app's icon.
const overlaySvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<circle cx="16" cy="16" r="14" fill="#d93025" stroke="#fff" stroke-width="3"/></svg>';

async function render(page: Page, source: string, size: number, paths: string[]): Promise<void> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
  );
  for (const path of paths) await page.screenshot({ path, omitBackground: true });
}

mkdirSync('build/icons', { recursive: true });
mkdirSync('build/tray', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of ICON_SIZES) {
  const paths = [`build/icons/${size}x${size}.png`];
  if (size === 1024) paths.push('build/icon.png');
  await render(page, svg, size, paths);
}
// 16 px, and @2x for high-density screens: nativeImage picks the `@2x` file up by itself.
for (const [scale, suffix] of [
  [1, ''],
  [2, '@2x'],
] as const) {
  await render(page, svg, 16 * scale, [`build/tray/tray${suffix}.png`]);
  await render(page, unreadSvg, 16 * scale, [`build/tray/tray-unread${suffix}.png`]);
  await render(page, overlaySvg, 16 * scale, [`build/tray/overlay${suffix}.png`]);
}
await browser.close();
console.info(
  `Wrote ${ICON_SIZES.length} icon sizes to build/icons and the tray icons to build/tray`,
);
