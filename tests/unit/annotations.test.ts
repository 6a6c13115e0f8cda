/**
 * Annotations with stand-ins for the DOM (text nodes are their data, StaticRange keeps its boundary points): a
 * block's matches recorded in pieces, found again by position, counted, painted around the viewport at most
 * 1000 at a time, a long run recorded piece by piece, and a recording that a later one overtook dropped.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { Annotations } from '../../lib/content/annotations';
import type { Match } from '../../lib/matcher/matcher';
import type { Slice } from '../../lib/content/schedule';
import type { TextRun } from '../../lib/content/text-runs';

class FakeStaticRange {
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    Object.assign(this, init);
  }
}

const text = (data: string) => ({ data, length: data.length }) as Text;
const block = () => ({}) as Element;
/** A slice that is always spent: the pieces of a long list each yield, as on a slow page. */
const spentSlice = (yields: { count: number }) =>
  ({ spent: () => true, yield: () => Promise.resolve(void yields.count++), end() {} }) as unknown as Slice;

/** One text node holding `count` terms of four characters with a comma after each (entry: the index mod 4). */
function denseRun(count: number): { run: TextRun; matches: Match[] } {
  const node = text('一区五城，'.repeat(count));
  const run: TextRun = { block: block(), nodes: [node], starts: [0], text: node.data, overlap: 0, tail: 0 };
  const matches = Array.from({ length: count }, (_, i) => ({ start: i * 5, end: i * 5 + 4, entry: i % 4, flags: 0 }));
  return { run, matches };
}

/** Records a block's runs with their matches, as the scanner does. */
async function record(annotations: Annotations, where: Element, runs: [TextRun, Match[]][], slice: Slice) {
  const recording = annotations.begin(where);
  for (const [run, matches] of runs) await recording.add(run, matches, slice);
  recording.finish(true);
}

describe('Annotations', () => {
  let painted: Set<unknown>;
  let annotations: Annotations;
  beforeEach(() => {
    vi.stubGlobal('StaticRange', FakeStaticRange);
    painted = new Set();
    annotations = new Annotations(
      { add: (range) => painted.add(range), delete: (range) => painted.delete(range) },
      { observe() {}, unobserve() {} },
    );
  });

  test('a block of 20 000 matches is recorded in pieces, and each is found again by its position', async () => {
    const { run, matches } = denseRun(20_000);
    const yields = { count: 0 };
    const where = run.block;
    await record(annotations, where, [[run, matches]], spentSlice(yields));
    expect(yields.count).toBeGreaterThan(10);
    expect([...annotations.entryCounts()].sort()).toEqual([
      [0, 5000],
      [1, 5000],
      [2, 5000],
      [3, 5000],
    ]);
    const node = run.nodes[0]!;
    for (const i of [0, 1, 9_999, 19_999]) {
      expect(annotations.matchAt(node, i * 5)?.entry).toBe(i % 4);
      expect(annotations.matchAt(node, i * 5 + 3)?.entry).toBe(i % 4);
      expect(annotations.matchAt(node, i * 5 + 4)).toBeNull(); // the comma
    }
    expect(annotations.holdsTerms(node)).toBe(true);
    expect(annotations.inDocumentOrder()).toHaveLength(20_000);
  });

  test('a long block near the viewport paints at most 1000 of its matches, moving with the viewport', async () => {
    const { run, matches } = denseRun(20_000);
    const where = run.block;
    await record(annotations, where, [[run, matches]], spentSlice({ count: 0 }));
    expect(painted.size).toBe(0); // not near yet
    annotations.setNear(where, true, { top: 0, height: 200_000, viewportHeight: 1000 });
    expect(painted.size).toBeGreaterThan(0);
    expect(painted.size).toBeLessThanOrEqual(1000);
    const first = [...painted];
    annotations.setNear(where, true, { top: -100_000, height: 200_000, viewportHeight: 1000 });
    expect(painted.size).toBeLessThanOrEqual(1000);
    expect(first.some((range) => painted.has(range))).toBe(false);
    annotations.setNear(where, false, { top: -300_000, height: 200_000, viewportHeight: 1000 });
    expect(painted.size).toBe(0);
  });

  test('a recording that waited is dropped when a later one of the block began meanwhile', async () => {
    const { run, matches } = denseRun(10_000);
    const where = run.block;
    const waiting = annotations.begin(where);
    const adding = waiting.add(run, matches, spentSlice({ count: 0 }));
    // The page changed the block: its text now holds one term, recorded at once.
    const now = text('焦作');
    const later = annotations.begin(where);
    const run2: TextRun = { block: where, nodes: [now], starts: [0], text: now.data, overlap: 0, tail: 0 };
    expect(later.add(run2, [{ start: 0, end: 2, entry: 7, flags: 0 }], spentSlice({ count: 0 }))).toBe(undefined);
    later.finish(true);
    await adding;
    waiting.finish(true);
    expect([...annotations.entryCounts()]).toEqual([[7, 1]]);
    expect(annotations.holdsTerms(run.nodes[0]!)).toBe(false);
    expect(annotations.matchAt(now, 1)?.entry).toBe(7);
  });

  test('a long run recorded piece by piece: a term across two pieces counted once, each found by its position', async () => {
    // Two pieces of one run: nodes a b | b c, the second repeating node b (its overlap).
    const [a, b, c] = [text('天地一区'), text('五城玄黄'), text('三区一极')];
    const first: TextRun = {
      block: block(),
      nodes: [a, b],
      starts: [0, 4],
      text: '天地一区五城玄黄',
      overlap: 0,
      tail: 4,
    };
    const second: TextRun = {
      block: first.block,
      nodes: [b, c],
      starts: [0, 4],
      text: '五城玄黄三区一极',
      overlap: 4,
      tail: 0,
    };
    // 一区五城 starts before the first piece's tail: the first piece's; 三区一极, the second's.
    await record(
      annotations,
      first.block,
      [
        [first, [{ start: 2, end: 6, entry: 1, flags: 0 }]],
        [second, [{ start: 4, end: 8, entry: 2, flags: 0 }]],
      ],
      spentSlice({ count: 0 }),
    );
    expect([...annotations.entryCounts()].sort()).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(annotations.matchAt(a, 3)?.entry).toBe(1);
    expect(annotations.matchAt(b, 1)?.entry).toBe(1);
    expect(annotations.matchAt(c, 0)?.entry).toBe(2);
    expect(annotations.inDocumentOrder().map((match) => match.entry)).toEqual([1, 2]);
  });

  test('a dropped block takes its matches, counts and paint with it', () => {
    const { run, matches } = denseRun(10);
    const where = run.block;
    // Ten matches: recorded at once, no promise.
    const recording = annotations.begin(where);
    expect(recording.add(run, matches, spentSlice({ count: 0 }))).toBe(undefined);
    recording.finish(true);
    annotations.setNear(where, true, { top: 0, height: 20, viewportHeight: 1000 });
    expect(painted.size).toBe(10);
    const [match] = annotations.inDocumentOrder();
    annotations.dropBlock(where);
    expect(painted.size).toBe(0);
    expect(annotations.entryCounts().size).toBe(0);
    expect(match!.live).toBe(false);
    expect(annotations.matchAt(run.nodes[0]!, 0)).toBeNull();
  });
});
