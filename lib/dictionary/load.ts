/**
 * The dictionary files as the extension ships them (the build writes them: glossary/compiler/dictionary.ts),
 * fetched from the extension's own package when first needed in a context (the service worker after each
 * start, a page) and kept: ArrayBuffers read in place, never parsed.
 */
import { browser } from 'wxt/browser';
import { Dictionary, type ReadFile } from './dictionary';
import { DICTIONARY_FILE } from './format';
import { DictionarySearch } from './search';
import { DICTIONARY_SEARCH_FILE } from './search-format';

/** A file of the extension's package, whole. */
async function readPackaged(file: string): Promise<ArrayBuffer> {
  // getURL is typed with the files of public/; these are written by the build.
  const url = browser.runtime.getURL(`/${file}` as '/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}

let opening: Promise<Dictionary> | null = null;

/** The dictionary's keys, read on first use (its entries as needed); a failed read is tried again next time. */
export function openDictionary(read: ReadFile = readPackaged): Promise<Dictionary> {
  opening ??= read(DICTIONARY_FILE)
    .then((buffer) => new Dictionary(buffer, read))
    .catch((error: unknown) => {
      opening = null;
      throw error;
    });
  return opening;
}

let openingSearch: Promise<DictionarySearch> | null = null;

/**
 * The whole dictionary with its search index (pages that search only: a search decodes entries from anywhere);
 * a failed read is tried again next time.
 */
export function openDictionarySearch(): Promise<DictionarySearch> {
  openingSearch ??= Promise.all([
    openDictionary().then(async (dictionary) => {
      await dictionary.loadAll();
      return dictionary;
    }),
    readPackaged(DICTIONARY_SEARCH_FILE),
  ])
    .then(([dictionary, index]) => new DictionarySearch(dictionary, index))
    .catch((error: unknown) => {
      openingSearch = null;
      throw error;
    });
  return openingSearch;
}
