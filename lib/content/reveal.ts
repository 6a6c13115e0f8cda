/**
 * Showing the reader where an entry occurs (the popup's "On this page" list): its occurrences one after
 * another, wrapping at the end, each scrolled into view.
 */
import type { TermMatch } from './annotations';
import { liveRange } from './ranges';
import { nextMatch } from './stepper';

/**
 * The entry's occurrence after `last` (the one revealed before, of any entry), or with none the first one
 * not above the viewport; with its place among the entry's occurrences (0-based) and their number.
 */
export function nextOccurrence(
  ordered: readonly TermMatch[],
  entry: number,
  last: TermMatch | null,
  isBeforeViewport: (match: TermMatch) => boolean,
  isAfterViewport: (match: TermMatch) => boolean,
): { match: TermMatch; index: number; count: number } | null {
  const occurrences = ordered.filter((match) => match.entry === entry);
  // A match at the same place as the last one (its block was rescanned since) is not the next one.
  const from = last && !last.live ? (occurrences.find((match) => sameStart(match.range, last.range)) ?? last) : last;
  const match = nextMatch(occurrences, from, 1, isBeforeViewport, isAfterViewport);
  return match ? { match, index: occurrences.indexOf(match), count: occurrences.length } : null;
}

function sameStart(a: AbstractRange, b: AbstractRange): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset;
}

/** Scrolls every scroller between the term and the window so that the term stands in the window's upper half. */
export function scrollRangeIntoView(doc: Document, range: AbstractRange): void {
  const view = doc.defaultView!;
  const inView = () => {
    const rect = liveRange(doc, range).getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= view.innerHeight && rect.left >= 0 && rect.right <= view.innerWidth;
  };
  if (inView()) return;
  // The element brings along any scrolling box it sits in; the window is then adjusted to the term itself,
  // which in a long paragraph may be far from the element's centre.
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = liveRange(doc, range).getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > view.innerHeight)
    view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' });
}
