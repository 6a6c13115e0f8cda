/**
 * The general dictionary: what answering "the longest word at this offset" costs the background, what the
 * first answer after the service worker was stopped costs (beside waking the same worker for a message that
 * does not touch the dictionary), and what the files weigh, packed and in memory.
 *
 *   lookupMs       median time of the background's work for one dictionary-lookup (wordsAt over the real file:
 *                  the binary searches and the decoding of the entries found), at every position of the glossary's
 *                  source sentences, in Node (the handler's code cannot be called alone inside the service worker)
 *   coldStartMs    in Chromium, from a content script: the worker stopped (CDP ServiceWorker.stopAllWorkers),
 *                  then dictionary-lookup sent, until its answer: the worker's start, reading the keys (2 MB) and
 *                  the chunk of entries the words are in from the package, the lookup and the message both ways
 *   wakeMs         the same, for open-glossary of no term: the worker's start and a message it does not answer
 *   roundTripMs    a dictionary-lookup to a running worker with the dictionary read: the messaging alone, mostly
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { glossaryTermByForm } from '../lib/dictionary/glossary-forms';
import { Dictionary } from '../lib/dictionary/dictionary';
import { DICTIONARY_FILE } from '../lib/dictionary/format';
import { DICTIONARY_SEARCH_FILE } from '../lib/dictionary/search-format';
import { lookUpWords, wordsAt } from '../lib/dictionary/words-at';
import type { GlossaryData } from '../lib/glossary-types';
import { inContentScript, stopServiceWorker } from '../tests/browser/worker-tools';
import type { BenchBrowser } from './browser';
import { median, round } from './common';

const SAMPLE_TEXT_CHARS = 64;

/** The background's lookups in Node, over every position of the sources' sentences (cut as the content script would). */
export async function lookupBench(extensionDir: string, glossary: GlossaryData) {
  const read = (name: string) => {
    const file = readFileSync(join(extensionDir, name));
    return file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer;
  };
  const dictionary = new Dictionary(read(DICTIONARY_FILE), (name) => Promise.resolve(read(name)));
  // What the background holds after the lookups that read them: the chunks' reading is the cold start's, below.
  await dictionary.loadAll();
  const glossaryTermOf = glossaryTermByForm(glossary);
  const sentences = Object.values(glossary.sentences);
  const times: number[] = [];
  let found = 0;
  for (let round = 0; round < 2; round++) {
    for (const sentence of sentences) {
      for (let offset = 0; offset < sentence.length; offset++) {
        // The window the content script sends: a little before the pointer, the rest after it.
        const start = Math.max(0, offset - 8);
        const text = sentence.slice(start, start + SAMPLE_TEXT_CHARS);
        const t = performance.now();
        const words = wordsAt(dictionary, text, offset - start, glossaryTermOf);
        const elapsed = performance.now() - t;
        // The first round warms the JIT up.
        if (round === 1) {
          times.push(elapsed);
          if (words.length > 0) found++;
        }
      }
    }
  }
  times.sort((a, b) => a - b);
  return {
    lookups: times.length,
    found,
    lookupMs: round(median(times), 4),
    lookupP99Ms: round(times[Math.floor(times.length * 0.99)]!, 3),
  };
}

/** The dictionary's files raw, deflated as a zip holds them, and the whole extension as a zip would be. */
export async function dictionaryBytes(extensionDir: string) {
  const deflated = (path: string) => deflateRawSync(readFileSync(path), { level: 9 }).length;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(extensionDir);
  // Local header (30) and central directory entry (46) per file, each with the name; the end record (22).
  const zipBytes =
    files.reduce((sum, path) => sum + deflated(path) + 76 + 2 * relative(extensionDir, path).length, 0) + 22;
  const keys = join(extensionDir, DICTIONARY_FILE);
  const search = join(extensionDir, DICTIONARY_SEARCH_FILE);
  const chunks = files.filter((path) => /dictionary-entries-\d+\.bin$/.test(path));
  const sum = (paths: string[], size: (path: string) => number) => paths.reduce((total, path) => total + size(path), 0);
  // What the service worker holds after its first lookup: the keys and the chunk (or two) the words are in.
  const read = (name: string) => {
    const file = readFileSync(join(extensionDir, name));
    return Promise.resolve(file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer);
  };
  const fresh = new Dictionary(await read(DICTIONARY_FILE), read);
  await lookUpWords(fresh, '步履铿锵地走向未来', 2, () => undefined);
  return {
    keysFileBytes: statSync(keys).size,
    entryChunks: chunks.length,
    entryChunksBytes: sum(chunks, (path) => statSync(path).size),
    searchFileBytes: statSync(search).size,
    /** All the dictionary's files, deflated as the zip holds them. */
    deflatedBytes: sum([keys, search, ...chunks], deflated),
    backgroundAfterFirstLookupBytes: fresh.bytes,
    /** What a page that searches holds: every file. */
    searchingPageBytes: sum([keys, search, ...chunks], (path) => statSync(path).size),
    extensionZipBytes: zipBytes,
  };
}

export interface ColdStartSample {
  coldStartMs: number;
  wakeMs: number;
  roundTripMs: number;
}

/** Time a message from the content script's world takes to be answered (or settle unanswered). */
const timed = (message: object) => `(async () => {
  const t = performance.now();
  await chrome.runtime.sendMessage(${JSON.stringify(message)}).catch(() => undefined);
  return performance.now() - t;
})()`;

/** In turn, `runs` times: a cold dictionary lookup, a cold wake without the dictionary, and a warm lookup. */
export async function sampleColdStart(browser: BenchBrowser, path: string, runs: number): Promise<ColdStartSample[]> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker: is the extension loaded?');
  // URL's origin is "null" for chrome-extension: addresses outside the browser.
  const extensionOrigin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())![0];
  const h = { context: browser.context, extensionOrigin };
  const page = await browser.newPage();
  await page.goto(browser.server + path, { waitUntil: 'load' });
  const lookup = { type: 'dictionary-lookup', text: '步履铿锵地走向未来', offset: 2 };
  const samples: ColdStartSample[] = [];
  const coldly = async (message: object) => {
    const stopped = await stopServiceWorker(h);
    const ms = (await inContentScript(h, page, timed(message))) as number;
    if (!stopped.running()) throw new Error('the message did not start the service worker');
    await stopped.close();
    return ms;
  };
  for (let i = 0; i < runs; i++) {
    const coldStartMs = await coldly(lookup);
    const roundTripMs = (await inContentScript(h, page, timed(lookup))) as number;
    const wakeMs = await coldly({ type: 'open-glossary', term: '不是词条' });
    samples.push({ coldStartMs, wakeMs, roundTripMs });
  }
  await page.close();
  return samples;
}

export function summariseColdStart(samples: ColdStartSample[]) {
  const coldStartMs = round(median(samples.map((s) => s.coldStartMs)), 1);
  const wakeMs = round(median(samples.map((s) => s.wakeMs)), 1);
  return {
    coldStartMs,
    wakeWithoutDictionaryMs: wakeMs,
    dictionaryShareMs: round(coldStartMs - wakeMs, 1),
    roundTripMs: round(median(samples.map((s) => s.roundTripMs)), 2),
  };
}
