/** The dictionary's search index (lib/dictionary/search-format.ts), built from the converted entries. */
import type { DictionaryEntry } from '../../lib/dictionary/answer';
import { packKeys } from '../../lib/dictionary/key-table';
import { SEARCH_LAYOUT, STOP_WORDS, senseWords, writeVarint } from '../../lib/dictionary/search-format';
import { packSections } from '../../lib/dictionary/sections';
import { pinyinRecord } from '../../lib/pinyin/match';

export function compileSearchIndex(entries: readonly DictionaryEntry[]): Uint8Array {
  const readings: string[] = [];
  const readingEntries: number[] = [];
  const postingsOf = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const { letters } = pinyinRecord(entry.pinyin);
    if (letters.length > 0) {
      readings.push(letters);
      readingEntries.push(index);
    }
    for (const word of new Set(entry.senses.flatMap(senseWords))) {
      if (STOP_WORDS.has(word)) continue;
      const list = postingsOf.get(word);
      if (list) list.push(index);
      else postingsOf.set(word, [index]);
    }
  });

  const pinyin = packKeys(readings);
  const words = [...postingsOf.keys()];
  const wordTable = packKeys(words);
  const postings: number[] = [];
  const postingStart = new Uint32Array(words.length + 1);
  wordTable.order.forEach((w, row) => {
    postingStart[row] = postings.length;
    let previous = -1;
    for (const entry of postingsOf.get(words[w]!)!) {
      writeVarint(postings, entry - previous);
      previous = entry;
    }
  });
  postingStart[words.length] = postings.length;

  return packSections(SEARCH_LAYOUT, {
    pinyinChars: pinyin.chars,
    pinyinGroups: pinyin.groupStart,
    pinyinEntries: Uint32Array.from(pinyin.order, (i) => readingEntries[i]!),
    wordChars: wordTable.chars,
    wordGroups: wordTable.groupStart,
    postingStart,
    postings: Uint8Array.from(postings),
  });
}
