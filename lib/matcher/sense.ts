/**
 * Whether a match is the glossary's sense of the form (glossary/README.md, "Where a form is matched"). The
 * build marks each trie node that ends a key with flags; the rules then run in the build (contexts) and for
 * pages: the word check in the background, which has the dictionary, the rest in the content script.
 */
import type { Match } from './matcher';

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
const VERBS_BEFORE_HEAD = [
  ...['打造', '引领', '强化', '推进', '推动', '部署', '通过', '建好', '做强', '融入', '服务', '支持', '带动', '助力'],
  ...['落户', '入驻', '走进', '来到', '回到'],
];

const isHan = (code: number) => (code >= 0x3400 && code < 0xa000) || (code >= 0xf900 && code < 0xfb00);

/** Whether text[start, end) is a word of the general dictionary. */
export type IsWord = (start: number, end: number) => boolean;

/**
 * Whether a match of a word-checked form stands as a word where it is. The text is cut into the dictionary's
 * words, longest first, once from the left (from `from`, where the previous glossary match ends) and once from
 * the right (from `to`, where the next starts); a reading stands the match when it has a cut at each end of it.
 * An unambiguous form needs one reading (from the left 对焦作的 reads 对焦, to focus; from the right 焦作人 reads
 * 作人: each misreads common text), an ambiguous one (`strict`) both: CC-CEDICT itself lists 中站, so only the
 * reading from the right sees 激荡中 | 站稳 | 脚跟. 焦作 in 聚焦作风 fails both (聚焦 | 作风), and so does 黄河 in
 * 黄河流域. `longest` is the dictionary's longest word.
 */
export function standsAsWord(
  match: { start: number; end: number },
  isWord: IsWord,
  longest: number,
  { from, to, strict }: { from: number; to: number; strict: boolean },
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
  const fromTheLeft = () => {
    let at = from;
    while (at < start) at += longestFrom(at);
    if (at !== start) return false;
    while (at < end) at += longestFrom(at);
    return at === end;
  };
  const fromTheRight = () => {
    let at = to;
    while (at > end) at -= longestTo(at);
    if (at !== end) return false;
    while (at > start) at -= longestTo(at);
    return at === start;
  };
  return strict ? fromTheLeft() && fromTheRight() : fromTheLeft() || fromTheRight();
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

/**
 * The matches of a text (leftmost-longest, in order) that are the glossary's sense there: an ambiguous form only
 * where the page (or text) is about Jiaozuo, a head noun heading no longer name, a word-checked form standing as a
 * word (`standsAsWord(match, before, after)`, with where the neighbouring matches end and start).
 */
export function inGlossarySense(
  text: string,
  matches: readonly Match[],
  aboutJiaozuo: boolean,
  standsAsWordHere: (match: Match, before: number, after: number) => boolean,
): Match[] {
  return matches.filter((match, i) => {
    if (match.flags & AMBIGUOUS && !aboutJiaozuo) return false;
    const before = i > 0 ? matches[i - 1]!.end : 0;
    if (match.flags & HEAD && !headsNoLongerName(text, match, before)) return false;
    const after = i + 1 < matches.length ? matches[i + 1]!.start : text.length;
    return !(match.flags & WORD_CHECKED) || standsAsWordHere(match, before, after);
  });
}
