/**
 * Showing the reader where an entry occurs (the popup's "On this page" list): its occurrences one after
 * another, wrapping at the end, each brought to the middle of the view, clear of the page's sticky headers.
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

/**
 * Brings a term into the part of the window that nothing pinned covers (below a sticky header, above a cookie bar):
 * a term already there stays where it is, any other goes to the middle of that part. Every scroller between the
 * term and the window follows.
 */
export function bringIntoClearView(doc: Document, range: AbstractRange): void {
  const view = doc.defaultView!;
  const rectOf = () => liveRange(doc, range).getBoundingClientRect();
  const isClear = (rect: DOMRect, band: Band) =>
    rect.top >= band.top && rect.bottom <= band.bottom && rect.left >= 0 && rect.right <= view.innerWidth;
  if (isClear(rectOf(), clearBand(doc))) return;
  // The element brings along any scrolling box it sits in; the window is then adjusted to the term itself, which
  // in a long paragraph may be far from the element's centre, and to the bars pinned where it scrolled to (a
  // sticky header sticks only once the page has scrolled).
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const band = clearBand(doc);
  const rect = rectOf();
  view.scrollBy({ top: rect.top + rect.height / 2 - (band.top + band.bottom) / 2, behavior: 'instant' });
}

interface Band {
  top: number;
  bottom: number;
}

/**
 * The window's rows that no pinned bar covers: the fixed or sticky elements at its top and bottom edges, found
 * where the page's own hit testing finds them (at three points along each edge). Pinned layers taller than a
 * third of the window (a sidebar, a backdrop) are not bars.
 */
function clearBand(doc: Document): Band {
  const view = doc.defaultView!;
  const band = { top: 0, bottom: view.innerHeight };
  for (const x of [0.2, 0.5, 0.8].map((share) => share * view.innerWidth)) {
    for (const atTop of [true, false]) {
      const bar = pinnedAround(doc.elementFromPoint(x, atTop ? 1 : view.innerHeight - 2));
      const rect = bar?.getBoundingClientRect();
      if (!rect || rect.height > view.innerHeight / 3) continue;
      if (atTop) band.top = Math.max(band.top, rect.bottom);
      else band.bottom = Math.min(band.bottom, rect.top);
    }
  }
  return band;
}

/** The element, or its nearest ancestor, that stays put when the window scrolls (fixed or sticky). */
function pinnedAround(element: Element | null): Element | null {
  for (let at = element; at && at !== at.ownerDocument.documentElement; at = at.parentElement) {
    const { position } = at.ownerDocument.defaultView!.getComputedStyle(at);
    if (position === 'fixed' || position === 'sticky') return at;
  }
  return null;
}
