/** Stepping through the page's terms with the keyboard, in document order, wrapping at the ends. */
import { compareStarts, type TermMatch } from './annotations';

/**
 * The match to step to from `current` (or, with none, from the viewport: the first term below its top edge
 * going forward, the last above its bottom edge going back).
 */
export function nextMatch(
  ordered: readonly TermMatch[],
  current: TermMatch | null,
  direction: 1 | -1,
  isBeforeViewport: (match: TermMatch) => boolean,
  isAfterViewport: (match: TermMatch) => boolean,
): TermMatch | null {
  if (ordered.length === 0) return null;
  if (current) {
    // The current match may have been rescanned away: find where it stood.
    let index = ordered.indexOf(current);
    if (index < 0) {
      index = ordered.findIndex((m) => compareStarts(m.range, current.range) >= 0);
      if (index < 0) index = ordered.length;
      if (direction === 1) return ordered[index % ordered.length]!;
      return ordered[(index - 1 + ordered.length) % ordered.length]!;
    }
    return ordered[(index + direction + ordered.length) % ordered.length]!;
  }
  if (direction === 1) return ordered.find((m) => !isBeforeViewport(m)) ?? ordered[0]!;
  return [...ordered].reverse().find((m) => !isAfterViewport(m)) ?? ordered[ordered.length - 1]!;
}
