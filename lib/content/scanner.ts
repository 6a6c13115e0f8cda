/**
 * Keeps the page's annotations current: scans what is in view first, then the rest of the document in
 * slices, then follows the page's changes (batched per frame, rescanning only the blocks they touched).
 */
import type { Match, Matcher } from '../matcher/matcher';
import { ANCHOR } from '../matcher/sense';
import { inOriginal, visibleText, type VisibleText } from '../matcher/visible';
import type { Annotations, Recording } from './annotations';
import type { Placement } from './paint-window';
import { Churn, QUIET_MS } from './churn';
import { LateShadowRoots } from './late-shadows';
import { Slice, nextFrame } from './schedule';
import { PAUSE, blockOf, inSkippedSubtree, isInline, isSkipped, runs, type TextRun } from './text-runs';
import { mark } from './timing';

/** The part of senses.ts (PageSenses) the scan uses. */
interface Senses {
  keep(block: Element, text: string, matches: readonly Match[]): Match[];
  blockDone(block: Element, keptAnAnchor: boolean): void;
}

/** Runs longer than this (characters) are matched in pieces of this size: about a millisecond each. */
const MATCH_PIECE = 65_536;

export class PageScanner {
  private readonly shallowDirty = new Set<Element>();
  private readonly deepDirty = new Set<Element | ShadowRoot>();
  private sweepNeeded = false;
  private flushPending = false;
  private flushing: Promise<void> | null = null;
  private readonly observer: MutationObserver;
  private readonly observedRoots = new WeakSet<Node>();
  /** Custom elements met without a shadow root, asked again for one (no mutation announces it). */
  private readonly lateShadows = new LateShadowRoots((root) => {
    this.deepDirty.add(root);
    this.scheduleFlush();
  });
  private stopped = false;
  /** The open shadow roots met so far (the caret lookup needs them to see inside). */
  readonly shadowRoots: ShadowRoot[] = [];

