/**
 * Which term is under the pointer: the caret position at the pointer (caretPositionFromPoint), looked up in
 * our own match index, then confirmed against the term's rectangles (the caret snaps to the nearest text,
 * even from a margin). Checked at most once per frame.
 */
import type { Annotations, TermMatch } from './annotations';
import { liveRange } from './ranges';
import { caretAt } from './scanner';

/** How far outside a term's box (px) the pointer may be and still count as on it. */
const SLACK = 1;

export interface Pointed {
  match: TermMatch | null;
  /** The text under the pointer holds a term: the pointer may be on its way to one. */
  overTermText: boolean;
}

export function lookAtPoint(
  doc: Document,
  annotations: Annotations,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): Pointed {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return { match: null, overTermText: false };
  const text = caret.node as Text;
  // The caret may sit just after the character under the pointer (its right half).
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (offset < 0) continue;
    const match = annotations.matchAt(text, offset);
    if (match && rangeContainsPoint(doc, match.range, x, y)) return { match, overTermText: true };
  }
  return { match: null, overTermText: annotations.holdsTerms(text) };
}

export function matchAtPoint(
  doc: Document,
  annotations: Annotations,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): TermMatch | null {
  return lookAtPoint(doc, annotations, x, y, shadowRoots).match;
}

function rangeContainsPoint(doc: Document, range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(doc, range).getClientRects()) {
    if (x >= rect.left - SLACK && x <= rect.right + SLACK && y >= rect.top - SLACK && y <= rect.bottom + SLACK)
      return true;
  }
  return false;
}
