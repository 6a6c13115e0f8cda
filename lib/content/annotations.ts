/**
 * What the content script found on the page: the matches of each block, kept as data. Only the blocks near
 * the viewport have their ranges registered with the highlight (Chromium revalidates every registered range
 * after any DOM or style change, so a page with thousands of them would slow down).
 */
import type { Match } from '../matcher/matcher';
import { locate, type TextRun } from './text-runs';

export interface TermMatch {
  entry: number;
  range: StaticRange;
  /** False once its block was scanned again or left the page. */
  live: boolean;
}

interface BlockRecord {
  matches: TermMatch[];
  near: boolean;
}

/** Where a match touches one text node: [start, end) in that node. */
interface NodeSpan {
  start: number;
  end: number;
  match: TermMatch;
}

export interface HighlightSink {
  add(range: StaticRange): void;
  delete(range: StaticRange): void;
}

export class Annotations {
  private readonly blocks = new Map<Element, BlockRecord>();
  private readonly byNode = new WeakMap<Text, NodeSpan[]>();
  private readonly counts = new Map<number, number>();
  private version = 0;

  constructor(
    private readonly highlight: HighlightSink,
    /** Watches blocks that have matches, to tell which are near the viewport (see proximity.ts). */
    private readonly proximity: { observe(block: Element): void; unobserve(block: Element): void },
  ) {}

  /** Replaces a block's matches with those found in its runs now. */
  setBlock(block: Element, runs: readonly TextRun[], matchesPerRun: readonly Match[][]): void {
    // A block scanned again keeps its place: near the viewport, its new ranges are painted at once (not a
    // frame later, after a fresh verdict), and it stays watched.
    const previous = this.blocks.get(block);
    this.forget(block);
    const matches: TermMatch[] = [];
    runs.forEach((run, i) => {
      for (const match of matchesPerRun[i]!) {
        const start = locate(run, match.start, false);
        const end = locate(run, match.end, true);
        const range = new StaticRange({
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        });
        const termMatch: TermMatch = { entry: match.entry, range, live: true };
        matches.push(termMatch);
        this.indexNodes(run, start.index, end.index, match, termMatch);
      }
    });
    if (matches.length === 0) {
      if (previous) this.proximity.unobserve(block);
      return;
    }
    const near = previous?.near ?? false;
    this.blocks.set(block, { matches, near });
    if (near) for (const match of matches) this.highlight.add(match.range);
    for (const { entry } of matches) this.counts.set(entry, (this.counts.get(entry) ?? 0) + 1);
    if (!previous) this.proximity.observe(block);
    this.version++;
  }

  dropBlock(block: Element): void {
    if (this.forget(block)) this.proximity.unobserve(block);
  }

  /** Removes a block's matches and their highlights; false when it had none. */
  private forget(block: Element): boolean {
    const record = this.blocks.get(block);
    if (!record) return false;
    this.blocks.delete(block);
    for (const match of record.matches) {
      match.live = false;
      if (record.near) this.highlight.delete(match.range);
      const left = (this.counts.get(match.entry) ?? 0) - 1;
      if (left > 0) this.counts.set(match.entry, left);
      else this.counts.delete(match.entry);
      // Its node spans go with the nodes (WeakMap), or are filtered out as not live when indexed again.
    }
    this.version++;
    return true;
  }

  /** Forgets blocks that left the document. */
  dropDisconnected(): void {
    for (const block of [...this.blocks.keys()]) if (!block.isConnected) this.dropBlock(block);
  }

  /** Whether a block is near the viewport (the proximity watch's verdict, or the first scan's). */
  setNear(block: Element, near: boolean): void {
    const record = this.blocks.get(block);
    if (!record || record.near === near) return;
    record.near = near;
    for (const match of record.matches) {
      if (near) this.highlight.add(match.range);
      else this.highlight.delete(match.range);
    }
  }

  /** The match covering a text position, if any (for hover). */
  matchAt(node: Text, offset: number): TermMatch | null {
    for (const span of this.byNode.get(node) ?? []) {
      if (offset >= span.start && offset < span.end && span.match.live) return span.match;
    }
    return null;
  }

  /** Whether a text node holds (part of) a term. */
  holdsTerms(node: Text): boolean {
    return (this.byNode.get(node) ?? []).some((span) => span.match.live);
  }

  /** Entry index → occurrences on the page. */
  entryCounts(): ReadonlyMap<number, number> {
    return this.counts;
  }

  /** Changes whenever the set of matches changes. */
  get changeCount(): number {
    return this.version;
  }

  /** One match of each of the given entries that the page shows (any one: used for a sample sentence). */
  firstMatches(entries: ReadonlySet<number>): Map<number, TermMatch> {
    const found = new Map<number, TermMatch>();
    for (const record of this.blocks.values()) {
      for (const match of record.matches) {
        if (entries.has(match.entry) && !found.has(match.entry)) found.set(match.entry, match);
      }
      if (found.size === entries.size) break;
    }
    return found;
  }

  /** Every current match, in document order (for stepping through terms with the keyboard). */
  inDocumentOrder(): TermMatch[] {
    const all = [...this.blocks.values()].flatMap((record) => record.matches);
    return all.sort((a, b) => compareStarts(a.range, b.range));
  }

  /** Indexes the match under the run's nodes `first` to `last`, the ones it touches (not all the run's: a run can have 100 000). */
  private indexNodes(run: TextRun, first: number, last: number, match: Match, termMatch: TermMatch): void {
    for (let i = first; i <= last; i++) {
      const node = run.nodes[i]!;
      const nodeStart = run.starts[i]!;
      const nodeEnd = nodeStart + node.data.length;
      if (match.end <= nodeStart || match.start >= nodeEnd) continue;
      const spans = this.byNode.get(node)?.filter((span) => span.match.live) ?? [];
      spans.push({
        start: Math.max(match.start, nodeStart) - nodeStart,
        end: Math.min(match.end, nodeEnd) - nodeStart,
        match: termMatch,
      });
      this.byNode.set(node, spans);
    }
  }
}

export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}
