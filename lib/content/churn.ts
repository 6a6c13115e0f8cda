/**
 * Blocks whose text the page changes frame after frame (a ticker, a running clock, a field being typed in).
 * Rescanning such a block on every change would swap its highlight ranges every frame, and each swap makes
 * Chromium repaint the highlights: measured at about 3 ms a frame for a single ticker term. So a block that
 * changes too often "cools": its matches are dropped (they would point at stale offsets anyway) and it is
 * scanned again once it has been quiet for a moment.
 */

/** This many changes… */
const CHURNING_CHANGES = 5;
/** …within this time make a block churn (one change a frame at 60 Hz trips it in under 100 ms). */
const CHURN_WINDOW_MS = 1000;
/** A churning block is scanned again once it has not changed for this long. */
export const QUIET_MS = 400;

interface ChangeHistory {
  windowStart: number;
  changes: number;
  last: number;
}

export class Churn {
  private readonly history = new WeakMap<Element, ChangeHistory>();
  private readonly cooling = new Set<Element>();

  /** Records that the page changed a block; true when the block churns and its rescan must wait. */
  changed(block: Element, now: number): boolean {
    const history = this.history.get(block);
    if (!history || now - history.windowStart > CHURN_WINDOW_MS) {
      this.history.set(block, { windowStart: now, changes: 1, last: now });
      return this.cooling.has(block);
    }
    history.changes++;
    history.last = now;
    if (history.changes >= CHURNING_CHANGES) this.cooling.add(block);
    return this.cooling.has(block);
  }

  isCooling(block: Element): boolean {
    return this.cooling.has(block);
  }

  /** The cooling blocks that have been quiet for QUIET_MS: they leave the cooling set, to be scanned again. */
  takeSettled(now: number): Element[] {
    const settled = [...this.cooling].filter((block) => now - (this.history.get(block)?.last ?? 0) >= QUIET_MS);
    for (const block of settled) {
      this.cooling.delete(block);
      this.history.delete(block);
    }
    return settled;
  }

  get anyCooling(): boolean {
    return this.cooling.size > 0;
  }
}
