/**
 * What the content script found on the page: the matches of each block, kept as data. Only the blocks near
 * the viewport have their ranges registered with the highlight (Chromium revalidates every registered range
 * after any DOM or style change, so a page with thousands of them would slow down), and of a block with more
 * than PAINT_CAP matches (one text node can hold 200 000 terms) only the ones around the viewport.
 *
 * Every step is linear in the block's matches, and a block with many of them is recorded in slices: its
 * matches are built (node index, counts) a piece at a time, then replace the block's old ones at once.
 */
import type { Match } from '../matcher/matcher';
import { windowAround, type Placement } from './paint-window';
import type { Slice } from './schedule';
import { locate, type TextRun } from './text-runs';

/** Painted at most per block (which ones, for a block with more: paint-window.ts). */
const PAINT_CAP = 1000;
/** A block with more matches than this is recorded in pieces of this many, with the slice's yields between. */
const PIECE = 500;

/** The matches of one block, as one scan found them. */
interface BlockRecord {
  matches: TermMatch[];
  /** Where each match starts in the block's text (its runs' texts one after another), and that text's length. */
  starts: number[];
  length: number;
  counts: Map<number, number>;
  near: boolean;
  /** Where the block was when last judged near. */
  placement?: Placement;
  /** The matches registered with the highlight: matches[from, to). */
  painted: { from: number; to: number };
  /**
   * True from when the record takes its block's place until it is replaced or the block leaves the page: its
   * matches say so (TermMatch.live), and the node index holds only live ones for the pointer.
   */
  live: boolean;
}

/**
 * One occurrence of a term. Its StaticRange is made when first asked for: most are never painted, pointed at or
 * stepped to, and a page of 100 000 terms would otherwise hold (and collect) 100 000 of them.
 */
export class TermMatch {
  private made: StaticRange | null = null;

  constructor(
    readonly entry: number,
    readonly startNode: Text,
    readonly startOffset: number,
    readonly endNode: Text,
    readonly endOffset: number,
    /** The record it belongs to (BlockRecord). */
    readonly record: { readonly live: boolean },
  ) {}

  get range(): StaticRange {
    this.made ??= new StaticRange({
      startContainer: this.startNode,
      startOffset: this.startOffset,
      endContainer: this.endNode,
      endOffset: this.endOffset,
    });
    return this.made;
  }

  /** False once its block was scanned again or left the page. */
  get live(): boolean {
    return this.record.live;
  }

  /** Where it starts and ends within one of the text nodes it touches. */
  startIn(node: Text): number {
    return node === this.startNode ? this.startOffset : 0;
  }

  endIn(node: Text): number {
    return node === this.endNode ? this.endOffset : node.length;
  }
}

/** A block's matches being recorded (Annotations.begin). */
export interface Recording {
  /**
   * Adds a run's matches (offsets into its text), the runs in document order. A promise comes back only when
   * they are so many that they are recorded in the slice's pieces.
   */
  add(run: TextRun, matches: readonly Match[], slice: Slice): Promise<void> | undefined;
  /** The record takes the block's place (with no matches unless `keep`), if no later recording began. */
  finish(keep: boolean): void;
}

function emptyRecord(): BlockRecord {
  return { matches: [], starts: [], length: 0, counts: new Map(), near: false, painted: NOTHING, live: false };
}

export interface HighlightSink {
  add(range: StaticRange): void;
  delete(range: StaticRange): void;
}

const NOTHING = { from: 0, to: 0 };

export class Annotations {
  private readonly blocks = new Map<Element, BlockRecord>();
  /**
   * For the pointer: each text node that holds (part of) a match, with the matches of one record that touch it,
   * in order (one match is kept as itself: most nodes hold one).
   */
  private readonly byNode = new WeakMap<Text, TermMatch | TermMatch[]>();
  private readonly counts = new Map<number, number>();
  /** The latest recording of each block (see begin). */
  private readonly tickets = new WeakMap<Element, object>();
  private version = 0;
  private ordered: { version: number; matches: TermMatch[] } | null = null;
  /** What the reader wants marked: not the entries they unmarked; with firstOnly, each entry's first match. */
  private marks: { unmarked: ReadonlySet<number>; firstOnly: boolean } = { unmarked: new Set(), firstOnly: false };
  /** With firstOnly: each entry's first match in document order, as of the last refreshMarks. */
  private firsts: ReadonlySet<TermMatch> | null = null;

