/** The background's record of the terms each tab shows, per frame, summed for the popup and the badge. */
import type { TermCount } from './messages/protocol';

export class TabTerms {
  private readonly frames = new Map<number, Map<number, TermCount[]>>();

  /** Records what one frame shows now (replacing its earlier report). */
  report(tabId: number, frameId: number, terms: TermCount[]): void {
    let tab = this.frames.get(tabId);
    if (!tab) this.frames.set(tabId, (tab = new Map()));
    tab.set(frameId, terms);
  }

  /** Forgets a tab (closed) or, with frameId 0, all its frames (the top document navigated). */
  forget(tabId: number): void {
    this.frames.delete(tabId);
  }

  /** The tab's terms summed over its frames, most frequent first, then in glossary-independent order. */
  terms(tabId: number): TermCount[] {
    const sums = new Map<string, number>();
    for (const terms of this.frames.get(tabId)?.values() ?? []) {
      for (const { term, count } of terms) sums.set(term, (sums.get(term) ?? 0) + count);
    }
    return [...sums]
      .map(([term, count]) => ({ term, count }))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, 'zh-Hans-CN'));
  }
}
