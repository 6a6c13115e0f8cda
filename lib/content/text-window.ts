/**
 * A little of the page's text around a point, for the dictionary's lookup (dictionary-lookup takes at most
 * MAX_LOOKUP_TEXT code units): read from the point's text node and the text nodes beside it in the same run of
 * the block's inline text (一区<b>五</b>城 reads as one text, as text-runs.ts reads it), and never more: not the
 * whole block, which may hold a million nodes, nor the whole of a text node of ten megabytes.
 */
import { MAX_LOOKUP_TEXT } from '../dictionary-types';
import { blockOf, isInline, isSkipped } from './text-runs';

/** Code units read before the point: enough for the word that ends there (CC-CEDICT's longest is 19). */
const BEFORE = 24;
/** Code units read from the point on: the longest word and the text a step to the next word looks through. */
const AFTER = MAX_LOOKUP_TEXT - BEFORE;
/**
 * Nodes walked on each side at most (elements and text nodes): a page may split its text into a node a character,
 * or put thousands of empty inline elements between two of them.
 */
const MAX_STEPS = 256;

/** The part of one text node that a window holds. */
interface Piece {
  node: Text;
  /** Where the part starts in the node, and its length. */
  from: number;
  length: number;
  /** Where it starts in the window's text. */
  at: number;
}

export interface TextWindow {
  text: string;
  /** Where the point is in `text`. */
  offset: number;
  pieces: Piece[];
  /** Whether the text before the window's start, or after its end, is outside the run (or there is none). */
  startsRun: boolean;
  endsRun: boolean;
}

/**
 * The window around `offset` of `node` (an offset inside a surrogate pair counts from the pair's start): up to
 * BEFORE code units before it and AFTER from it on, from the node and the run's text nodes before and after it.
 */
export function readWindow(node: Text, offset: number): TextWindow {
  return windowOf(node, offset, textsBeside(node, -1), textsBeside(node, 1));
}

/**
 * readWindow with the text nodes before `node` (nearest first) and after it given: a window is cut whole
 * characters, never half a surrogate pair at either end.
 */
export function windowOf(node: Text, offset: number, before: Iterable<Text>, after: Iterable<Text>): TextWindow {
  const data = node.data;
  let point = Math.min(Math.max(0, offset), data.length);
  if (isLow(data.charCodeAt(point)) && isHigh(data.charCodeAt(point - 1))) point--;

  const following: Piece[] = [{ node, from: point, length: Math.min(AFTER, data.length - point), at: 0 }];
  let afterLength = following[0]!.length;
  let endsRun = true;
  if (afterLength < AFTER) {
    for (const next of after) {
      const length = Math.min(next.length, AFTER - afterLength);
      following.push({ node: next, from: 0, length, at: 0 });
      afterLength += length;
      if (afterLength === AFTER) break;
    }
  }
  if (afterLength === AFTER) endsRun = false;

  const preceding: Piece[] = [];
  let beforeLength = Math.min(BEFORE, point);
  if (beforeLength > 0) preceding.push({ node, from: point - beforeLength, length: beforeLength, at: 0 });
  let startsRun = true;
  if (beforeLength < BEFORE) {
    for (const previous of before) {
      const length = Math.min(previous.length, BEFORE - beforeLength);
      preceding.push({ node: previous, from: previous.length - length, length, at: 0 });
      beforeLength += length;
      if (beforeLength === BEFORE) break;
    }
  }
  if (beforeLength === BEFORE) startsRun = false;

  // A surrogate pair cut at either end: its half is not read (a lone surrogate in the page's text is kept).
  const first = preceding.at(-1);
  if (first && first.length > 0 && cutsPair(first.node.data, first.from)) {
    first.from++;
    first.length--;
    beforeLength--;
  }
  const last = following.at(-1)!;
  if (last.length > 0 && cutsPair(last.node.data, last.from + last.length)) last.length--;

  const pieces = [...preceding.reverse(), ...following].filter((piece) => piece.length > 0);
  let text = '';
  for (const piece of pieces) {
    piece.at = text.length;
    text += piece.node.data.slice(piece.from, piece.from + piece.length);
  }
  return { text, offset: beforeLength, pieces, startsRun, endsRun };
}

/**
 * The text node and offset of a position of the window's text: of the character that starts there, or with
 * `isEnd`, of the end of the one before it. Null outside the text.
 */
export function pointAt(window: TextWindow, index: number, isEnd = false): { node: Text; offset: number } | null {
  for (const piece of window.pieces) {
    const inside = isEnd
      ? index > piece.at && index <= piece.at + piece.length
      : index >= piece.at && index < piece.at + piece.length;
    if (inside) return { node: piece.node, offset: piece.from + index - piece.at };
  }
  return null;
}

/** Where a point of the page (a text node and an offset) is in the window's text; -1 outside it. */
export function indexOf(window: TextWindow, node: Text, offset: number): number {
  for (const piece of window.pieces) {
    if (piece.node === node && offset >= piece.from && offset <= piece.from + piece.length)
      return piece.at + offset - piece.from;
  }
  return -1;
}

/** The page's text of window.text[start, end), as a range. */
export function rangeOf(window: TextWindow, start: number, end: number): StaticRange | null {
  const from = pointAt(window, start);
  const to = pointAt(window, end, true);
  if (!from || !to) return null;
  return new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
}

/**
 * The text nodes of the run before (-1, nearest first) or after (1) a text node: across inline elements and
 * comments, over skipped inline ones (a hidden <span>), to the first block, <br> or skipped block-level element
 * (<pre>, <textarea>), as text-runs.ts joins a run; within the node's block (or its shadow tree, for a shadow
 * host's own text).
 */
function* textsBeside(start: Text, direction: -1 | 1): Generator<Text> {
  const block = blockOf(start);
  const root: Node = block?.contains(start) ? block : start.getRootNode();
  let node: Node = start;
  let enter = false;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const next = step(node, root, direction, enter);
    if (!next) return;
    node = next;
    enter = false;
    if (next.nodeType === Node.TEXT_NODE) yield next as Text;
    else if (next.nodeType === Node.ELEMENT_NODE) {
      const element = next as Element;
      if (!isInline(element)) return; // a block, a <br>, or text not read that stands as a block
      enter = !isSkipped(element);
    }
  }
}

/** The node after (or before) `node` in document order within root, into its children if `enter`. */
function step(node: Node, root: Node, direction: -1 | 1, enter: boolean): Node | null {
  if (enter) {
    const child = direction > 0 ? node.firstChild : node.lastChild;
    if (child) return child;
  }
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    const sibling = direction > 0 ? at.nextSibling : at.previousSibling;
    if (sibling) return sibling;
  }
  return null;
}

/** Whether a cut of `data` at `at` falls between the two halves of a surrogate pair. */
function cutsPair(data: string, at: number): boolean {
  return isHigh(data.charCodeAt(at - 1)) && isLow(data.charCodeAt(at));
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
