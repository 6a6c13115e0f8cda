/**
 * Whether a match is the glossary's sense of the form (glossary/README.md, "Where a form is matched"). The
 * build marks each trie node that ends a key with flags; the rules then run in the build (contexts) and for
 * pages: the word check in the background, which has the dictionary, the rest in the content script.
 */

/** An unambiguous form of an entry that is Jiaozuo's own thing: its presence makes a page about Jiaozuo. */
export const ANCHOR = 1;
/** Matched as the entry only on a page about Jiaozuo. */
export const AMBIGUOUS = 2;
/** A generic head noun: a Han character before it (but a function word) makes it part of a longer name. */
export const HEAD = 4;
/** Short: it must stand as a word where it is (standsAsWord, which the background checks for pages). */
export const WORD_CHECKED = 8;

/** Characters that may stand right before a head noun without making it part of a longer name. */
const BEFORE_HEAD = new Set([...'的之和与及或在为是对向从把被将到让由给以其各本该此这那全我你他并且也又再就都还已要']);
/** Verbs that take a head noun as their object in the sources' style (打造先行区, 推进中心城区 …). */
const VERBS_BEFORE_HEAD = ['打造', '引领', '强化', '推进', '通过', '建好', '做强', '融入', '服务'];

const isHan = (code: number) => (code >= 0x3400 && code < 0xa000) || (code >= 0xf900 && code < 0xfb00);

/** Whether text[start, end) is a word of the general dictionary. */
export type IsWord = (start: number, end: number) => boolean;

/**
 * Whether a match of a word-checked form stands as a word where it is: cut into the dictionary's words, longest
 * first, from the left (from `from`, where the previous glossary match ends) or from the right (from `to`, where
 * the next starts), the text has a cut at each end of the match. Only a form that every reading cuts across is
 * refused: 焦作 in 聚焦作风 (聚焦 | 作风 either way), 中站 in 激荡中站稳脚跟 (中 | 站稳), 黄河 in 黄河流域. One
 * direction alone misreads common text: from the left 对焦作的 reads 对焦 (to focus), from the right 焦作人 reads
 * 作人. `longest` is the dictionary's longest word.
 */
export function standsAsWord(
  match: { start: number; end: number },
  isWord: IsWord,
  longest: number,
  from: number,
  to: number,
): boolean {
  const { start, end } = match;
  const longestFrom = (at: number) => {
    for (let length = Math.min(longest, to - at); length >= 2; length--) if (isWord(at, at + length)) return length;
    return 1;
  };
  const longestTo = (at: number) => {
    for (let length = Math.min(longest, at - from); length >= 2; length--) if (isWord(at - length, at)) return length;
    return 1;
  };
  let left = from;
  while (left < start) left += longestFrom(left);
  if (left === start) {
    while (left < end) left += longestFrom(left);
    if (left === end) return true;
  }
  let right = to;
  while (right > end) right -= longestTo(right);
  if (right !== end) return false;
  while (right > start) right -= longestTo(right);
  return right === start;
}

/**
 * Whether a head noun's match heads no longer name: what stands right before it is no Han character, a function
 * word, one of the verbs that take it, or part of the previous glossary match (焦作中心城区).
 */
export function headsNoLongerName(text: string, match: { start: number }, before = 0): boolean {
  const at = match.start;
  if (at === 0 || at <= before) return true;
  const previous = text.charCodeAt(at - 1);
  if (!isHan(previous) || BEFORE_HEAD.has(text[at - 1]!)) return true;
  return VERBS_BEFORE_HEAD.some((verb) => text.endsWith(verb, at));
}
