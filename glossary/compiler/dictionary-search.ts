/** The dictionary's search index (lib/dictionary/search-format.ts), built from the converted entries. */
import type { DictionaryEntry } from '../../lib/dictionary-types';
import { packKeys } from '../../lib/dictionary/key-table';
import { SEARCH_LAYOUT, STOP_WORDS, senseParts, senseWords, writeVarint } from '../../lib/dictionary/search-format';
import { packSections } from '../../lib/dictionary/sections';
import { pinyinRecord } from '../../lib/pinyin/match';

export function compileSearchIndex(entries: readonly DictionaryEntry[]): Uint8Array {
  const readings: string[] = [];
  const readingEntries: number[] = [];
  /** Each word's entries, and whether it heads a part of a sense there (search.ts decodes those first). */
  const postingsOf = new Map<string, { entry: number; leads: boolean }[]>();
  entries.forEach((entry, index) => {
    const { letters } = pinyinRecord(entry.pinyin);
    if (letters.length > 0) {
      readings.push(letters);
      readingEntries.push(index);
    }
    const leading = new Set(entry.senses.flatMap((sense) => senseParts(sense).map((part) => part[0])));
    for (const word of new Set(entry.senses.flatMap(senseWords))) {
      if (STOP_WORDS.has(word)) continue;
      const posting = { entry: index, leads: leading.has(word) };
      const list = postingsOf.get(word);
      if (list) list.push(posting);
      else postingsOf.set(word, [posting]);
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
    for (const { entry, leads } of postingsOf.get(words[w]!)!) {
      writeVarint(postings, (entry - previous) * 2 + (leads ? 1 : 0));
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
