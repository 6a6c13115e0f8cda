/**
 * Shadow roots that come after the scan. A page may define a custom element after load (its constructor then
 * attaches the shadow root that holds its text) or attach a root to one whenever it likes, and neither is a DOM
 * mutation: no MutationObserver hears of it, and a content script cannot ask customElements.whenDefined
 * (isolated worlds have no custom element registry). So the custom elements that the scan met without a shadow
 * root are asked again every CHECK_MS, a few property reads each, until they have one (it is handed on), leave
 * the document, or have been defined for DEFINED_WAIT_MS without one (most custom elements never have one);
 * an element that stays undefined (a page may use a made-up tag name as mere markup) is given up after
 * UNDEFINED_WAIT_MS. At most MAX_WAITING are watched at once.
 */
import { Slice } from './schedule';

/** How often the elements are asked: a root appears on the page at most this long before it is read. */
const CHECK_MS = 500;
/** An element defined this long ago without a shadow root will not get one, most likely. */
const DEFINED_WAIT_MS = 5_000;
/** Nor will one that a page has not defined in this long. */
const UNDEFINED_WAIT_MS = 60_000;
/** Beyond this many elements waiting, more are not watched (a page of 100 000 custom elements). */
const MAX_WAITING = 20_000;

export class LateShadowRoots {
  /** Each element waiting, with when it was met, and when it was first seen defined (null while it is not). */
  private readonly waiting = new Map<Element, { met: number; defined: number | null }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly found: (root: ShadowRoot) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A custom element without an (open) shadow root, as the scan met it. */
  note(element: Element): void {
    if (this.stopped || this.waiting.has(element) || this.waiting.size >= MAX_WAITING) return;
    this.waiting.set(element, { met: this.now(), defined: null });
    this.timer ??= setTimeout(() => void this.check(), CHECK_MS);
  }

  stop(): void {
    this.stopped = true;
    this.waiting.clear();
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private async check(): Promise<void> {
    const slice = new Slice('shadows');
    const now = this.now();
    for (const [element, times] of [...this.waiting]) {
      if (this.stopped) return;
      const root = element.shadowRoot;
      if (root) this.found(root);
      if (times.defined === null && element.matches(':defined')) times.defined = now;
      const givenUp =
        times.defined === null ? now - times.met >= UNDEFINED_WAIT_MS : now - times.defined >= DEFINED_WAIT_MS;
      if (root || givenUp || !element.isConnected) this.waiting.delete(element);
      if (slice.spent()) await slice.yield();
    }
    slice.end();
    this.timer = this.waiting.size > 0 && !this.stopped ? setTimeout(() => void this.check(), CHECK_MS) : null;
  }
}
