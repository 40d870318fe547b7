// Renders build/icon.svg to the PNG sizes the installers need, with the same Chromium the
// e2e suite uses (no image tool to install). Run: npm run icons
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

const svg = readFileSync('build/icon.svg', 'utf8');
mkdirSync('build/icons', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of ICON_SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const paths = [`build/icons/${size}x${size}.png`];
  if (size === 1024) paths.push('build/icon.png');
  for (const path of paths) await page.screenshot({ path, omitBackground: true });
}
await browser.close();
console.info(`Wrote ${ICON_SIZES.length} icon sizes to build/icons`);
