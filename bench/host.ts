/**
 * The host page's cost: once the 1 MB article is annotated, the page changes its own DOM every frame (a
 * ticker in its sticky header, a paragraph appended to the article; in-page.ts, HOST_LOOP), the same
 * script with the extension and without.
 *
 * Headless Chromium draws at 60 Hz whatever the work (the frame-rate flags change nothing there), so the
 * frame interval stays 16.7 ms unless a frame overruns; the figure compared is therefore the main thread's
 * busy time per frame, from Chromium's trace: everything the frame cost, our MutationObserver callbacks,
 * rescans and highlight updates included, and the interval is reported beside it. The busy time is CPU
 * (thread) time: on two cores that other processes share, wall time swings twofold from run to run; the
 * wall time is reported beside it.
 */
import type { BenchBrowser } from './browser';
import { median, percentile, readGlossary, round } from './common';
import { HOST_LOOP, STOP_WATCHING } from './in-page';
import { loadPage } from './page';
import { feedParagraphs } from './pages';
import { TASKS, busyBetween, traceDuring } from './trace';

const FRAMES = 240;

export interface HostSample {
  /** Main-thread CPU time per frame. */
  cpuMsPerFrame: number;
  /** Main-thread wall time in tasks per frame. */
  busyMsPerFrame: number;
  intervalMs: number;
  intervalP95Ms: number;
  /** Our measured work (jpl:update and jpl:near) per frame during the loop, with the extension. */
  oursMsPerFrame: number;
}

/**
 * Runs with the extension, with an empty content script (floor.ts) and without any, in turn (three browsers
 * open, one working at a time): the baseline's busy time drifts by half from one stretch of minutes to the
 * next, so all must share them.
 */
export async function sampleHostInTurn(
  browsers: { withExtension: BenchBrowser; floor: BenchBrowser; without: BenchBrowser },
  path: string,
  runs: number,
) {
  const samples = { with: [] as HostSample[], floor: [] as HostSample[], without: [] as HostSample[] };
  for (let i = 0; i < runs; i++) {
    samples.with.push(...(await sampleHost(browsers.withExtension, path, 1, 0)));
    samples.floor.push(...(await sampleHost(browsers.floor, path, 1, 0)));
    samples.without.push(...(await sampleHost(browsers.without, path, 1, 800)));
  }
  return samples;
}

async function sampleHost(browser: BenchBrowser, path: string, runs: number, settleMs: number): Promise<HostSample[]> {
  const paragraphs = feedParagraphs(readGlossary(), 64);
  const samples: HostSample[] = [];
  for (let i = 0; i < runs; i++) {
    const { page } = await loadPage(browser, path, { settleMs });
    await page.evaluate(STOP_WATCHING);
    const cdp = await browser.cdp(page);
    const since = (await page.evaluate('performance.now()')) as number;
    const { result: times, events } = await traceDuring(
      cdp,
      TASKS,
      async () =>
        (await page.evaluate(`(${HOST_LOOP})(${JSON.stringify({ frames: FRAMES, paragraphs })})`)) as number[],
    );
    const ours = (await page.evaluate(
      `performance.getEntriesByType('measure').filter((m) => m.name.startsWith('jpl:') && m.startTime >= ${since}).reduce((sum, m) => sum + m.duration, 0)`,
    )) as number;
    await cdp.detach();
    await page.close();
    const busy = busyBetween(events, 'bench:host-start', 'bench:host-end');
    const intervals = times.slice(1).map((t, k) => t - times[k]!);
    samples.push({
      cpuMsPerFrame: busy.cpuMs / FRAMES,
      busyMsPerFrame: busy.wallMs / FRAMES,
      intervalMs: median(intervals),
      intervalP95Ms: percentile(intervals, 0.95),
      oursMsPerFrame: ours / FRAMES,
    });
  }
  return samples;
}

export function summariseHost(withExtension: HostSample[], without: HostSample[], floor: HostSample[]) {
  const m = (samples: HostSample[], key: keyof HostSample) => median(samples.map((s) => s[key]));
  const withBusy = m(withExtension, 'cpuMsPerFrame');
  const withoutBusy = m(without, 'cpuMsPerFrame');
  const floorBusy = m(floor, 'cpuMsPerFrame');
  return {
    frames: FRAMES,
    runs: { with: withExtension.length, without: without.length, floor: floor.length },
    frameTimeMs: round(withBusy),
    baselineFrameTimeMs: round(withoutBusy),
    /** Main-thread CPU time per frame with the extension / without (aim: at most 1.1). */
    frameTimeRatio: round(withBusy / withoutBusy, 3),
    /** With a content script that does nothing (floor.ts): what any content script costs the page. */
    floorFrameTimeMs: round(floorBusy),
    floorRatio: round(floorBusy / withoutBusy, 3),
    /** Ours against that floor: what our work costs beyond being a content script at all. */
    ratioToFloor: round(withBusy / floorBusy, 3),
    wallTimeMs: round(m(withExtension, 'busyMsPerFrame')),
    baselineWallTimeMs: round(m(without, 'busyMsPerFrame')),
    oursMsPerFrame: round(m(withExtension, 'oursMsPerFrame')),
    intervalMs: round(m(withExtension, 'intervalMs')),
    baselineIntervalMs: round(m(without, 'intervalMs')),
    intervalP95Ms: round(m(withExtension, 'intervalP95Ms')),
    baselineIntervalP95Ms: round(m(without, 'intervalP95Ms')),
  };
}
