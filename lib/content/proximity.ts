/**
 * Which blocks with terms are near the viewport (only theirs are registered with the highlight).
 *
 * Not one long-lived IntersectionObserver over every block: Chromium recomputes all of an observer's targets
 * after every layout, so on a page that changes its own DOM each frame (a ticker, a live feed) thousands of
 * targets cost the page about a millisecond and a half a frame, whether anything moved or not. Instead the
 * observer is asked once about each block that needs a verdict, which is then unobserved: new blocks as
 * they are found, and every block when the reader scrolls or the viewport changes size. Layout that moves
 * blocks without a scroll (the page growing or shrinking above them) is caught by a slower recheck of all
 * blocks; the margin of a screen above and below the viewport covers them meanwhile. That recheck starts small
 * when it can: content added or grown can bring far blocks near only by moving the near ones, so only the blocks
 * judged near are asked again, and all blocks only when one of them has moved or changed size (or none is near).
 * A page that appends to its end or changes text in place (a feed, a ticker) then costs a few dozen questions
 * per recheck instead of thousands. Content removed can pull far blocks up without moving the near ones: that
 * asks all blocks at once.
 *
 * One observer, whose targets are only the blocks asked about and not yet answered for: most frames it has
 * none.
 */

/** The margin around the viewport (a screen above and below) in which terms are painted. */
const NEAR_MARGIN = '100% 0px 100% 0px';
/** At most one full recheck this often for changes other than scrolling and resizing. */
const LAYOUT_RECHECK_MS = 500;

/** Each block asked about: whether it is near, and where it is (viewport-relative). */
export type Verdicts = (verdicts: { block: Element; near: boolean; top: number; height: number }[]) => void;

export class Proximity {
  private readonly tracked = new Set<Element>();
  /** Blocks the observer was asked about and has not answered for yet. */
  private readonly asked = new Set<Element>();
  /** The blocks judged near, with where they were (viewport-relative) when judged. */
  private readonly nearAt = new Map<Element, { top: number; height: number }>();
  /** The near blocks asked again by a layout recheck and not yet answered for; all blocks are asked if one has moved. */
  private probe: Set<Element> | null = null;
  private recheckPending = false;
  private readonly observer: IntersectionObserver;
  private layoutTimer: ReturnType<typeof setTimeout> | null = null;
  /** The pending layout recheck must ask all blocks (the page removed something). */
  private recheckAllDue = false;
  private lastLayoutRecheck = -Infinity;
  private stopped = false;

  constructor(
    private readonly view: Window,
    private readonly onVerdicts: Verdicts,
  ) {
    // Each target is unobserved once answered: between questions the observer has nothing to compute.
    this.observer = new IntersectionObserver((entries) => this.answered(entries), { rootMargin: NEAR_MARGIN });
    view.addEventListener('scroll', this.recheckAll, { capture: true, passive: true });
    view.addEventListener('resize', this.recheckAll, { passive: true });
    // An image or font that loads moves what follows it without a DOM change (load does not bubble: capture).
    view.addEventListener('load', this.somethingLoaded, { capture: true, passive: true });
  }

  observe(block: Element): void {
    this.tracked.add(block);
    this.ask(block);
  }

  unobserve(block: Element): void {
    this.tracked.delete(block);
    this.nearAt.delete(block);
    // Asked already, it stays observed until answered; the answer is dropped (it is no longer tracked).
  }

  /**
   * The page's layout may have moved blocks: the page changed its DOM (`removed`: it took elements out), or
   * something loaded.
   */
  layoutChanged(removed = false): void {
    if (this.stopped) return;
    if (removed) this.recheckAllDue = true;
    if (this.layoutTimer !== null) return;
    const wait = Math.max(0, this.lastLayoutRecheck + LAYOUT_RECHECK_MS - performance.now());
    this.layoutTimer = setTimeout(() => {
      this.layoutTimer = null;
      this.lastLayoutRecheck = performance.now();
      if (this.recheckAllDue) this.recheckAll();
      else this.recheckNear();
      this.recheckAllDue = false;
    }, wait);
  }

  private readonly somethingLoaded = (): void => this.layoutChanged();

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    if (this.layoutTimer !== null) clearTimeout(this.layoutTimer);
    this.view.removeEventListener('scroll', this.recheckAll, { capture: true });
    this.view.removeEventListener('resize', this.recheckAll);
    this.view.removeEventListener('load', this.somethingLoaded, { capture: true });
  }

  /** Every block again; while a recheck is out, the next waits for its answers (a frame at most). */
  private readonly recheckAll = (): void => {
    if (this.stopped) return;
    if (this.asked.size > 0) {
      this.recheckPending = true;
      return;
    }
    for (const block of this.tracked) this.ask(block);
  };

  /** The near blocks again; all blocks if one has moved (answered() decides), or if none is near. */
  private recheckNear(): void {
    if (this.stopped) return;
    if (this.nearAt.size === 0) return this.recheckAll();
    if (this.probe) return; // one is out already: its answers will tell
    this.probe = new Set(this.nearAt.keys());
    for (const block of this.probe) this.ask(block);
  }

  private ask(block: Element): void {
    if (this.asked.has(block) || this.stopped) return;
    this.asked.add(block);
    this.observer.observe(block);
  }

  private answered(entries: IntersectionObserverEntry[]): void {
    const verdicts: Parameters<Verdicts>[0] = [];
    for (const entry of entries) {
      const block = entry.target;
      this.observer.unobserve(block);
      this.asked.delete(block);
      const probed = this.probe?.delete(block) === true;
      if (!this.tracked.has(block)) continue;
      const near = entry.isIntersecting;
      const { top, height } = entry.boundingClientRect;
      verdicts.push({ block, near, top, height });
      const before = this.nearAt.get(block);
      // A near block moved: all blocks are asked once every answer is in (below).
      if (probed && (!near || before?.top !== top || before.height !== height)) this.recheckPending = true;
      if (near) this.nearAt.set(block, { top, height });
      else this.nearAt.delete(block);
    }
    if (verdicts.length > 0) this.onVerdicts(verdicts);
    if (this.probe?.size === 0) this.probe = null;
    if (this.recheckPending && this.asked.size === 0) {
      this.recheckPending = false;
      this.recheckAll();
    }
  }
}
