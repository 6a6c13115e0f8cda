/**
 * npm run icons: renders assets/icon.svg into public/icon/{16,32,48,96,128}.png (WXT puts them in the
 * manifest's icons) with Debian's Chromium through playwright-core: no native image library.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../tests/browser/local-chromium';

const ROOT = join(import.meta.dirname, '..');
export const ICON_SOURCE = join(ROOT, 'assets/icon.svg');
export const ICON_DIR = join(ROOT, 'public/icon');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** Writes `<size>.png` for every size into `outDir`. */
export async function renderIcons(outDir: string): Promise<void> {
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(null) });
  try {
    for (const size of ICON_SIZES) {
      // One device pixel per CSS pixel, so the PNG is exactly size × size and Chromium antialiases at that size.
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}</style><img src="${dataUrl}" width="${size}" height="${size}">`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({
        path: join(outDir, `${size}.png`),
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await renderIcons(ICON_DIR);
  console.log(`public/icon/: ${ICON_SIZES.join(', ')} px`);
}
