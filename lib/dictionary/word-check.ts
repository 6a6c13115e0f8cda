/** The background's half of the word check (lib/matcher/sense.ts): the dictionary's keys say what a word is. */
import { standsAsWord } from '../matcher/sense';
import type { Dictionary } from './dictionary';

/**
 * Whether text[start, end) stands as a word in its text (a little of a page's text, cut at the neighbouring
 * glossary matches); `strict` for an ambiguous form.
 */
export function standsAsWordIn(
  dictionary: Dictionary,
  { text, start, end, strict }: { text: string; start: number; end: number; strict: boolean },
): boolean {
  const isWord = (from: number, to: number) => {
    const [first, last] = dictionary.keys.find(text, from, to - from);
    return last > first;
  };
  return standsAsWord({ start, end }, isWord, dictionary.keys.maxLength, { from: 0, to: text.length, strict });
}
