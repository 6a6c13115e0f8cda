/**
 * The dictionary's files (format.ts) read in place: opening one checks the header of the keys' file and makes a
 * few typed-array views, nothing more; the entries' chunks are read when an entry in them is first wanted.
 */
import type { DictionaryEntry } from '../dictionary-types';
import { DICTIONARY_LAYOUT, ENTRY_BLOCK, ENTRY_CHUNK, RECORD_END, decodeEntry, entryChunkFile } from './format';
import { KeyTable } from './key-table';
import { readSections } from './sections';

/** Reads one of the dictionary's files, whole. */
export type ReadFile = (file: string) => Promise<ArrayBuffer>;

export class Dictionary {
  readonly entryCount: number;
  readonly keys: KeyTable;
  private readonly keyEntries: Uint32Array;
  private readonly entryBlocks: Uint32Array;
  /** The chunks of entry records read so far. */
  private readonly chunks: (Uint8Array | undefined)[];
  private readonly reading = new Map<number, Promise<void>>();
  private readonly decoder = new TextDecoder();

  constructor(
    keys: ArrayBuffer,
    private readonly read: ReadFile,
  ) {
    const sections = readSections(DICTIONARY_LAYOUT, keys, 'dictionary');
    this.keys = new KeyTable(sections.keyChars, sections.keyGroups);
    this.keyEntries = sections.keyEntries;
    this.entryBlocks = sections.entryBlocks;
    this.entryCount = this.entryBlocks[this.entryBlocks.length - 1]!;
    this.chunks = new Array<undefined>(Math.ceil(this.entryCount / ENTRY_CHUNK));
  }

  /** Bytes held in memory: the keys' file and the chunks read so far. */
  get bytes(): number {
    const keys = this.keyEntries.buffer.byteLength;
    return this.chunks.reduce((sum, chunk) => sum + (chunk?.byteLength ?? 0), keys);
  }

  /** Reads the chunks that hold these entries, if not read yet; then entry() can decode them. */
  async load(entries: Iterable<number>): Promise<void> {
    const chunks = new Set<number>();
    for (const entry of entries) chunks.add(Math.floor(entry / ENTRY_CHUNK));
    await Promise.all([...chunks].map((chunk) => this.loadChunk(chunk)));
  }

  /** Reads every chunk: what a page that searches needs. */
  async loadAll(): Promise<void> {
    await Promise.all(Array.from(this.chunks, (_, chunk) => this.loadChunk(chunk)));
  }

  private loadChunk(chunk: number): Promise<void> {
    if (this.chunks[chunk] || chunk >= this.chunks.length) return Promise.resolve();
    let reading = this.reading.get(chunk);
    if (!reading) {
      reading = this.read(entryChunkFile(chunk))
        .then((buffer) => {
          this.chunks[chunk] = new Uint8Array(buffer);
        })
        .finally(() => this.reading.delete(chunk));
      this.reading.set(chunk, reading);
    }
    return reading;
  }

  /** An entry, decoded; its chunk must have been read (load, loadAll). */
  entry(index: number): DictionaryEntry {
    if (!(index >= 0 && index < this.entryCount)) throw new RangeError(`no dictionary entry ${index}`);
    const text = this.chunks[Math.floor(index / ENTRY_CHUNK)];
    if (!text) throw new Error(`dictionary entry ${index} is not read yet: load() it first`);
    let start = this.entryBlocks[Math.floor(index / ENTRY_BLOCK)]!;
    for (let skip = index % ENTRY_BLOCK; skip > 0; skip--) start = text.indexOf(RECORD_END, start) + 1;
    return decodeEntry(this.decoder.decode(text.subarray(start, text.indexOf(RECORD_END, start))));
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

  /** The lengths of the words that `text` has ending at `end`, longest first (the word before a point). */
  lengthsEndingAt(text: string, end: number): number[] {
    const lengths: number[] = [];
    for (let length = Math.min(this.keys.maxLength, end); length >= 1; length--) {
      const [first, last] = this.keys.find(text, end - length, length);
      if (last > first) lengths.push(length);
    }
    return lengths;
  }
}