  private readonly churn = new Churn();
  /** Churning blocks that have been quiet long enough to be scanned again (not a change of the page's). */
  private readonly quietAgain = new Set<Element>();
  private coolingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private readonly annotations: Annotations,
    private readonly listeners: {
      /** Called after each batch of work that changed the annotations. */
      onChange(): void;
      /** Called when the page changed its DOM (its layout may have moved blocks); `removed`: it took elements out. */
      onPageChange?(removed: boolean): void;
      /** True for an element of our own UI put into the page: its insertion is no change of the page's. */
      isOurs?(node: Node): boolean;
    },
    /** Which matches are the glossary's sense on this page (senses.ts); without it, every match is. */
    private readonly senses?: Senses,
  ) {
    this.observer = new MutationObserver((records) => this.noteMutations(records));
  }

  /** The first scan: the blocks in view, then everything, yielding to the page between slices. */
  async start(): Promise<void> {
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return;
    this.observe(this.doc);
    // Asking what is at a point before the page's first layout would force that layout inside our task.
    await nextFrame();
    mark('scan-start');
    // The blocks in view are the first slice's first work; the walk over everything follows in the same slice.
    const slice = new Slice('scan');
    // All the hit tests and measurements first: one after registering ranges would have to bring the page's
    // style up to date first (and the first registration adds our highlight styles, which restyles it all).
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 0;
    const inView = new Map<Element, Placement>();
    for (const block of blocksInView(this.doc)) {
      if (block && !inView.has(block) && startsWithText(block)) {
        const { top, height } = block.getBoundingClientRect();
        inView.set(block, { top, height, viewportHeight });
      }
      // A hit test can take a millisecond (in a block of a million text nodes): the slice may end between two.
      if (slice.spent()) await slice.yield();
    }
    for (const block of inView.keys()) await this.rescanBlock(block, slice);
    // In view by construction: their ranges are registered now, not after the proximity observer's first report
    // (which comes after a frame, and after the slices that scheduler.yield lets run before it); after all the
    // rescans, which ask whether CSS hides a block (a style question too).
    for (const [block, placement] of inView) this.annotations.setNear(block, true, placement);
    if (inView.size > 0) {
      this.listeners.onChange();
      // A frame paints them before the walk over everything begins.
      await slice.yield(true);
    }
    await this.scanDeep(root, slice, new Set(inView.keys()));
    slice.end();
    mark('scan-done');
    this.listeners.onChange();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.lateShadows.stop();
    if (this.coolingTimer !== null) clearTimeout(this.coolingTimer);
  }

  /** Resolves when no scan is under way (for tests and for stepping through terms). */
  async settled(): Promise<void> {
    while (this.flushing || this.flushPending) await (this.flushing ?? new Promise((r) => setTimeout(r, 16)));
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    if (root instanceof ShadowRoot) this.shadowRoots.push(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Scans root's whole subtree in the caller's slices. Blocks in `skip` were already scanned in this pass. */
  private async scanDeep(
    root: Element | ShadowRoot,
    slice: Slice,
    skip: ReadonlySet<Element> = new Set(),
  ): Promise<void> {
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) this.observe(root as ShadowRoot);
    const shadowRoots: ShadowRoot[] = [];
    const seen = new Set<Element>();
    /** Blocks met again after a nested block, or hosts of a shadow tree's inline text: each rescanned whole, once. */
    const whole = new Set<Element>();
    let pending: BlockScan | null = null;
    const walk = runs(root, {
      onShadowRoot: (shadow) => shadowRoots.push(shadow),
      onShadowless: (element) => this.lateShadows.note(element),
      ignore: skip,
    });
    for (const run of walk) {
      if (this.stopped) return;
      if (run === PAUSE) {
        if (slice.spent()) await slice.yield();
        continue;
      }
      if (pending?.block !== run.block) {
        // A block's text that continues after a nested block, and inline text at the top of a shadow tree (its
        // host's own, see blockOf, beside whatever the host has outside the tree), are the block's with runs met
        // elsewhere: the block is rescanned whole after the walk (at once, each time, would make a block with
        // thousands of nested blocks quadratic).
        if (seen.has(run.block) || (run.block !== root && !root.contains(run.block))) {
          whole.add(run.block);
          continue;
        }
        pending?.finish();
        seen.add(run.block);
        pending = this.blockScan(run.block, slice);
      }
      const adding = pending.add(run);
      if (adding) await adding;
      if (slice.spent()) await slice.yield();
    }
    pending?.finish();
    for (const block of whole) await this.rescanBlock(block, slice);
    for (const shadow of shadowRoots) await this.scanDeep(shadow, slice);
  }

  /** Rescans the runs that belong to one block (not to blocks nested in it). */
  private async rescanBlock(block: Element, slice: Slice): Promise<void> {
    const scan = this.blockScan(block, slice);
    for (const run of runs(block, { shallow: true })) {
      if (this.stopped) return;
      if (run === PAUSE) {
        if (slice.spent()) await slice.yield();
        continue;
      }
      const adding = scan.add(run);
      if (adding) await adding;
    }
    scan.finish();
  }

  private blockScan(block: Element, slice: Slice): BlockScan {
    return new BlockScan(block, this.matcher, this.annotations.begin(block), slice, () => this.stopped, this.senses);
  }

  /** Scans these blocks again soon: what their matches mean has changed (senses.ts), not their text. */
  rescan(blocks: Iterable<Element>): void {
    for (const block of blocks) this.quietAgain.add(block);
    this.scheduleFlush();
  }

  private noteMutations(records: MutationRecord[]): void {
    const isOurs = (node: Node) => this.listeners.isOurs?.(node) === true;
    let removed = false;
    for (const record of records) {
      const target = record.target;
      if (isOurs(target) || inSkippedSubtree(target)) continue;
      if (record.type === 'childList') {
        if ([...record.addedNodes, ...record.removedNodes].every(isOurs)) continue;
        // Only a removed element can have taken blocks with it (a ticker replacing its text removes none).
        if ([...record.removedNodes].some((node) => node.nodeType === Node.ELEMENT_NODE))
          removed = this.sweepNeeded = true;
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !isOurs(node)) this.deepDirty.add(node as Element);
        }
        // The added blocks are scanned on their own; rescanning the parent too would walk all its children,
        // and make each paragraph appended to a long article cost as much as the whole article's children.
        if (splitsNoRun(record)) continue;
      }
      const block = blockOf(target);
      if (block) this.shallowDirty.add(block);
    }
    this.listeners.onPageChange?.(removed);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushPending || this.stopped) return;
    this.flushPending = true;
    // Once per frame; a hidden tab has no frames, so a timer stands in.
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      this.flushPending = false;
      this.flushing = (this.flushing ?? Promise.resolve())
        .then(() => this.flush())
        .finally(() => {
          this.flushing = null;
        });
    };
    requestAnimationFrame(run);
    setTimeout(run, 100);
  }

  private async flush(): Promise<void> {
    const before = this.annotations.changeCount;
    if (this.sweepNeeded) {
      this.sweepNeeded = false;
      this.annotations.dropDisconnected();
    }
    const deep = [...this.deepDirty].filter((root) => root.isConnected);
    this.deepDirty.clear();
    const shallow = [...this.shallowDirty].filter((block) => block.isConnected);
    this.shallowDirty.clear();
    const slice = new Slice('update');
    const now = performance.now();
    for (const block of shallow) {
      if (this.churn.changed(block, now)) {
        this.annotations.dropBlock(block);
        continue;
      }
      await this.rescanBlock(block, slice);
      if (slice.spent()) await slice.yield();
    }
    if (this.churn.anyCooling) this.scheduleCoolingCheck();
    const rescanned = new Set(shallow);
    const quiet = [...this.quietAgain].filter(
      (block) => block.isConnected && !rescanned.has(block) && !this.churn.isCooling(block),
    );
    this.quietAgain.clear();
    for (const block of quiet) {
      await this.rescanBlock(block, slice);
      if (slice.spent()) await slice.yield();
    }
    // Added subtrees: skip one that sits inside another added one (its walk covers it), and inline content
    // put into a block that churns (a ticker that replaces its <span> each frame).
    const added = new Set(deep);
    for (const root of deep) {
      if (insideAny(root, added)) continue;
      if (root instanceof Element && isInline(root) && this.isCoolingBlockOf(root)) continue;
      await this.scanDeep(root, slice, rescanned);
    }
    slice.end();
    if (this.annotations.changeCount !== before) this.listeners.onChange();
  }

  private isCoolingBlockOf(node: Node): boolean {
    const block = blockOf(node);
    return block !== null && this.churn.isCooling(block);
  }

  /** Scans again the churning blocks once they have been quiet for a while. */
  private scheduleCoolingCheck(): void {
    if (this.coolingTimer !== null || this.stopped) return;
    this.coolingTimer = setTimeout(() => {
      this.coolingTimer = null;
      for (const block of this.churn.takeSettled(performance.now())) this.quietAgain.add(block);
      if (this.quietAgain.size > 0) this.scheduleFlush();
      if (this.churn.anyCooling) this.scheduleCoolingCheck();
    }, QUIET_MS);
  }
}

