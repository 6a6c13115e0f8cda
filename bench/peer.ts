/**
 * A peer: mark.js (8.11), the highlighter many extensions use, marking the same keys on the same pages in
 * a browser without our extension. It wraps each match in a <mark>, so it changes the page's DOM; we change
 * none of it. Its time runs from the call to the frame after the marks were painted (in-page.ts, MARKJS).
 */
import { createRequire } from 'node:module';
import type { BenchBrowser } from './browser';
import { median, readMatcherData, round } from './common';
import { MARKJS } from './in-page';
import { loadPage } from './page';
import { alternationSource, trieKeys } from './terms';

const MARKJS_FILE = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');

export interface MarkJsSample {
  markMs: number;
  paintedMs: number;
  nextFrameMs: number;
  marks: number;
  nodesAdded: number;
}

/** mark.js on `path`, `runs` times, each in a fresh tab after the page's own load has settled. */
export async function sampleMarkJs(
  browser: BenchBrowser,
  path: string,
  runs: number,
  settleMs: number,
): Promise<MarkJsSample[]> {
  const source = alternationSource(trieKeys(readMatcherData().trie));
  const samples: MarkJsSample[] = [];
  for (let i = 0; i < runs; i++) {
    const { page } = await loadPage(browser, path, { settleMs });
    await page.addScriptTag({ path: MARKJS_FILE });
    samples.push((await page.evaluate(`(${MARKJS})(${JSON.stringify(source)})`)) as MarkJsSample);
    await page.close();
  }
  return samples;
}

/**
 * Beside ours: the time to painted highlights in view (ours paints the terms in view first, mark.js
 * cannot show any before it has marked the whole page), and to the whole page done.
 */
export function summarisePeer(
  samples: MarkJsSample[],
  ours: { firstHighlightMs: number; scanMs: number; domNodesAdded: number; terms: number },
) {
  const paintedMs = median(samples.map((s) => s.paintedMs));
  return {
    runs: samples.length,
    markMs: round(median(samples.map((s) => s.markMs))),
    paintedMs: round(paintedMs),
    nextFrameMs: round(median(samples.map((s) => s.nextFrameMs))),
    marks: median(samples.map((s) => s.marks)),
    domNodesAdded: median(samples.map((s) => s.nodesAdded)),
    oursFirstHighlightMs: ours.firstHighlightMs,
    oursScanMs: ours.scanMs,
    oursDomNodesAdded: ours.domNodesAdded,
    oursTerms: ours.terms,
    /** mark.js to painted highlights / ours to painted highlights in view (aim: at least 5). */
    speedup: round(paintedMs / ours.firstHighlightMs),
    /** mark.js to painted highlights / ours to the end of our whole scan. */
    speedupToScanDone: round(paintedMs / ours.scanMs),
  };
}
