/**
 * Cooperative scheduling: our work runs in slices of a few milliseconds and yields to the page in between,
 * so that no task of ours comes near the 50 ms long-task mark.
 */
import { measure } from './timing';

/** How long one slice may run before it yields. */
const SLICE_MS = 8;
/**
 * scheduler.yield() lets input in but not necessarily a frame: its continuations outrank rendering, so
 * back-to-back slices can hold a frame back for 100 ms. After this much time without one, we wait for a frame.
 */
const MAX_MS_WITHOUT_FRAME = 32;
let lastFrame = performance.now();

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/** Where scheduler.yield is missing: a message channel's task, made on first use (most frames never yield). */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/** Lets the page run (input, and a frame when one is due) before we continue. */
function yieldToPage(): Promise<void> {
  if (performance.now() - lastFrame > MAX_MS_WITHOUT_FRAME) return nextFrame();
  return yieldToTasks();
}

/** Resolves after the next frame has been produced (or, in a hidden tab that renders none, after 50 ms). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      lastFrame = performance.now();
      resolve();
    };
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 50);
  });
}

function yieldToTasks(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/**
 * Tracks the time spent in the current slice. One Slice follows one piece of work through all its slices
 * (pass it down rather than starting another: each new Slice would get a fresh budget), and reports each
 * slice as a `jpl:<name>` measure (see timing.ts).
 */
export class Slice {
  private started = performance.now();

  constructor(private readonly name: string) {}

  /** True when the slice has used its budget: call `yield`. */
  spent(): boolean {
    return performance.now() - this.started >= SLICE_MS;
  }

  /** Lets the page run; `untilFrame`: wait for a frame to be produced (to paint what was just registered). */
  async yield(untilFrame = false): Promise<void> {
    this.end();
    await (untilFrame ? nextFrame() : yieldToPage());
    this.started = performance.now();
  }

  /** Closes the current slice: before yielding, and when the work is done. */
  end(): void {
    measure(this.name, this.started);
  }
}