  constructor(
    private readonly highlight: HighlightSink,
    /** Watches blocks that have matches, to tell which are near the viewport (see proximity.ts). */
    private readonly proximity: { observe(block: Element): void; unobserve(block: Element): void },
  ) {}

  /**
   * Starts recording a block's matches anew, run after run (Recording). A recording that waited (a long text
   * matched in pieces, a long list recorded in pieces) is dropped if a later one of the block began meanwhile, or
   * the block was dropped: the page changed it again, and the later one has the text as it is now. Until the
   * recording is finished the block's old matches stand (the pointer finds no term on the nodes already indexed
   * for the new ones, which are live only once recorded).
   */
  begin(block: Element): Recording {
    const ticket = {};
    this.tickets.set(block, ticket);
    const current = () => this.tickets.get(block) === ticket;
    const record = emptyRecord();
    return {
      add: (run, matches, slice) => {
        if (matches.length <= PIECE) return void this.build(record, run, matches, 0, matches.length);
        return this.buildInPieces(record, run, matches, slice, current);
      },
      finish: (keep) => {
        if (current()) this.replace(block, keep ? record : emptyRecord());
      },
    };
  }

  /** Recording.add for a long list. */
  private async buildInPieces(
    record: BlockRecord,
    run: TextRun,
    matches: readonly Match[],
    slice: Slice,
    current: () => boolean,
  ): Promise<void> {
    for (let from = 0; from < matches.length && current(); from += PIECE) {
      this.build(record, run, matches, from, Math.min(matches.length, from + PIECE));
      if (slice.spent()) await slice.yield();
    }
  }

  /**
   * Adds matches[from, to) of a run (or of a piece of a long run) to a record being built (run after run, in
   * order): the matches, their counts, and the node index.
   */
  private build(record: BlockRecord, run: TextRun, matches: readonly Match[], from: number, to: number): void {
    for (let m = from; m < to; m++) {
      const match = matches[m]!;
      const start = locate(run, match.start, false);
      const end = locate(run, match.end, true);
      const termMatch = new TermMatch(match.entry, start.node, start.offset, end.node, end.offset, record);
      record.matches.push(termMatch);
      // The block's text counts a piece's overlap with the piece before once.
      record.starts.push(record.length + match.start - run.overlap);
      record.counts.set(match.entry, (record.counts.get(match.entry) ?? 0) + 1);
      // The nodes it touches (not all the run's: a run can have a million), but for those it only borders.
      for (let i = start.index; i <= end.index; i++) {
        const node = run.nodes[i]!;
        if (termMatch.startIn(node) < termMatch.endIn(node)) this.index(node, termMatch, record);
      }
    }
    if (to === matches.length) record.length += run.text.length - run.overlap;
  }

  /** Adds a match to a node's list, or starts the list afresh when it holds another record's (an older scan's). */
  private index(node: Text, match: TermMatch, record: BlockRecord): void {
    const held = this.byNode.get(node);
    const first = Array.isArray(held) ? held[0] : held;
    if (!held || first?.record !== record) this.byNode.set(node, match);
    else if (Array.isArray(held)) held.push(match);
    else this.byNode.set(node, [held, match]);
  }

  /** Puts a built record in the place of the block's old one. */
  private replace(block: Element, record: BlockRecord): void {
    const previous = this.blocks.get(block);
    this.forget(block);
    if (record.matches.length === 0) {
      if (previous) this.proximity.unobserve(block);
      return;
    }
    // A block scanned again keeps its place: near the viewport, its new ranges are painted at once (not a frame
    // later, after a fresh verdict), and it stays watched.
    record.live = true;
    this.blocks.set(block, record);
    for (const [entry, count] of record.counts) this.counts.set(entry, (this.counts.get(entry) ?? 0) + count);
    if (previous?.near) {
      record.near = true;
      record.placement = previous.placement;
      this.paint(record, this.window(record));
    }
    if (!previous) this.proximity.observe(block);
    this.version++;
  }

  dropBlock(block: Element): void {
    this.tickets.delete(block); // a recording under way is dropped too
    if (this.forget(block)) this.proximity.unobserve(block);
  }

  /** Removes a block's matches and their highlights; false when it had none. */
  private forget(block: Element): boolean {
    const record = this.blocks.get(block);
    if (!record) return false;
    this.blocks.delete(block);
    record.live = false; // its matches are dead from here (their index entries go with their nodes)
    this.paint(record, NOTHING);
    for (const [entry, count] of record.counts) {
      const left = (this.counts.get(entry) ?? 0) - count;
      if (left > 0) this.counts.set(entry, left);
      else this.counts.delete(entry);
    }
    this.version++;
    return true;
  }

