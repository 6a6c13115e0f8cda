/**
 * The dictionary's file format (glossary/generated/dictionary.bin, shipped as /dictionary.bin), shared by the
 * build that writes it (glossary/compiler/dictionary.ts) and the code that reads it (dictionary.ts).
 *
 * The MV3 service worker starts cold after every idle spell, and each start must answer its first lookup
 * fast: so nothing here is parsed when the file is loaded. Its sections (sections.ts) are used in place:
 *
 *   keyChars, keyGroups  every simplified and every traditional form, once for each entry that has it, as a
 *                        key table (key-table.ts): sorted, searched in place
 *   keyEntries           the entry of each key row
 *   entryText            UTF-8 of each entry's record (below), each ended by a newline
 *   entryBlocks          where every ENTRY_BLOCK-th record starts: the record of entry e is found from
 *                        entryBlocks[e / ENTRY_BLOCK] by skipping e % ENTRY_BLOCK newlines (a native indexOf
 *                        over about a kilobyte), where an offset per entry would be the largest part of the
 *                        packed extension after the text itself
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

/** The file's name, in glossary/generated/ and in the extension. */
export const DICTIONARY_FILE = 'dictionary.bin';

export const DICTIONARY_LAYOUT = defineLayout({
  version: 1,
  sections: { keyChars: 'u16', keyGroups: 'u32', keyEntries: 'u32', entryText: 'u8', entryBlocks: 'u32' },
});

/** Records per entryBlocks offset. */
export const ENTRY_BLOCK = 16;
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
