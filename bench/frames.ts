/**
 * A page of many frames without Chinese text (advertisements, widgets, embeds): what each such frame costs in
 * our content script. The content script runs in every frame; where there is no Han character it must do
 * almost nothing (lib/content/chinese.ts): no storage read, no matcher tables parsed, no scan.
 *
 * Measured from Chromium's trace while the page loads: the thread (CPU) time of each frame's evaluation of the
 * content script (its EvaluateScript event: compiling, the top level, main() and the microtasks it queues) and
 * of any later task in which our code ran in those frames (a User Timing measure of ours, jpl:*, inside it),
 * per frame; and the page's heap once loaded (after full collections), per frame. The baseline is the same
 * extension with a content script that does nothing (floor.ts), used in turn with ours in the same run: the
 * difference is what our code costs a frame beyond being a content script at all.
 */
import type { BenchBrowser } from './browser';
import { heapUsed } from './browser';
import { median, round } from './common';
import { traceDuring, SCRIPTS, type TraceEvent } from './trace';

const CONTENT_SCRIPT = 'content-script.js';
/** After load, how long the frames are left to run whatever they still do (a Chinese check in slices, a timer). */
const SETTLE_MS = 1000;

export interface FramesSample {
  frames: number;
  cpuMsPerFrame: number;
  heapBytesPerFrame: number;
}

/** Ours and the floor in turn, `runs` times each. */
export async function sampleFramesInTurn(
  browsers: { withExtension: BenchBrowser; floor: BenchBrowser },
  path: string,
  frames: number,
  runs: number,
) {
  const samples = { with: [] as FramesSample[], floor: [] as FramesSample[] };
  for (let i = 0; i < runs; i++) {
    samples.with.push(await sampleFrames(browsers.withExtension, path, frames));
    samples.floor.push(await sampleFrames(browsers.floor, path, frames));
  }
  return samples;
}

async function sampleFrames(browser: BenchBrowser, path: string, frames: number): Promise<FramesSample> {
  const page = await browser.newPage();
  const cdp = await browser.cdp(page);
  const { events } = await traceDuring(cdp, SCRIPTS, async () => {
    await page.goto(browser.server + path, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
  });
  const loaded = page.frames().length - 1;
  if (loaded !== frames) throw new Error(`${path}: ${loaded} frames loaded, not ${frames}`);
  const heap = await heapUsed(cdp);
  await cdp.detach();
  await page.close();
  return { frames, cpuMsPerFrame: ourCpuMs(events) / frames, heapBytesPerFrame: heap / frames };
}

/** Our thread time in the trace: every evaluation of the content script, and the tasks that ran a measure of ours. */
function ourCpuMs(events: TraceEvent[]): number {
  const evaluations = events.filter(
    (e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.args?.data?.url?.includes(CONTENT_SCRIPT),
  );
  const ours = events.filter((e) => e.ph === 'b' && e.name.startsWith('jpl:'));
  const within = (task: TraceEvent, ts: number) => ts >= task.ts && ts <= task.ts + (task.dur ?? 0);
  const laterTasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      !evaluations.some((evaluation) => within(e, evaluation.ts)) &&
      ours.some((mark) => mark.pid === e.pid && mark.tid === e.tid && within(e, mark.ts)),
  );
  return [...evaluations, ...laterTasks].reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
}

export function summariseFrames(samples: { with: FramesSample[]; floor: FramesSample[] }) {
  const m = (list: FramesSample[], key: 'cpuMsPerFrame' | 'heapBytesPerFrame') => median(list.map((s) => s[key]));
  const ours = m(samples.with, 'cpuMsPerFrame');
  const floor = m(samples.floor, 'cpuMsPerFrame');
  return {
    frames: samples.with[0]?.frames ?? 0,
    runs: samples.with.length,
    /** Our CPU in a frame without Chinese text, over the floor's (aim: at most 1 ms). */
    frameWithoutChineseMs: round(ours - floor, 3),
    frameWithoutChineseTotalMs: round(ours, 3),
    frameWithoutChineseFloorMs: round(floor, 3),
    frameWithoutChineseRatioToFloor: round(ours / floor, 2),
    /** The page's heap per frame, ours minus the floor's. */
    frameWithoutChineseHeapBytes: Math.round(
      m(samples.with, 'heapBytesPerFrame') - m(samples.floor, 'heapBytesPerFrame'),
    ),
  };
}