  /** Forgets blocks that left the document. */
  dropDisconnected(): void {
    for (const block of [...this.blocks.keys()]) if (!block.isConnected) this.dropBlock(block);
  }

  /**
   * Whether a block is near the viewport, and where it is (the proximity watch's verdict, or the first scan's).
   * A near block with more than PAINT_CAP matches has its window moved with each verdict: the reader may be
   * scrolling through it.
   */
  setNear(block: Element, near: boolean, placement: Placement): void {
    const record = this.blocks.get(block);
    if (!record || (record.near === near && record.matches.length <= PAINT_CAP)) return;
    record.near = near;
    record.placement = placement;
    this.paint(record, this.window(record));
  }

  /** The matches of a record to paint: none far from the viewport, all of an ordinary block, a long one's window. */
  private window(record: BlockRecord): { from: number; to: number } {
    if (!record.near) return NOTHING;
    if (record.matches.length <= PAINT_CAP) return { from: 0, to: record.matches.length };
    return windowAround(record.starts, record.length, record.placement!, PAINT_CAP);
  }

  /**
   * Registers matches[from, to) of a record with the highlight (those the reader wants marked), and unregisters
   * the ones painted before that it left.
   */
  private paint(record: BlockRecord, next: { from: number; to: number }): void {
    const before = record.painted;
    for (let i = before.from; i < before.to; i++)
      if (i < next.from || i >= next.to) this.highlight.delete(record.matches[i]!.range);
    for (let i = next.from; i < next.to; i++)
      if ((i < before.from || i >= before.to) && this.marked(record.matches[i]!))
        this.highlight.add(record.matches[i]!.range);
    record.painted = next;
  }

  private marked(match: TermMatch): boolean {
    return !this.marks.unmarked.has(match.entry) && (this.firsts === null || this.firsts.has(match));
  }

  /** What the reader wants marked (their settings): the near blocks are painted again. */
  setMarks(marks: { unmarked: ReadonlySet<number>; firstOnly: boolean }): void {
    this.marks = marks;
    this.refreshMarks();
  }

  /**
   * After a batch of changes, with firstOnly: which match of an entry comes first may have changed, so the near
   * blocks are painted again (a few dozen: the far ones paint nothing).
   */
  refreshMarks(): void {
    if (this.marks.firstOnly) {
      const firsts = new Map<number, TermMatch>();
      for (const match of this.inDocumentOrder()) if (!firsts.has(match.entry)) firsts.set(match.entry, match);
      this.firsts = new Set(firsts.values());
    } else this.firsts = null;
    for (const record of this.blocks.values()) {
      if (!record.near) continue;
      const window = record.painted;
      this.paint(record, NOTHING);
      this.paint(record, window);
    }
  }

  /** The match covering a text position, if any (for hover). */
  matchAt(node: Text, offset: number): TermMatch | null {
    const held = this.byNode.get(node);
    if (!held) return null;
    const list = Array.isArray(held) ? held : [held];
    // The last match starting at or before offset in this node.
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (list[mid]!.startIn(node) <= offset) low = mid;
      else high = mid - 1;
    }
    const match = list[low]!;
    return match.live && match.startIn(node) <= offset && offset < match.endIn(node) ? match : null;
  }

  /** Whether a text node holds (part of) a term (its list is of one record, alive or not). */
  holdsTerms(node: Text): boolean {
    const held = this.byNode.get(node);
    return (Array.isArray(held) ? held[0] : held)?.live === true;
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
      if (![...record.counts.keys()].some((entry) => entries.has(entry) && !found.has(entry))) continue;
      for (const match of record.matches) {
        if (entries.has(match.entry) && !found.has(match.entry)) found.set(match.entry, match);
      }
      if (found.size === entries.size) break;
    }
    return found;
  }

  /**
   * Every current match, in document order (for stepping through terms with the keyboard): the blocks sorted,
   * each block's matches being in order already. Kept until the matches change.
   */
  inDocumentOrder(): readonly TermMatch[] {
    if (this.ordered?.version !== this.version) {
      const blocks = [...this.blocks.values()].sort((a, b) => compareStarts(a.matches[0]!.range, b.matches[0]!.range));
      this.ordered = { version: this.version, matches: blocks.flatMap((record) => record.matches) };
    }
    return this.ordered.matches;
  }
}

export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}
