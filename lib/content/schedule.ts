/**
 * Cooperative scheduling: our work runs in slices of a few milliseconds and yields to the page in between,
 * so that no task of ours comes near the 50 ms long-task mark.
 */

/** How long one slice may run before it yields. */
export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/** Lets the page run (input, rendering) before we continue: scheduler.yield where it exists. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (channel) {
    return new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Tracks the time spent in the current slice. */
export class Slice {
  private started = performance.now();

  /** True when the slice has used its budget: yield, then call `reset`. */
  spent(): boolean {
    return performance.now() - this.started >= SLICE_MS;
  }

  async yield(): Promise<void> {
    await yieldToPage();
    this.started = performance.now();
  }
}
