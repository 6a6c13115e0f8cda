/**
 * The committed icons are the current source's: public/icon/*.png match what `npm run icons` renders from
 * assets/icon.svg now (pixel by pixel, within a small tolerance for another Chromium's antialiasing).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { ICON_DIR, ICON_SIZES, renderIcons } from '../../scripts/icons';
import { CHROMIUM, chromiumArgs } from './local-chromium';

const fresh = mkdtempSync(join(tmpdir(), 'jpl-icons-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

test('public/icon holds every size, rendered from assets/icon.svg as it is now', async () => {
  await renderIcons(fresh);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(null) });
  try {
    const page = await browser.newPage();
    for (const size of ICON_SIZES) {
      const dataUrl = (dir: string) =>
        `data:image/png;base64,${readFileSync(join(dir, `${size}.png`)).toString('base64')}`;
      const comparison = await page.evaluate(
        async ([committed, rendered]) => {
          const pixels = async (url: string) => {
            const image = new Image();
            image.src = url;
            await image.decode();
            const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            return {
              width: image.naturalWidth,
              height: image.naturalHeight,
              data: context.getImageData(0, 0, canvas.width, canvas.height).data,
            };
          };
          const [a, b] = await Promise.all([pixels(committed!), pixels(rendered!)]);
          let largest = 0;
          for (let i = 0; i < a.data.length; i++) largest = Math.max(largest, Math.abs(a.data[i]! - (b.data[i] ?? 0)));
          return { size: [a.width, a.height], largestDifference: largest };
        },
        [dataUrl(ICON_DIR), dataUrl(fresh)] as const,
      );
      expect(comparison.size, `${size}.png`).toEqual([size, size]);
      expect(comparison.largestDifference, `${size}.png differs from the SVG: run npm run icons`).toBeLessThanOrEqual(
        24,
      );
    }
  } finally {
    await browser.close();
  }
});
