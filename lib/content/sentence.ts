/** The page's own sentence around a term, for the learner's history: cut at 。！？ or the block's ends. */
import { readableText } from '../readable-text';
import { blockOf } from './text-runs';

const SENTENCE_END = /[。！？!?\n]/;
/** Longest sentence kept on each side of the term: a block without punctuation must not send a whole page. */
const MAX_SIDE = 120;

export function sentenceAround(range: AbstractRange): string {
  const node = range.startContainer;
  const block = blockOf(node);
  if (!block) return '';
  const text = block.textContent ?? '';
  const at = offsetIn(block, node, range.startOffset);
  if (at < 0) return '';
  let start = at;
  while (start > 0 && at - start < MAX_SIDE && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && end - at < MAX_SIDE && !SENTENCE_END.test(text[end]!)) end++;
  if (end < text.length && /[。！？!?]/.test(text[end]!)) end++;
  return readableText(text.slice(start, end));
}

/** A text position's offset within the element's textContent. */
function offsetIn(root: Element, node: Node, offset: number): number {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text === node) return before + offset;
    before += (text as Text).data.length;
  }
  return -1;
}