/** True when one of `roots` is an ancestor of `node` (in its own tree). */
function insideAny(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (roots.has(parent)) return true;
  return false;
}

/**
 * One block's scan: its runs, and the pieces of a long run, matched as they come (a piece's nodes are let go
 * once matched) and handed to the annotations' recording, which keeps the block's record once the last is in.
 * Promises come back only for a long text matched in pieces, or a long list of matches recorded in pieces: the
 * scan awaits nothing for the thousands of ordinary blocks (each await would cost it a microtask).
 */
class BlockScan {
  private found = false;
  private keptAnAnchor = false;
  /** Where matching resumes in the next piece of a long run: after any match that ran into its overlap. */
  private resume = 0;

  constructor(
    readonly block: Element,
    private readonly matcher: Matcher,
    private readonly recording: Recording,
    private readonly slice: Slice,
    private readonly stopped: () => boolean,
    private readonly senses?: Senses,
  ) {}

  add(run: TextRun): Promise<void> | undefined {
    const visible = visibleText(run.text);
    // A piece of a long run: the matches starting in its overlap with the piece before were that one's; and
    // those starting in its own tail, the next piece's (they may run on past its end).
    const from = run.overlap > 0 ? visibleIndex(visible, this.resume) : 0;
    const until = run.tail > 0 ? visibleIndex(visible, run.text.length - run.tail) : visible.text.length;
    const record = (found: Match[]): Promise<void> | undefined => {
      if (this.stopped()) return undefined;
      const kept = this.senses ? this.senses.keep(this.block, visible.text, found) : found;
      this.keptAnAnchor ||= kept.some((match) => match.flags & ANCHOR);
      const matches = inOriginal(visible, kept);
      this.found ||= matches.length > 0;
      this.resume = run.tail > 0 ? Math.max(0, (matches.at(-1)?.end ?? 0) - (run.text.length - run.tail)) : 0;
      return this.recording.add(run, matches, this.slice);
    };
    if (until - from <= MATCH_PIECE) return record(this.matcher.findLongest(visible.text, from, until));
    return this.matchInPieces(visible.text, from, until).then(record);
  }

