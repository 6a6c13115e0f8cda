/**
 * Chromium's trace, for what neither the page nor our User Timing entries can see: the renderer main
 * thread's busy time (host.ts) and the evaluation of the content script itself (size.ts, start-up). User
 * Timing marks appear in it too, on the page's main thread, which places the page's own marks in its clock.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the event has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Tasks and User Timing: enough for busy time. */
export const TASKS = ['toplevel', 'blink.user_timing'];
/** And script evaluation and compilation. */
export const SCRIPTS = [...TASKS, 'devtools.timeline', 'v8'];

/** Records a trace of the given categories while `task` runs. */
export async function traceDuring<T>(
  cdp: CDPSession,
  categories: string[],
  task: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (chunk) => events.push(...(chunk.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  // A buffer that does not fill: by default recording stops when it is full, and the closing mark is lost.
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories },
  });
  const result = await task();
  await cdp.send('Tracing.end');
  await complete;
  return { result, events };
}

/** A User Timing mark of the page's, as the trace recorded it (its time and thread), or null. */
function traceMark(events: TraceEvent[], name: string): TraceEvent | null {
  return events.find((e) => e.name === name && e.ph === 'I') ?? null;
}

/**
 * The time the thread of mark `from` spent in tasks between marks `from` and `to`, in ms: wall time, and
 * CPU (thread) time, which other processes on a busy machine do not inflate. Nested task events count once;
 * a task straddling a mark counts for its part inside (its CPU time in proportion).
 */
export function busyBetween(events: TraceEvent[], from: string, to: string): { wallMs: number; cpuMs: number } {
  const start = traceMark(events, from);
  const stop = traceMark(events, to);
  if (!start || !stop) throw new Error(`marks ${from} / ${to} are not in the trace`);
  const tasks = events
    .filter(
      (e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask',
    )
    .map((e) => ({
      from: Math.max(e.ts, start.ts),
      to: Math.min(e.ts + (e.dur ?? 0), stop.ts),
      dur: e.dur ?? 0,
      tdur: e.tdur ?? e.dur ?? 0,
    }))
    .filter((task) => task.to > task.from)
    .sort((a, b) => a.from - b.from);
  let wall = 0;
  let cpu = 0;
  let end = -Infinity;
  for (const task of tasks) {
    if (task.to <= end) continue; // nested in the task before
    const inside = task.to - Math.max(task.from, end);
    wall += inside;
    cpu += task.dur > 0 ? (task.tdur * inside) / task.dur : 0;
    end = task.to;
  }
  return { wallMs: wall / 1000, cpuMs: cpu / 1000 };
}

/**
 * The content script's start-up from the trace: the task that evaluates it (compiling it, its top level,
 * main() up to its first await) and, when startLens ran in a later task (after the site switch's storage
 * read), that task too. Each as thread time (CPU: on two busy cores the wall time of the same work varies
 * threefold with preemption) and as wall time, in ms.
 */
export function scriptStartup(events: TraceEvent[], urlPart: string) {
  const evaluate = events.find(
    (e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.args?.data?.url?.includes(urlPart),
  );
  if (!evaluate) return null;
  const within = (e: TraceEvent, ts: number) => ts >= e.ts && ts <= e.ts + (e.dur ?? 0);
  const compile = events.find(
    (e) => e.name === 'v8.compile' && e.ph === 'X' && e.args?.data?.url?.includes(urlPart) && within(evaluate, e.ts),
  );
  const setup = events.find((e) => e.name === 'jpl:setup' && e.ph === 'b');
  // The outermost event around startLens, unless that is the evaluation: a task, or the microtask checkpoint
  // in which the storage read's promise resolved.
  const setupTask =
    setup && !within(evaluate, setup.ts)
      ? events
          .filter((e) => e.pid === setup.pid && e.tid === setup.tid && e.ph === 'X' && within(e, setup.ts))
          .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0]
      : undefined;
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  return {
    evaluateCpuMs: ms(evaluate.tdur),
    evaluateWallMs: ms(evaluate.dur),
    compileCpuMs: ms(compile?.tdur),
    laterSetupTaskCpuMs: ms(setupTask?.tdur),
    laterSetupTaskWallMs: ms(setupTask?.dur),
  };
}
