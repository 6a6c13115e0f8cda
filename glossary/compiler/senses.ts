/**
 * Where each form of the glossary may be matched (glossary/README.md, "Where a form is matched"): the flags the
 * build gives each key, and the general dictionary's words, with which the build checks its own contexts as the
 * background checks pages'.
 */
import { stripQuotes } from '../../lib/matcher/characters';
import { normaliseKey } from '../../lib/matcher/compile';
import { AMBIGUOUS, ANCHOR, HEAD, WORD_CHECKED, type IsWord } from '../../lib/matcher/sense';
import { readCedict } from './dictionary';
import type { EntrySource } from './schema';

/** Categories of things that are not Jiaozuo's own: a form of theirs does not make a page about Jiaozuo. */
const NOT_ANCHORS = new Set(['national-policy', 'concept', 'industry', 'culture']);
/**
 * Forms this short sit inside or across other words often enough that every match is checked: two characters,
 * or three for an ambiguous form. (Longer forms rarely do, and a dictionary's cut of running text misreads
 * names: 猛犸新闻 | 记者 is cut 猛犸 | 新闻记者.)
 */
const SHORT = 2;
const SHORT_AMBIGUOUS = 3;

/** The flags of one written form (the term or an alias) of an entry; its traditional forms take the same. */
export function flagsOf(source: EntrySource, form: string): number {
  const key = normaliseKey(stripQuotes(form));
  const marked = Object.entries(source.ambiguous).find(([name]) => normaliseKey(stripQuotes(name)) === key)?.[1];
  if (marked === undefined) {
    return (NOT_ANCHORS.has(source.category) ? 0 : ANCHOR) | ([...key].length <= SHORT ? WORD_CHECKED : 0);
  }
  return (
    AMBIGUOUS |
    ([...key].length <= SHORT_AMBIGUOUS ? WORD_CHECKED : 0) |
    (typeof marked === 'object' && marked.head ? HEAD : 0)
  );
}

let dictionary: { words: Set<string>; longest: number } | null = null;

/** The general dictionary's words of two characters or more, simplified and traditional (read once a process). */
export function dictionaryWords(): { words: ReadonlySet<string>; longest: number } {
  if (!dictionary) {
    const words = new Set<string>();
    let longest = 0;
    for (const [traditional, simplified] of readCedict().all) {
      for (const word of [traditional, simplified]) {
        if ([...word].length < 2) continue;
        words.add(word);
        longest = Math.max(longest, word.length);
      }
    }
    dictionary = { words, longest };
  }
  return dictionary;
}

/** Whether a stretch of a text is a word of the general dictionary (two characters or more). */
export function isWordIn(text: string): IsWord {
  const { words } = dictionaryWords();
  return (start, end) => words.has(text.slice(start, end));
}
