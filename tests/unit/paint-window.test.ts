import { describe, expect, test } from 'vitest';
import { windowAround } from '../../lib/content/paint-window';

/** A block of `length` characters with a match every `every` characters. */
const startsEvery = (every: number, length: number) => Array.from({ length: length / every }, (_, i) => i * every);

describe('windowAround: which of a long block’s matches are painted', () => {
  const viewportHeight = 1000;

  test('a block a screen below the viewport or more paints nothing; one in view, the ones near the viewport', () => {
    const starts = startsEvery(10, 1_000_000); // 100 000 matches
    const farBelow = { top: 2500, height: 100_000, viewportHeight };
    expect(windowAround(starts, 1_000_000, farBelow, 1000)).toEqual({ from: 0, to: 0 });
    // The block's top a screen above the viewport: its first three screens are near (matches 0 to 3000), more
    // than the cap: a quarter of it above the viewport's top (match 1000), the rest from there down.
    const inView = { top: -1000, height: 100_000, viewportHeight };
    expect(windowAround(starts, 1_000_000, inView, 1000)).toEqual({ from: 750, to: 1750 });
  });

  test('the window follows the viewport down the block, at most the cap, from a little above the viewport', () => {
    const starts = startsEvery(10, 1_000_000);
    // Half way down a block 100 000 px high: the text at the viewport's top is at offset 500 000 (match 50 000).
    const middle = { top: -50_000, height: 100_000, viewportHeight };
    expect(windowAround(starts, 1_000_000, middle, 1000)).toEqual({ from: 49_750, to: 50_750 });
  });

  test('fewer than the cap near: all of them, and none beyond the margins', () => {
    const starts = startsEvery(1000, 1_000_000); // 1000 matches, 100 px apart
    const middle = { top: -50_000, height: 100_000, viewportHeight };
    // From a screen above (offset 490 000) to two screens below the top (offset 520 000).
    expect(windowAround(starts, 1_000_000, middle, 1000)).toEqual({ from: 490, to: 520 });
  });

  test('at the end of the block the window ends with it', () => {
    const starts = startsEvery(10, 1_000_000);
    const end = { top: -99_500, height: 100_000, viewportHeight };
    expect(windowAround(starts, 1_000_000, end, 1000)).toEqual({ from: 99_000, to: 100_000 });
  });
});
