/** The dictionary's side of the word check (lib/matcher/sense.ts): its keys say what a word is. */
import type { Words } from '../lookup';
import { standsAsWord } from '../matcher/sense';
import type { Dictionary } from './dictionary';

/** The dictionary as the word check reads it. */
export function wordsOf(dictionary: Dictionary): Words {
  return {
    isWordIn: (text) => (from, to) => {
      const [first, last] = dictionary.keys.find(text, from, to - from);
      return last > first;
    },
    longest: dictionary.keys.maxLength,
  };
}

/**
 * Whether text[start, end) stands as a word in its text (a little of a page's text, cut at the neighbouring
 * glossary matches); `strict` for an ambiguous form. The background answers pages' word-check with it.
 */
export function standsAsWordIn(
  dictionary: Dictionary,
  { text, start, end, strict }: { text: string; start: number; end: number; strict: boolean },
): boolean {
  const { isWordIn, longest } = wordsOf(dictionary);
  return standsAsWord({ start, end }, isWordIn(text), longest, { from: 0, to: text.length, strict });
}
