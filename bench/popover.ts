/**
 * The popover's first show against a later one, and the height of its first view over the terms in view. Its UI is a file of its own (lib/content/popover-host.ts),
 * imported the first time the reader points at a term: what start-up saves, the first hover pays once. Each
 * show is timed in the page from just before the pointer moves onto a highlighted term until the card is open
 * (polled every frame), the term's details fetched from the background included.
 */
import type { Page } from 'playwright-core';
import { lensSettings } from '../lib/settings';
import { inCard, popoverText } from '../tests/browser/card-tools';
import { highlightedTexts, pointOf } from '../tests/browser/page-tools';
import type { BenchBrowser } from './browser';
import { median, round } from './common';
import { PROBE, SCAN_DONE } from './in-page';

export interface PopoverSample {
  firstShowMs: number;
  laterShowMs: number;
  /** The card's height in its first view, for each term in view (the first run only: it does not vary). */
  heightsPx: number[];
}

const HOVER_DELAY_MS = lensSettings.defaults.hoverDelayMs;

/** How many different terms the card's height is measured on. */
const HEIGHT_TERMS = 12;

/** The centres of up to `count` different highlighted terms inside the viewport. */
async function termsInView(page: Page, count: number): Promise<{ x: number; y: number }[]> {
  const viewport = page.viewportSize()!;
  const points = [];
  for (const text of new Set(await highlightedTexts(page))) {
    const point = await pointOf(page, 'body', text);
    if (point.x > 0 && point.x < viewport.width && point.y > 0 && point.y < viewport.height) points.push(point);
    if (points.length === count) break;
  }
  if (points.length < 2) throw new Error('fewer than two highlighted terms in view');
  return points;
}

async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  for (let tries = 0; (await popoverText(page)) !== null; tries++) {
    if (tries === 100) throw new Error('the popover did not close once the pointer left the term');
    await page.waitForTimeout(50);
  }
}

/** The card's first view over each term: its height once open (default settings: the compact view, 14 px). */
async function cardHeights(page: Page, points: { x: number; y: number }[]): Promise<number[]> {
  const heights = [];
  for (const point of points) {
    await closeCard(page);
    await timeShow(page, point);
    const height = await inCard(page, (root) => root.querySelector('.card')?.getBoundingClientRect().height ?? null);
    if (height === null) throw new Error('no card after the popover-shown mark');
    heights.push(height);
  }
  return heights;
}

/**
 * From just before the pointer moves until the content script's jpl:popover-shown mark (its card is closed to the
 * page), less the rest the card waits for by design (the hover delay, default settings): the time the reader waits
 * for the card beyond what they asked for.
 */
async function timeShow(page: Page, point: { x: number; y: number }): Promise<number> {
  const shown = `performance.getEntriesByName('jpl:popover-shown')`;
  const before = (await page.evaluate(`({ now: performance.now(), shown: ${shown}.length })`)) as {
    now: number;
    shown: number;
  };
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(`${shown}.length > ${before.shown}`, null, { polling: 'raf', timeout: 10_000 });
  return ((await page.evaluate(`${shown}.at(-1).startTime`)) as number) - before.now - HOVER_DELAY_MS;
}

export async function samplePopover(browser: BenchBrowser, path: string, runs: number): Promise<PopoverSample[]> {
  const samples: PopoverSample[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    await page.goto(browser.server + path, { waitUntil: 'load' });
    await page.waitForFunction(SCAN_DONE, null, { polling: 100, timeout: 30_000 });
    const points = await termsInView(page, i === 0 ? HEIGHT_TERMS : 2);
    await page.mouse.move(0, 0);
    const firstShowMs = await timeShow(page, points[0]!);
    await closeCard(page);
    const laterShowMs = await timeShow(page, points[1]!);
    const heightsPx = i === 0 ? await cardHeights(page, points) : [];
    await page.close();
    samples.push({ firstShowMs, laterShowMs, heightsPx });
  }
  return samples;
}

export function summarisePopover(samples: PopoverSample[]) {
  const first = median(samples.map((s) => s.firstShowMs));
  const later = median(samples.map((s) => s.laterShowMs));
  const heights = samples.flatMap((s) => s.heightsPx);
  return {
    runs: samples.length,
    firstShowMs: round(first),
    laterShowMs: round(later),
    firstToLater: round(first / later, 2),
    heightPx: round(median(heights)),
    maxHeightPx: round(Math.max(...heights)),
    heightTerms: heights.length,
  };
}
