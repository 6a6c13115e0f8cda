/**
 * Which term is under the pointer: the caret position at the pointer (caretPositionFromPoint), looked up in
 * our own match index, then confirmed against the term's rectangles (the caret snaps to the nearest text,
 * even from a margin). Where there is none, which Chinese character is, for the dictionary's card. Checked at
 * most once per frame.
 */
import type { Annotations, TermMatch } from './annotations';
import { liveRange } from './ranges';
import { caretAt } from './scanner';
import { characterStart, charLength, isHanAt } from './word-steps';

/** How far outside a term's box (px) the pointer may be and still count as on it. */
const SLACK = 1;

export interface Pointed {
  match: TermMatch | null;
  /** The text under the pointer holds a term: the pointer may be on its way to one. */
  overTermText: boolean;
  /** Off any term, the Chinese character under the pointer (where a dictionary word would start), if any. */
  character: CharacterAt | null;
}

/** A character of the page: its text node, and where it starts there. */
export interface CharacterAt {
  node: Text;
  offset: number;
}

export function lookAtPoint(
  doc: Document,
  annotations: Annotations,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): Pointed {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return { match: null, overTermText: false, character: null };
  const text = caret.node as Text;
  // The caret may sit just after the character under the pointer (its right half).
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (offset < 0) continue;
    const match = annotations.matchAt(text, offset);
    if (match && rangeContainsPoint(doc, match.range, x, y)) return { match, overTermText: true, character: null };
  }
  return { match: null, overTermText: annotations.holdsTerms(text), character: hanAt(doc, text, caret.offset, x, y) };
}

/** The Chinese character of `text` under the point, beside the caret's offset; null if the point is off it. */
function hanAt(doc: Document, text: Text, caretOffset: number, x: number, y: number): CharacterAt | null {
  const data = text.data;
  for (const offset of [caretOffset, caretOffset - 1]) {
    if (offset < 0 || offset >= data.length) continue;
    const start = characterStart(data, offset);
    if (!isHanAt(data, start)) continue;
    const range = doc.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + charLength(data, start));
    if (rangeContainsPoint(doc, range, x, y)) return { node: text, offset: start };
  }
  return null;
}

function rangeContainsPoint(doc: Document, range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(doc, range).getClientRects()) {
    if (x >= rect.left - SLACK && x <= rect.right + SLACK && y >= rect.top - SLACK && y <= rect.bottom + SLACK)
      return true;
  }
  return false;
}
