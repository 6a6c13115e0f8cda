/**
 * The content script's weight: its bundle, raw and gzipped (what a store download and the disk cache
 * hold; Chromium reads the raw file), and its start-up: our CPU time before the first scan, from Chromium's
 * trace (trace.ts, scriptStartup), on a small page, so that the figure is the script's and not the page's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchBrowser } from './browser';
import { median, round } from './common';
import { PROBE, SCAN_DONE } from './in-page';
import { SCRIPTS, scriptStartup, traceDuring } from './trace';

const CONTENT_SCRIPT = 'content-script.js';

export function contentScriptSize(extensionDir: string) {
  const script = readFileSync(join(extensionDir, CONTENT_SCRIPT));
  // The popover's UI, imported on the first term pointed at (not part of the start-up).
  const popover = readFileSync(join(extensionDir, 'popover-view.js'));
  return {
    contentScriptBytes: script.length,
    contentScriptGzipBytes: gzipSync(script, { level: 9 }).length,
    popoverViewBytes: popover.length,
    popoverViewGzipBytes: gzipSync(popover, { level: 9 }).length,
  };
}

export interface StartupSample {
  evaluateCpuMs: number;
  evaluateWallMs: number;
  compileCpuMs: number;
  /** The task that ran startLens, when it ran after the evaluation. */
  laterSetupTaskCpuMs: number;
  laterSetupTaskWallMs: number;
  /** startLens alone (jpl:setup, wall). */
  setupMs: number;
  /** From main() to the first scan: the site switch's storage read, startLens, the wait for a frame. */
  toFirstScanMs: number;
}

export async function sampleStartup(browser: BenchBrowser, path: string, runs: number): Promise<StartupSample[]> {
  const samples: StartupSample[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    const cdp = await browser.cdp(page);
    const { events } = await traceDuring(cdp, SCRIPTS, async () => {
      await page.goto(browser.server + path, { waitUntil: 'load' });
      await page.waitForFunction(SCAN_DONE, null, { polling: 100, timeout: 30_000 });
    });
    const marks = (await page.evaluate(`({
      setup: performance.getEntriesByName('jpl:setup')[0].duration,
      main: performance.getEntriesByName('jpl:main')[0].startTime,
      scanStart: performance.getEntriesByName('jpl:scan-start')[0].startTime,
    })`)) as { setup: number; main: number; scanStart: number };
    await cdp.detach();
    await page.close();
    const evaluation = scriptStartup(events, CONTENT_SCRIPT);
    if (!evaluation) throw new Error(`no EvaluateScript event for ${CONTENT_SCRIPT} in the trace`);
    samples.push({ ...evaluation, setupMs: marks.setup, toFirstScanMs: marks.scanStart - marks.main });
  }
  return samples;
}

export function summariseStartup(samples: StartupSample[]) {
  const m = (key: keyof StartupSample) => round(median(samples.map((s) => s[key])));
  return {
    runs: samples.length,
    /** Our CPU time before the first scan: the evaluation's task and startLens's (aim: under 10 ms). */
    contentScriptMs: round(median(samples.map((s) => s.evaluateCpuMs + s.laterSetupTaskCpuMs))),
    /** The same in wall time, preemption by the browser's other processes included. */
    contentScriptWallMs: round(median(samples.map((s) => s.evaluateWallMs + s.laterSetupTaskWallMs))),
    evaluateCpuMs: m('evaluateCpuMs'),
    compileCpuMs: m('compileCpuMs'),
    laterSetupTaskCpuMs: m('laterSetupTaskCpuMs'),
    setupMs: m('setupMs'),
    toFirstScanMs: m('toFirstScanMs'),
  };
}
