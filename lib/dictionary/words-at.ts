/**
 * "Which word is this?": the longest dictionary word that starts at a point of a text, and the shorter words
 * inside it (Zhongwen's rule), as the background answers the content script (dictionary-lookup); and, for
 * stepping back through a text, the longest word that ends at a point, and the shorter ones it ends with.
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
 * Where a word ending at `offset` would end: the offset itself, or the start of the surrogate pair it falls
 * inside (as for wordStart); -1 where none can (at the start, or the character before is not Chinese).
 */
function wordEnd(text: string, offset: number): number {
  let end = Math.min(offset, text.length);
  if (end > 0 && end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1)))
    end--;
  if (end === 0) return -1;
  const last =
    end >= 2 && isLowSurrogate(text.charCodeAt(end - 1)) && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
  return HAN.test(text.slice(end - last, end)) ? end : -1;
}

/** The words found at a point: [start, end) of each, longest first, and their entries (read or not). */
type Found = { start: number; end: number }[];

function wordsOf(
  dictionary: Dictionary,
  text: string,
  found: Found,
  glossaryTermOf: (form: string) => string | undefined,
): DictionaryWord[] {
  return found.map(({ start, end }) => {
    const word = text.slice(start, end);
    const glossaryTerm = glossaryTermOf(word);
    return {
      text: word,
      start,
      end,
      entries: dictionary.entriesOf(text, start, end - start).map((e) => dictionary.entry(e)),
      ...(glossaryTerm === undefined ? {} : { glossaryTerm }),
    };
  });
}

function foundAt(dictionary: Dictionary, text: string, offset: number): Found {
  const start = wordStart(text, offset);
  if (start < 0) return [];
  return dictionary.lengthsAt(text, start).map((length) => ({ start, end: start + length }));
}

function foundEndingAt(dictionary: Dictionary, text: string, offset: number): Found {
  const end = wordEnd(text, offset);
  if (end < 0) return [];
  return dictionary.lengthsEndingAt(text, end).map((length) => ({ start: end - length, end }));
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
  return wordsOf(dictionary, text, foundAt(dictionary, text, offset), glossaryTermOf);
}

/**
 * What the background answers (dictionary-lookup), once the chunks of the entries are read: the words that
 * start at `offset` (wordsAt), or with `ending`, the words that end there, longest first: the word before a
 * point, and the shorter words it ends with. The character before an `ending` offset must be Chinese.
 */
export async function lookUpWords(
  dictionary: Dictionary,
  text: string,
  offset: number,
  glossaryTermOf: (form: string) => string | undefined,
  ending = false,
): Promise<DictionaryWord[]> {
  const found = ending ? foundEndingAt(dictionary, text, offset) : foundAt(dictionary, text, offset);
  await dictionary.load(found.flatMap(({ start, end }) => dictionary.entriesOf(text, start, end - start)));
  return wordsOf(dictionary, text, found, glossaryTermOf);
}
