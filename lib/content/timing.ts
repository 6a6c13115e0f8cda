/**
 * Timing instrumentation for the benchmarks (`npm run bench`, bench/page.ts), with the User Timing API.
 * Every name starts with `jpl:`:
 *
 *   marks     jpl:main             the content script's main() began
 *             jpl:start            startLens began (after main() has read whether the lens is on for the site)
 *             jpl:scan-start       the first scan began (it waits for the page's first frame)
 *             jpl:first-highlight  the first range was registered with the highlight (near the viewport)
 *             jpl:scan-done        the first scan finished
 *             jpl:popover-rest     the pointer rested on a term for the hover delay: its card opens
 *             jpl:popover-shown    a popover was shown (its card rendered and put in the top layer)
 *             jpl:word-rest        the pointer rested on a Chinese character of no term: its word is looked up
 *             jpl:word-shown       the dictionary's card was shown for a word
 *             jpl:word-painted     …and the frame that paints it was painted
 *   measures  jpl:setup            startLens, start to return: our start-up work
 *             jpl:scan             one slice of the first scan: one task of ours
 *             jpl:update           one slice of following the page's changes (a batch of mutations)
 *             jpl:near             one proximity callback: registering and unregistering ranges
 *             jpl:chinese          one slice of looking for Chinese text before the lens starts (chinese.ts)
 *             jpl:shadows          one slice of asking custom elements for a late shadow root (late-shadows.ts)
 *
 * The performance timeline is the document's, shared by the page's main world and our isolated world, so
 * the benchmark's pages read these with performance.getEntriesByName(). It is the page's timeline, though:
 * its analytics may read it, and it keeps user timing entries until someone clears them (a page that changes
 * every frame would collect one entry per frame). So all of this is off unless the page's root element has
 * a `data-jpl-timing` attribute, as the benchmark's pages do; off, each call is one boolean test.
 *
 * And only in a build made for the tests and benchmarks (WXT_TIMING=1 in the environment of `wxt build`: the
 * browser tests' global setup and bench/build-extension.ts set it). In a release build the attribute does
 * nothing: a page that set it would otherwise learn from the marks that we are there.
 */
const PREFIX = 'jpl:';
const BUILT_FOR_TIMING = import.meta.env.WXT_TIMING === '1';
let enabled: boolean | null = null;

function on(): boolean {
  // Read once, lazily: nothing may run when the module is imported (WXT imports entrypoints in Node).
  enabled ??=
    BUILT_FOR_TIMING &&
    typeof document !== 'undefined' &&
    document.documentElement?.hasAttribute('data-jpl-timing') === true;
  return enabled;
}

export function mark(name: string): void {
  if (on()) performance.mark(PREFIX + name);
}

/**
 * A mark once the frame that paints what was just rendered has been painted: a user-blocking task posted from
 * the frame's animation-frame callback runs right after its rendering (bench/in-page.ts, AFTER_FRAME).
 */
export function markAfterPaint(name: string): void {
  if (!on()) return;
  const { scheduler } = globalThis as { scheduler?: { postTask?(task: () => void, options: object): Promise<void> } };
  requestAnimationFrame(() => {
    if (scheduler?.postTask) void scheduler.postTask(() => mark(name), { priority: 'user-blocking' });
    else setTimeout(() => mark(name), 0);
  });
}

/** A measure from `start` (a performance.now() time) to now. */
export function measure(name: string, start: number): void {
  if (on()) performance.measure(PREFIX + name, { start, end: performance.now() });
}
