/**
 * The dictionary file (format.ts) read in place: opening one checks the header and makes a few typed-array
 * views, nothing more, so a service worker that has just started can answer at once.
 */
import type { DictionaryEntry } from '../dictionary-types';
import { DICTIONARY_LAYOUT, ENTRY_BLOCK, RECORD_END, decodeEntry } from './format';
import { KeyTable } from './key-table';
import { readSections } from './sections';

export class Dictionary {
  readonly entryCount: number;
  /** The file's size, all of which stays in memory (the views share it). */
  readonly bytes: number;
  readonly keys: KeyTable;
  private readonly keyEntries: Uint32Array;
  private readonly entryText: Uint8Array;
  private readonly entryBlocks: Uint32Array;
  private readonly decoder = new TextDecoder();

  constructor(buffer: ArrayBuffer) {
    const sections = readSections(DICTIONARY_LAYOUT, buffer, 'dictionary');
    this.bytes = buffer.byteLength;
    this.keys = new KeyTable(sections.keyChars, sections.keyGroups);
    this.keyEntries = sections.keyEntries;
    this.entryText = sections.entryText;
    this.entryBlocks = sections.entryBlocks;
    this.entryCount = this.entryBlocks[this.entryBlocks.length - 1]!;
  }

  entry(index: number): DictionaryEntry {
    if (!(index >= 0 && index < this.entryCount)) throw new RangeError(`no dictionary entry ${index}`);
    const text = this.entryText;
    let start = this.entryBlocks[Math.floor(index / ENTRY_BLOCK)]!;
    for (let skip = index % ENTRY_BLOCK; skip > 0; skip--) start = text.indexOf(RECORD_END, start) + 1;
    const end = text.indexOf(RECORD_END, start);
    return decodeEntry(this.decoder.decode(text.subarray(start, end)));
  }

  /** The entries whose simplified or traditional form is text[start, start + length), in CC-CEDICT's order. */
  entriesOf(text: string, start: number, length: number): number[] {
    const [first, end] = this.keys.find(text, start, length);
    return Array.from(this.keyEntries.subarray(first, end));
  }

  /** The entry of a key row (KeyTable's rows). */
  entryOfRow(row: number): number {
    return this.keyEntries[row]!;
  }

  /**
   * The lengths of the words that `text` has at `offset`, longest first: the first is the longest word there,
   * the rest the shorter words inside it.
   */
  lengthsAt(text: string, offset: number): number[] {
    const lengths: number[] = [];
    for (let length = Math.min(this.keys.maxLength, text.length - offset); length >= 1; length--) {
      const [first, end] = this.keys.find(text, offset, length);
      if (end > first) lengths.push(length);
    }
    return lengths;
  }
}
