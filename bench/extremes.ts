/**
 * The extremes of the hostile suite, timed: one text node holding 200 000 terms, and a million text nodes in one
 * block holding 100 000 (tests/fixtures/hostile/many-terms.html and million-nodes.html, which build themselves
 * with a script: a parser would merge the million nodes into one). Their aim is the one of every page: no task
 * of ours over 50 ms. Read from our User Timing entries as page.ts reads them; the pages are copied among the
 * benchmark's with data-jpl-timing on their root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heapUsed, type BenchBrowser } from './browser';
import { PAGES_DIR, REPO_ROOT, median, round } from './common';
import { COLLECT, PROBE, SCAN_DONE, type Collected } from './in-page';

const PAGES = { manyTerms: 'many-terms.html', millionNodes: 'million-nodes.html' } as const;
export type ExtremePage = keyof typeof PAGES;

/** Copies the pages into the benchmark's page directory; their paths there. */
export function copyExtremePages(): Record<ExtremePage, string> {
  const paths = {} as Record<ExtremePage, string>;
  for (const [name, file] of Object.entries(PAGES) as [ExtremePage, string][]) {
    const html = readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'hostile', file), 'utf8');
    writeFileSync(join(PAGES_DIR, file), html.replace('<html lang="zh-CN">', '<html lang="zh-CN" data-jpl-timing>'));
    paths[name] = `/${file}`;
  }
  return paths;
}

interface ExtremeSample {
  scanMs: number;
  longestTaskMs: number;
  tasksOver50: number;
  tasks: number;
  heapBytes: number;
}

export async function sampleExtreme(browser: BenchBrowser, path: string, runs: number): Promise<ExtremeSample[]> {
  const samples: ExtremeSample[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    await page.goto(browser.server + path, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(SCAN_DONE, null, { polling: 250, timeout: 300_000 });
    await page.waitForTimeout(400); // the last proximity callback comes a frame later
    const { marks, measures } = (await page.evaluate(COLLECT)) as Collected;
    const cdp = await browser.cdp(page);
    const heapBytes = await heapUsed(cdp);
    await cdp.detach();
    await page.close();
    samples.push({
      scanMs: marks.scanDone! - marks.main!,
      longestTaskMs: Math.max(...measures.map((m) => m.duration)),
      tasksOver50: measures.filter((m) => m.duration >= 50).length,
      tasks: measures.length,
      heapBytes,
    });
  }
  return samples;
}

export function summariseExtreme(samples: ExtremeSample[]) {
  const m = (key: keyof ExtremeSample) => median(samples.map((s) => s[key]));
  return {
    runs: samples.length,
    /** From main() to the end of the first scan. */
    scanMs: round(m('scanMs')),
    /** The median over runs of our longest task (aim: under 50 ms), and the worst run's. */
    longestTaskMs: round(m('longestTaskMs')),
    worstLongestTaskMs: round(Math.max(...samples.map((s) => s.longestTaskMs))),
    tasksOver50: m('tasksOver50'),
    tasks: m('tasks'),
    heapBytes: Math.round(m('heapBytes')),
  };
}
