/**
 * Invisible characters a page may put inside a word: zero-width space, non-joiner and joiner, word joiner,
 * BOM (as a zero-width no-break space) and soft hyphen, to allow or forbid a line break there or to defeat
 * copying. The reader sees 一区五城 in 一区\u200B五城, so the page's text is matched with them taken out and
 * the matches are mapped back: a term matches across them and never starts or ends on one.
 *
 * Taken out before matching rather than passed over inside the matcher: the test for them in the matcher's
 * loop cost it 10–15% on every text, and almost no text holds one (one RegExp test per run finds out).
 */
import type { Match } from './matcher';

export const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export interface VisibleText {
  text: string;
  /** For each code unit of `text`, its index in the original; null when nothing was taken out. */
  origin: Int32Array | null;
}

export function visibleText(original: string): VisibleText {
  if (original.search(INVISIBLE) < 0) return { text: original, origin: null };
  const origin = new Int32Array(original.length);
  let kept = 0;
  let from = 0;
  for (const { index } of original.matchAll(INVISIBLE)) {
    for (let j = from; j < index; j++) origin[kept++] = j;
    from = index + 1;
  }
  for (let j = from; j < original.length; j++) origin[kept++] = j;
  return { text: original.replace(INVISIBLE, ''), origin: origin.subarray(0, kept) };
}

/** Matches found in the visible text, as offsets in the original. */
export function inOriginal(visible: VisibleText, matches: Match[]): Match[] {
  const origin = visible.origin;
  if (!origin) return matches;
  return matches.map((match) => ({ ...match, start: origin[match.start]!, end: origin[match.end - 1]! + 1 }));
}
