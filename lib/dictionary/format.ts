/**
 * The dictionary's files (glossary/generated/, shipped at the extension's root), shared by the build that writes
 * them (glossary/compiler/dictionary.ts) and the code that reads them (dictionary.ts).
 *
 * The MV3 service worker starts cold after every idle spell, and each start must answer its first lookup fast.
 * Reading a file from the package costs about 5 ms a megabyte, so the first lookup reads only what it needs: the
 * keys (2 MB), and the one chunk of entries (0.6 MB) that holds the words found, not all 9 MB of them. Nothing is
 * parsed: the sections (sections.ts) are used in place.
 *
 * dictionary.bin:
 *   keyChars, keyGroups  every simplified and every traditional form, once for each entry that has it, as a
 *                        key table (key-table.ts): sorted, searched in place
 *   keyEntries           the entry of each key row
 *   entryBlocks          where every ENTRY_BLOCK-th record starts in its chunk, and last the number of entries:
 *                        the record of entry e is found by skipping e % ENTRY_BLOCK newlines from there (a native
 *                        indexOf over about a kilobyte), where an offset per entry would be the largest part of
 *                        the packed extension after the text itself
 * dictionary-entries-<n>.bin (entryChunkFile): the records of entries n·ENTRY_CHUNK onwards, ENTRY_CHUNK of
 *                        them, as UTF-8, each ended by a newline
 *
 * A lookup is a binary search per word length, reading code units straight from keyChars; only the entries
 * it finds are decoded. An entry's record is its fields joined by FIELD, a list's items by ITEM, and a cross
 * reference's parts (traditional, simplified, pinyin) by PART; the traditional form is left empty where it is
 * the simplified one (six entries in ten differ):
 *
 *   traditional FIELD simplified FIELD pinyin FIELD senses FIELD classifiers FIELD variantOf
 */
import type { DictionaryEntry, WordRef } from '../dictionary-types';
import { defineLayout } from './sections';

/** The files' names, in glossary/generated/ and in the extension. */
export const DICTIONARY_FILE = 'dictionary.bin';
export const entryChunkFile = (chunk: number) => `dictionary-entries-${chunk}.bin`;

export const DICTIONARY_LAYOUT = defineLayout({
  version: 2,
  sections: { keyChars: 'u16', keyGroups: 'u32', keyEntries: 'u32', entryBlocks: 'u32' },
});

/** Records per entryBlocks offset. */
export const ENTRY_BLOCK = 16;
/** Records per chunk file: sixteen files of about 0.6 MB (a multiple of ENTRY_BLOCK). */
export const ENTRY_CHUNK = 8192;
/** Ends each record (CC-CEDICT's lines hold none). */
export const RECORD_END = 0x0a;

const FIELD = '\t';
const ITEM = '\u001e';
const PART = '\u001f';

/** Senses beyond this many are left out: a handful of entries have up to 21, which no card can show. */
export const MAX_SENSES = 8;

export function encodeEntry(entry: DictionaryEntry): string {
  const refs = (list: WordRef[]) => list.map((r) => [r.traditional, r.simplified, r.pinyin].join(PART)).join(ITEM);
  return [
    entry.traditional === entry.simplified ? '' : entry.traditional,
    entry.simplified,
    entry.pinyin,
    entry.senses.join(ITEM),
    refs(entry.classifiers),
    refs(entry.variantOf),
  ].join(FIELD);
}

export function decodeEntry(record: string): DictionaryEntry {
  const [traditional = '', simplified = '', pinyin = '', senses = '', classifiers = '', variantOf = ''] =
    record.split(FIELD);
  const list = (text: string) => (text === '' ? [] : text.split(ITEM));
  const refs = (text: string) =>
    list(text).map((item) => {
      const [t = '', s = '', p = ''] = item.split(PART);
      return { traditional: t, simplified: s, pinyin: p };
    });
  return {
    traditional: traditional || simplified,
    simplified,
    pinyin,
    senses: list(senses),
    classifiers: refs(classifiers),
    variantOf: refs(variantOf),
  };
}
