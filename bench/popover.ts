/**
 * The popover's first show against a later one. Its UI is a file of its own (lib/content/popover-host.ts),
 * imported the first time the reader points at a term: what start-up saves, the first hover pays once. Each
 * show is timed in the page from just before the pointer moves onto a highlighted term until the card is open
 * (polled every frame), the term's details fetched from the background included.
 */
import type { Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { median, round } from './common';
import { PROBE, SCAN_DONE } from './in-page';

/** The centre of the n-th registered term in the viewport (the highlight registry is the document's: the page sees it). */
const TERM_CENTRE = `(n) => {
  const centres = [...CSS.highlights.get('jpl-term')].map((range) => {
    const live = new Range();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const box = live.getClientRects()[0];
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  return centres.filter((c) => c.y > 0 && c.y < innerHeight && c.x > 0 && c.x < innerWidth)[n];
}`;
const POPOVER_OPEN = `document.querySelector('jpl-lens')?.shadowRoot?.querySelector('.panel')?.matches(':popover-open') === true`;

export interface PopoverSample {
  firstShowMs: number;
  laterShowMs: number;
}

async function timeShow(page: Page, term: number): Promise<number> {
  const point = (await page.evaluate(`(${TERM_CENTRE})(${term})`)) as { x: number; y: number };
  const before = (await page.evaluate('performance.now()')) as number;
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(POPOVER_OPEN, null, { polling: 'raf', timeout: 10_000 });
  return ((await page.evaluate('performance.now()')) as number) - before;
}

export async function samplePopover(browser: BenchBrowser, path: string, runs: number): Promise<PopoverSample[]> {
  const samples: PopoverSample[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    await page.goto(browser.server + path, { waitUntil: 'load' });
    await page.waitForFunction(SCAN_DONE, null, { polling: 100, timeout: 30_000 });
    await page.mouse.move(0, 0);
    const firstShowMs = await timeShow(page, 0);
    await page.mouse.move(0, 0);
    await page.waitForFunction(`!(${POPOVER_OPEN})`, null, { polling: 50, timeout: 5000 });
    const laterShowMs = await timeShow(page, 1);
    await page.close();
    samples.push({ firstShowMs, laterShowMs });
  }
  return samples;
}

export function summarisePopover(samples: PopoverSample[]) {
  const first = median(samples.map((s) => s.firstShowMs));
  const later = median(samples.map((s) => s.laterShowMs));
  return { runs: samples.length, firstShowMs: round(first), laterShowMs: round(later), firstToLater: round(first / later, 2) };
}
