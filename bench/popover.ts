/**
 * The popover's first show against a later one. Its UI is a file of its own (lib/content/popover-host.ts),
 * imported the first time the reader points at a term: what start-up saves, the first hover pays once. Each
 * show is timed in the page from just before the pointer moves onto a highlighted term until the card is open
 * (polled every frame), the term's details fetched from the background included.
 */
import type { Page } from 'playwright-core';
import { popoverText } from '../tests/browser/card-tools';
import { highlightedTexts, pointOf } from '../tests/browser/page-tools';
import type { BenchBrowser } from './browser';
import { median, round } from './common';
import { PROBE, SCAN_DONE } from './in-page';

export interface PopoverSample {
  firstShowMs: number;
  laterShowMs: number;
}

/** The centres of the first two highlighted terms inside the viewport (two different ones). */
async function termsInView(page: Page): Promise<{ x: number; y: number }[]> {
  const viewport = page.viewportSize()!;
  const points = [];
  for (const text of new Set(await highlightedTexts(page))) {
    const point = await pointOf(page, 'body', text);
    if (point.x > 0 && point.x < viewport.width && point.y > 0 && point.y < viewport.height) points.push(point);
    if (points.length === 2) return points;
  }
  throw new Error('fewer than two highlighted terms in view');
}

/** From just before the pointer moves until the content script's jpl:popover-shown mark (its card is closed to the page). */
async function timeShow(page: Page, point: { x: number; y: number }): Promise<number> {
  const shown = `performance.getEntriesByName('jpl:popover-shown')`;
  const before = (await page.evaluate(`({ now: performance.now(), shown: ${shown}.length })`)) as {
    now: number;
    shown: number;
  };
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(`${shown}.length > ${before.shown}`, null, { polling: 'raf', timeout: 10_000 });
  return ((await page.evaluate(`${shown}.at(-1).startTime`)) as number) - before.now;
}

export async function samplePopover(browser: BenchBrowser, path: string, runs: number): Promise<PopoverSample[]> {
  const samples: PopoverSample[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    await page.goto(browser.server + path, { waitUntil: 'load' });
    await page.waitForFunction(SCAN_DONE, null, { polling: 100, timeout: 30_000 });
    const [first, later] = await termsInView(page);
    await page.mouse.move(0, 0);
    const firstShowMs = await timeShow(page, first!);
    await page.mouse.move(0, 0);
    for (let tries = 0; (await popoverText(page)) !== null; tries++) {
      if (tries === 100) throw new Error('the popover did not close once the pointer left the term');
      await page.waitForTimeout(50);
    }
    const laterShowMs = await timeShow(page, later!);
    await page.close();
    samples.push({ firstShowMs, laterShowMs });
  }
  return samples;
}

export function summarisePopover(samples: PopoverSample[]) {
  const first = median(samples.map((s) => s.firstShowMs));
  const later = median(samples.map((s) => s.laterShowMs));
  return {
    runs: samples.length,
    firstShowMs: round(first),
    laterShowMs: round(later),
    firstToLater: round(first / later, 2),
  };
}
