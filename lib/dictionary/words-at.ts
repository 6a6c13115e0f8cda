/**
 * "Which word is this?": the longest dictionary word that starts at a point of a text, and the shorter words
 * inside it (Zhongwen's rule), as the background answers the content script (dictionary-lookup).
 */
import type { DictionaryWord } from '../dictionary-types';
import type { Dictionary } from './dictionary';

/** Han characters, 〇 and 々 included; outside the BMP too (CC-CEDICT has some 270 words with such characters). */
const HAN = /^\p{Script=Han}/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Where a word at `offset` would start: the offset itself, or the start of the surrogate pair it falls inside;
 * -1 where none can (past the end, or the character there is not Chinese: Latin letters, digits, punctuation).
 */
function wordStart(text: string, offset: number): number {
  let start = offset;
  if (
    start > 0 &&
    start < text.length &&
    isLowSurrogate(text.charCodeAt(start)) &&
    isHighSurrogate(text.charCodeAt(start - 1))
  ) {
    start--;
  }
  // Read as a code point, a lone surrogate is U+D800–DFFF, which is not Han: no word starts there. (Keys hold
  // whole characters only, so no word found can end inside a pair either.)
  return start < text.length && HAN.test(text.slice(start, start + 2)) ? start : -1;
}

/**
 * The words of `text` that start at `offset`, longest first; [] where none does: the offset is past the end,
 * the character there is not Chinese (Latin letters, digits, punctuation, a lone surrogate), or no entry
 * starts with it. An offset inside a surrogate pair is taken as the pair's start. `glossaryTermOf` names the
 * glossary term written as a word, if any. The entries' chunks must have been read (lookUpWords does that).
 */
export function wordsAt(
  dictionary: Dictionary,
  text: string,
  offset: number,
  glossaryTermOf: (form: string) => string | undefined,
): DictionaryWord[] {
  const start = wordStart(text, offset);
  if (start < 0) return [];
  return dictionary.lengthsAt(text, start).map((length) => {
    const end = start + length;
    const word = text.slice(start, end);
    const glossaryTerm = glossaryTermOf(word);
    return {
      text: word,
      start,
      end,
      entries: dictionary.entriesOf(text, start, length).map((e) => dictionary.entry(e)),
      ...(glossaryTerm === undefined ? {} : { glossaryTerm }),
    };
  });
}

/** wordsAt, once the chunks of the entries it answers with are read: what the background answers. */
export async function lookUpWords(
  dictionary: Dictionary,
  text: string,
  offset: number,
  glossaryTermOf: (form: string) => string | undefined,
): Promise<DictionaryWord[]> {
  const start = wordStart(text, offset);
  if (start < 0) return [];
  await dictionary.load(
    dictionary.lengthsAt(text, start).flatMap((length) => dictionary.entriesOf(text, start, length)),
  );
  return wordsAt(dictionary, text, start, glossaryTermOf);
}
