/**
 * A text cut into dictionary words, left to right, each the longest word that starts where the last one
 * ended (the context menu's lookup of 步履铿锵: 步履, 铿锵). Characters that start no word are stepped over.
 */
import type { DictionaryWord } from '../dictionary-types';
import type { Dictionary } from './dictionary';
import { wordsAt } from './words-at';

/** Words beyond this many are not listed: a selection may be a whole page. */
const MAX_WORDS = 100;

export function segmentWords(
  dictionary: Dictionary,
  text: string,
  glossaryTermOf: (form: string) => string | undefined,
): DictionaryWord[] {
  const words: DictionaryWord[] = [];
  for (let at = 0; at < text.length && words.length < MAX_WORDS;) {
    const longest = wordsAt(dictionary, text, at, glossaryTermOf)[0];
    if (longest) {
      words.push(longest);
      at = longest.end;
    } else at += text.codePointAt(at)! > 0xffff ? 2 : 1;
  }
  return words;
}
