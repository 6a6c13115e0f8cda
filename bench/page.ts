/**
 * Page annotation: the built extension on the generated 1 MB and 5 MB articles, against the same pages in a
 * browser without it.
 *
 * Our work is read from the content script's User Timing entries (lib/content/timing.ts): Long Animation
 * Frame entries do not attribute isolated-world scripts, and the page's own first layout is a long frame
 * with or without us, so "our longest task" is the longest of our measured slices. The page-side probe
 * (in-page.ts) adds what only the page can see: when the first highlighted term in view was painted, the
 * page's long tasks and long frames. Heap is the isolate's used size after full collections (our isolated
 * world lives in the page's isolate); with minus without is what we add.
 */
import type { Page } from 'playwright-core';
import { heapUsed, type BenchBrowser } from './browser';
import { median, round } from './common';
import { COLLECT, COUNT_NODES, PROBE, RELAYOUT, SCAN_DONE, type Collected } from './in-page';
import type { GeneratedPage } from './pages';

export interface PageSample {
  collected: Collected;
  heapBytes: number;
  domNodes: number;
  /** Without the extension only: one full relayout of the page (the baseline). */
  relayoutMs: number;
}

export interface LoadOptions {
  /** With the extension: wait for our first scan to finish. Without: wait this long after load. */
  settleMs: number;
}

/** Opens `path` in a new tab with the probe installed, lets it settle, and reads what was recorded. */
export async function loadPage(
  browser: BenchBrowser,
  path: string,
  options: LoadOptions,
): Promise<{ page: Page; sample: PageSample }> {
  const page = await browser.newPage();
  await page.addInitScript(PROBE);
  await page.goto(browser.server + path, { waitUntil: 'load', timeout: 120_000 });
  if (browser.withExtension) await page.waitForFunction(SCAN_DONE, null, { polling: 250, timeout: 120_000 });
  else await page.waitForTimeout(options.settleMs);
  // The last proximity callback and the report to the background come a frame or a timer later.
  await page.waitForTimeout(400);
  const collected = (await page.evaluate(COLLECT)) as Collected;
  const cdp = await browser.cdp(page);
  const heapBytes = await heapUsed(cdp);
  await cdp.detach();
  const domNodes = (await page.evaluate(COUNT_NODES)) as number;
  // Last: it changes the page (with the extension, our rescans would follow it).
  const relayoutMs = browser.withExtension ? NaN : ((await page.evaluate(RELAYOUT)) as number);
  return { page, sample: { collected, heapBytes, domNodes, relayoutMs } };
}

export async function samplePage(
  browser: BenchBrowser,
  path: string,
  runs: number,
  options: LoadOptions,
): Promise<PageSample[]> {
  const samples: PageSample[] = [];
  for (let i = 0; i < runs; i++) {
    const { page, sample } = await loadPage(browser, path, options);
    await page.close();
    samples.push(sample);
  }
  return samples;
}

/** Figures of one run with the extension. Times in ms from the content script's main() unless named. */
function ourFigures(sample: PageSample) {
  const { marks, measures, longTasks, painted, nextFrame, load } = sample.collected;
  if (marks.main === null || marks.start === null || marks.scanDone === null) {
    throw new Error(
      'the content script left no jpl:main / jpl:start / jpl:scan-done mark (is the page marked data-jpl-timing?)',
    );
  }
  const start = marks.main;
  const scans = measures.filter((m) => m.name === 'scan');
  const ours = measures; // every slice, callback and the set-up: each is one task of ours
  const overlapsOurs = (task: { start: number; duration: number }) =>
    ours.some((m) => m.start < task.start + task.duration && task.start < m.start + m.duration);
  return {
    contentScriptStartMs: start,
    lensStartMs: marks.start - start,
    scanStartMs: marks.scanStart === null ? NaN : marks.scanStart - start,
    firstHighlightMs: painted === null ? NaN : painted - start,
    firstHighlightNextFrameMs: nextFrame === null ? NaN : nextFrame - start,
    firstHighlightRegisteredMs: marks.firstHighlight === null ? NaN : marks.firstHighlight - start,
    firstHighlightFromLoadMs: painted === null ? NaN : painted - load,
    scanMs: marks.scanDone - start,
    scanCpuMs: scans.reduce((sum, m) => sum + m.duration, 0),
    slices: scans.length,
    longestSliceMs: Math.max(...scans.map((m) => m.duration)),
    longestTaskMs: Math.max(...ours.map((m) => m.duration)),
    longestTaskKind: ours.reduce((a, b) => (b.duration > a.duration ? b : a)).name,
    setupMs: measures.find((m) => m.name === 'setup')?.duration ?? NaN,
    longTasksWithOurWork: longTasks.filter(overlapsOurs).length,
  };
}

