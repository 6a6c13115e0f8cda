/**
 * The page's own sentence around a term, for the learner's history: cut at 。！？ or the block's ends. Read
 * from the text nodes next to the term, at most MAX_SIDE characters on each side: never the whole block, which
 * may hold a million nodes.
 */
import { readableText } from '../readable-text';
import { blockOf } from './text-runs';

const SENTENCE_END = /[。！？!?\n]/;
/** Longest sentence kept on each side of the term: a block without punctuation must not send a whole page. */
const MAX_SIDE = 120;
/** Text nodes read on each side at most (a page may split its text into nodes of a character, or none). */
const MAX_NODES = 2 * MAX_SIDE;

export function sentenceAround(range: AbstractRange): string {
  const node = range.startContainer;
  const block = blockOf(node);
  if (!block || node.nodeType !== Node.TEXT_NODE) return '';
  // The block's text, or for a shadow host the shadow tree the term is in (see blockOf).
  const root = block.contains(node) ? block : node.getRootNode();
  const data = (node as Text).data;
  const before = textBeside(root, node, -1) + data.slice(0, range.startOffset);
  const after = data.slice(range.startOffset) + textBeside(root, node, 1);
  return readableText(cutSentence(before, after));
}

/** Up to MAX_SIDE characters of the text nodes before (-1) or after (1) `node` within root, in reading order. */
function textBeside(root: Node, node: Node, direction: -1 | 1): string {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  const pieces: string[] = [];
  let length = 0;
  for (let n = 0; n < MAX_NODES && length < MAX_SIDE; n++) {
    const next = direction < 0 ? walker.previousNode() : walker.nextNode();
    if (!next) break;
    const text = (next as Text).data;
    pieces.push(text);
    length += text.length;
    if (SENTENCE_END.test(text)) break;
  }
  if (direction < 0) pieces.reverse();
  return pieces.join('');
}

/**
 * The sentence that `after` starts (with the term) and `before` leads up to: back to the last sentence end
 * before it and on to the first after the term's start (kept, unless a line break), at most MAX_SIDE characters
 * each way.
 */
export function cutSentence(before: string, after: string): string {
  let start = before.length;
  while (start > 0 && before.length - start < MAX_SIDE && !SENTENCE_END.test(before[start - 1]!)) start--;
  let end = 0;
  while (end < after.length && end < MAX_SIDE && !SENTENCE_END.test(after[end]!)) end++;
  if (end < after.length && /[。！？!?]/.test(after[end]!)) end++;
  return before.slice(start) + after.slice(0, end);
}
