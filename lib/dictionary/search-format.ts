/**
 * The dictionary's search index (glossary/generated/dictionary-search.bin, shipped as /dictionary-search.bin),
 * written by glossary/compiler/dictionary-search.ts and read by search.ts. Only the pages that search load it
 * (the popup, the glossary page's lookup); the service worker never does. Sections (sections.ts):
 *
 *   pinyinChars, pinyinGroups  each entry's reading as toneless letters run together ("beijing"), a key table
 *   pinyinEntries              the entry of each pinyin row
 *   wordChars, wordGroups      every English word of the senses (lower case, accents dropped, no stop words)
 *   postingStart, postings     the entries whose senses have word w: postings[postingStart[w] ..
 *                              postingStart[w + 1]), each entry as twice its distance from the one before
 *                              it (the first from -1), plus 1 where w heads a part of a sense (leadsSense),
 *                              in 7-bit groups, low first, the high bit set on all but the last: most fit
 *                              one byte, where a Uint32 would take four
 */
import { englishWords } from '../search';
import { defineLayout } from './sections';

/** The file's name, in glossary/generated/ and in the extension. */
export const DICTIONARY_SEARCH_FILE = 'dictionary-search.bin';

export const SEARCH_LAYOUT = defineLayout({
  version: 1,
  sections: {
    pinyinChars: 'u16',
    pinyinGroups: 'u32',
    pinyinEntries: 'u32',
    wordChars: 'u16',
    wordGroups: 'u32',
    postingStart: 'u32',
    postings: 'u8',
  },
});

/**
 * Words too common or too formulaic to find anything by (each is in thousands of entries, "to" in a quarter of
 * them, or is CC-CEDICT's shorthand: lit., fig., Tw, pr.): left out of the index, and out of a query.
 */
export const STOP_WORDS = new Set(
  'a abbr an and as at be by coll e etc fig for from g i idiom in is it lit of on or pr s sb sth the to tw with'.split(
    ' ',
  ),
);

/** Appends `value` (≥ 0) to `out` in 7-bit groups. */
export function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** Calls `onEntry` with each entry of a posting list, and whether the word heads a part of one of its senses. */
export function readPostings(
  bytes: Uint8Array,
  start: number,
  end: number,
  onEntry: (entry: number, leads: boolean) => void,
): void {
  let entry = -1;
  let at = start;
  while (at < end) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    entry += Math.floor(value / 2);
    onEntry(entry, value % 2 === 1);
  }
}

/** The English words of a sense, leaving out the pinyin of cross-references ("see 什么[shén me]"). */
export function senseWords(sense: string): string[] {
  return englishWords(sense.replace(/\[[^\]]*\]/g, ' '));
}

/**
 * A sense's parts (between semicolons, parentheses dropped) as words, without a verb's leading "to": what
 * an English query is ranked against. "(bound form) to walk; to go" → [walk], [go].
 */
export function senseParts(sense: string): string[][] {
  return sense
    .replace(/\([^)]*\)/g, ' ')
    .split(';')
    .map((part) => withoutTo(senseWords(part)));
}

/** "to reform" and "reform" read the same. */
export function withoutTo(words: string[]): string[] {
  return words[0] === 'to' ? words.slice(1) : words;
}