/**
 * The page's own figures. Long frames and tasks count from the load event on: before it the page is being
 * parsed, and how many frames parsing produces varies from run to run with or without us; after it, the
 * window (up to our scan's end, or as long without us) is where our work could lengthen them.
 */
function pageFigures(sample: PageSample) {
  const { frames, longTasks, load } = sample.collected;
  const afterLoad = <T extends { start: number; duration: number }>(list: T[]) =>
    list.filter((e) => e.start + e.duration > load);
  const longest = (list: { duration: number }[]) => (list.length > 0 ? Math.max(...list.map((e) => e.duration)) : 0);
  return {
    loadMs: load,
    longFramesAfterLoad: afterLoad(frames).length,
    longestFrameAfterLoadMs: longest(afterLoad(frames)),
    longestFrameMs: longest(frames),
    longTasksAfterLoad: afterLoad(longTasks).length,
    longestTaskAfterLoadMs: longest(afterLoad(longTasks)),
    heapBytes: sample.heapBytes,
    domNodes: sample.domNodes,
  };
}

/** The median of each numeric field over the runs (strings: the most common). */
function medians<T extends Record<string, number | string>>(rows: T[]): T {
  const out: Record<string, number | string> = {};
  for (const key of Object.keys(rows[0]!)) {
    const values = rows.map((row) => row[key]!);
    if (typeof values[0] === 'number') out[key] = median(values as number[]);
    else {
      const counts = new Map<string | number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      out[key] = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    }
  }
  return out as T;
}

/** How long to watch the page without the extension: as long as our scans ran past the load event. */
export function settleAfterLoad(withExtension: PageSample[]): number {
  return Math.ceil(median(withExtension.map((s) => s.collected.marks.scanDone! - s.collected.load)));
}

export type PageResult = ReturnType<typeof summarisePage>;

/**
 * Medians over the runs with and without the extension. Timings are also given as ratios to the page's own
 * full relayout (measured without the extension in the same run): "our scan costs 0.6 relayouts".
 */
export function summarisePage(info: GeneratedPage, withExtension: PageSample[], without: PageSample[]) {
  const ours = medians(withExtension.map(ourFigures));
  const pageWith = medians(withExtension.map(pageFigures));
  const pageWithout = medians(without.map(pageFigures));
  const relayout = median(without.map((s) => s.relayoutMs));
  return {
    bytes: info.bytes,
    chars: info.chars,
    terms: info.terms,
    runs: { with: withExtension.length, without: without.length },
    /** From main() to the end of the first frame that rendered a highlighted term in view (aim: 100 ms). */
    firstHighlightMs: round(ours.firstHighlightMs),
    /** The same to the next frame's callback (double-rAF), which our next scan slices can hold back. */
    firstHighlightNextFrameMs: round(ours.firstHighlightNextFrameMs),
    firstHighlightRegisteredMs: round(ours.firstHighlightRegisteredMs),
    firstHighlightFromLoadMs: round(ours.firstHighlightFromLoadMs),
    contentScriptStartMs: round(ours.contentScriptStartMs),
    /** From main() to startLens: reading whether the lens is on for the site (extension storage). */
    lensStartMs: round(ours.lensStartMs),
    /** From main() to the first scan: the above, startLens, and the wait for the page's next frame. */
    scanStartMs: round(ours.scanStartMs),
    scanMs: round(ours.scanMs),
    scanCpuMs: round(ours.scanCpuMs),
    slices: ours.slices,
    longestTaskMs: round(ours.longestTaskMs),
    longestTaskKind: ours.longestTaskKind,
    longestSliceMs: round(ours.longestSliceMs),
    setupMs: round(ours.setupMs),
    longTasksWithOurWork: ours.longTasksWithOurWork,
    heapAddedBytes: Math.round(pageWith.heapBytes - pageWithout.heapBytes),
    domNodesAdded: pageWith.domNodes - pageWithout.domNodes,
    baselineRelayoutMs: round(relayout),
    ratioToRelayout: {
      firstHighlightMs: round(ours.firstHighlightMs / relayout, 3),
      scanMs: round(ours.scanMs / relayout, 3),
      scanCpuMs: round(ours.scanCpuMs / relayout, 3),
      longestTaskMs: round(ours.longestTaskMs / relayout, 3),
    },
    withExtension: roundAll(pageWith),
    withoutExtension: roundAll(pageWithout),
  };
}

function roundAll<T extends Record<string, number>>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)])) as T;
}
