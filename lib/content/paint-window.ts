/**
 * Which of a long block's matches to paint (annotations.ts paints at most PAINT_CAP of one block): the ones
 * around the viewport, a screen above and below, as proximity.ts judges blocks. Placed by proportion, not by
 * measuring: a match a third of the way into the block's text is taken to be a third of the way down the block.
 * A geometry question about a range or a caret would make Chromium lay out the text's offsets for the whole
 * block the first time (a quarter of a second for a block of a million text nodes), and the block's own box,
 * which proximity.ts has anyway, costs nothing; across a long block of text the proportion holds closely, and
 * the margins take up the difference.
 */

/** Where a block is (viewport-relative, as IntersectionObserver and getBoundingClientRect give it). */
export interface Placement {
  top: number;
  height: number;
  viewportHeight: number;
}

/**
 * Matches [from, to), at most `cap` of them, of a block whose matches start at the given offsets (ascending)
 * in its text of `length` characters.
 */
export function windowAround(
  starts: readonly number[],
  length: number,
  { top, height, viewportHeight }: Placement,
  cap: number,
): { from: number; to: number } {
  // The first match at or after the text that sits at viewport height y.
  const at = (y: number) => {
    const offset = height > 0 ? ((y - top) / height) * length : 0;
    return firstIndex(0, starts.length, (i) => starts[i]! >= offset);
  };
  const from = at(-viewportHeight);
  const to = at(2 * viewportHeight);
  if (to - from <= cap) return { from, to };
  // More than the cap near: from a little above the viewport's top, so that scrolling up shows some too.
  const start = Math.min(Math.max(from, at(0) - Math.floor(cap / 4)), to - cap);
  return { from: start, to: start + cap };
}

/** The first index in [low, high) for which `test` holds (it holds for all after it), or high. */
function firstIndex(low: number, high: number, test: (index: number) => boolean): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
