/**
 * A page that grows: after the 1 MB article is annotated, 200 paragraphs are appended to it one at a time
 * (in-page.ts, APPEND_FEED), far enough apart that each is its own batch of mutations. Our work for each
 * is the sum of our measures (jpl:update, jpl:near) between its `bench:append` mark and the next one. The
 * cost should not grow with the number of paragraphs already appended.
 */
import type { BenchBrowser } from './browser';
import { median, readGlossary, round } from './common';
import { APPEND_FEED, STOP_WATCHING } from './in-page';
import { loadPage } from './page';
import { feedParagraphs } from './pages';

const PARAGRAPHS = 200;
const INTERVAL_MS = 50;
/** Reported at these counts: the median over the ten paragraphs that end there. */
const AT = [10, 100, 200] as const;

/** Our milliseconds of work for each appended paragraph, in order. */
export async function sampleDynamic(browser: BenchBrowser, path: string, runs: number): Promise<number[][]> {
  const paragraphs = feedParagraphs(readGlossary(), PARAGRAPHS);
  const samples: number[][] = [];
  for (let i = 0; i < runs; i++) {
    const { page } = await loadPage(browser, path, { settleMs: 0 });
    await page.evaluate(STOP_WATCHING);
    await page.evaluate(`(${APPEND_FEED})(${JSON.stringify({ paragraphs, intervalMs: INTERVAL_MS })})`);
    const { appends, measures } = (await page.evaluate(`({
      appends: performance.getEntriesByName('bench:append').map((m) => m.startTime),
      measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('jpl:')).map((m) => [m.startTime, m.duration]),
    })`)) as { appends: number[]; measures: [number, number][] };
    await page.close();
    const perParagraph = appends.map((at, k) => {
      const until = appends[k + 1] ?? Infinity;
      return measures
        .filter(([start]) => start >= at && start < until)
        .reduce((sum, [, duration]) => sum + duration, 0);
    });
    samples.push(perParagraph);
  }
  return samples;
}

export function summariseDynamic(samples: number[][]) {
  // For each count, the median over runs of the median over the ten paragraphs that end there.
  const at = (n: number) => median(samples.map((run) => median(run.slice(n - 10, n))));
  const [at10, at100, at200] = AT.map(at) as [number, number, number];
  return {
    paragraphs: PARAGRAPHS,
    intervalMs: INTERVAL_MS,
    runs: samples.length,
    msPerParagraphAt10: round(at10, 3),
    msPerParagraphAt100: round(at100, 3),
    msPerParagraphAt200: round(at200, 3),
    /** The cost at 100 and 200 as a ratio to the cost at 10 (the baseline): flat is 1. */
    ratioToAt10: { at100: round(at100 / at10), at200: round(at200 / at10) },
  };
}