  /** Keeps the block's record (empty where CSS hides the block: its text is not reading text). */
  finish(): void {
    if (this.stopped()) return;
    // checkVisibility costs a style lookup, so it is asked only of blocks that hold terms.
    const hidden = this.found && this.block.checkVisibility?.({ visibilityProperty: true }) === false;
    this.recording.finish(!hidden);
    this.senses?.blockDone(this.block, this.keptAnAnchor && !hidden);
  }

  /**
   * A page may hold one text node of megabytes (a log, a data dump): matching it at once would block the page
   * for 100 ms, so a long text is matched a piece at a time, with the slice's yields in between.
   */
  private async matchInPieces(text: string, start: number, end: number): Promise<Match[]> {
    const found: Match[] = [];
    for (let from = start; from < end;) {
      const until = Math.min(end, from + MATCH_PIECE);
      for (const match of this.matcher.findLongest(text, from, until)) found.push(match);
      from = Math.max(until, found.at(-1)?.end ?? 0);
      if (from < end && this.slice.spent()) await this.slice.yield();
    }
    return found;
  }
}

/** The index in a visible text of the first character at or after `offset` in the original. */
function visibleIndex(visible: VisibleText, offset: number): number {
  const origin = visible.origin;
  if (!origin) return offset;
  let low = 0;
  let high = origin.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (origin[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * True when a childList change cannot have changed the runs of its target's own text: every node added or
 * removed is a block (or skipped) element, and they sit at an edge of the target or beside a block, so no
 * run was cut in two or joined.
 */
function splitsNoRun(record: MutationRecord): boolean {
  const isElement = (node: Node | null): node is Element => node !== null && node.nodeType === Node.ELEMENT_NODE;
  if (!isElement(record.target) || isInline(record.target)) return false;
  const changed = [...record.addedNodes, ...record.removedNodes];
  if (!changed.every((node) => isElement(node) && !isInline(node))) return false;
  const endsRun = (node: Node | null) => node === null || (isElement(node) && !isInline(node) && !isSkipped(node));
  return endsRun(record.previousSibling) || endsRun(record.nextSibling);
}

/**
 * Whether a block has text of its own among its first children. A point between two paragraphs finds their
 * container (an article of 4000 paragraphs), whose rescan ahead of the walk (rejecting each paragraph) would hold
 * back the first highlight by tens of milliseconds; the walk reads it anyway.
 */
function startsWithText(block: Element): boolean {
  let looked = 0;
  for (let node = block.firstChild; node && looked < 50; node = node.nextSibling, looked++) {
    if (node.nodeType === Node.TEXT_NODE ? /\S/.test((node as Text).data) : isInlineElement(node)) return true;
  }
  return false;
}

function isInlineElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && isInline(node as Element);
}

/**
 * The block under each of a grid of points across the viewport (null where none): what the reader sees first.
 * The element at each point, not the caret position: a caret question makes Chromium lay out the text offsets of
 * the whole block first (a quarter of a second for a block of a million text nodes); an element's is free.
 */
function* blocksInView(doc: Document): Generator<Element | null> {
  const view = doc.defaultView;
  if (!view) return;
  const width = view.innerWidth;
  const height = view.innerHeight;
  for (let row = 0; row < 12; row++) {
    for (let column = 0; column < 4; column++) {
      const x = ((column + 0.5) * width) / 4;
      const y = ((row + 0.5) * height) / 12;
      const element = doc.elementFromPoint(x, y);
      yield element && !inSkippedSubtree(element) ? blockOf(element) : null;
    }
  }
}

export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = (
      doc.caretPositionFromPoint as (
        x: number,
        y: number,
        options?: { shadowRoots?: ShadowRoot[] },
      ) => CaretPosition | null
    )(x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = (
    doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
