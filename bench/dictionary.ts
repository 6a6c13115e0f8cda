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
 *   hoverToPopoverMs  in Chromium, on a page: the pointer comes to rest on a word that is no glossary term, until
 *                  the frame that paints its card has been painted (jpl:word-painted), less the rest the lens waits
 *                  for before it looks a word up (the hover delay, hoverDelayMs: the default setting): the window read around the pointer, the lookup
 *                  and its message both ways, the card's render and its frame
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
import { lensSettings } from '../lib/settings';
import { popoverText } from '../tests/browser/card-tools';
import { inContentScript, stopServiceWorker } from '../tests/browser/worker-tools';
import type { BenchBrowser } from './browser';
import { median, round } from './common';
import { PROBE, SCAN_DONE } from './in-page';

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

/** The rest the lens waits for before it explains what the pointer is on: the reader's setting, by default. */
const HOVER_DELAY_MS = lensSettings.defaults.hoverDelayMs;

/** Words pointed at on each page load: the first pays for loading the card's UI, the later ones do not. */
const WORDS_PER_PAGE = 6;

/**
 * Run in the page: the centres of up to `count` Chinese characters in view (each one's own box, not its
 * paragraph's: a long paragraph is partly in view) that no glossary term (no registered highlight) covers and that
 * the next character continues (most start a word of two or more), one a paragraph. Plain JavaScript: Playwright sends it as it is.
 */
const WORD_POINTS = `((count) => {
  const covered = [...CSS.highlights.values()].flatMap((highlight) => [...highlight]).map((r) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return live;
  });
  const han = /\\p{Script=Han}/u;
  /** The centre of the character at node[at], if a word may start there and it is in view below the header. */
  const pointAt = (node, at) => {
    if (!han.test(node.data[at] ?? '') || !han.test(node.data[at + 1] ?? '')) return null;
    if (covered.some((range) => range.isPointInRange(node, at) || range.isPointInRange(node, at + 1))) return null;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const rect = range.getClientRects()[0];
    if (!rect || rect.top < 80 || rect.bottom > innerHeight - 20) return null;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  };
  const points = [];
  for (const p of document.querySelectorAll('main p')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let found = null;
    for (let node = walker.nextNode(); node && !found; node = walker.nextNode()) {
      for (let at = Math.floor(node.data.length / 3); at < node.data.length - 1 && !found; at += 5) found = pointAt(node, at);
    }
    if (found) points.push(found);
    if (points.length === count) break;
  }
  return points;
})`;

export interface WordHoverSample {
  /** The first word pointed at on the page (the card's UI is loaded meanwhile). */
  firstMs: number;
  /** The later ones. */
  laterMs: number[];
}

/**
 * On `runs` loads of the page, the pointer moves from a corner onto words in view, one after the other, each
 * time once the card before has closed. Each figure is from the pointer's last move (its event's time stamp, in
 * the page) to the jpl:word-painted mark, less HOVER_DELAY_MS.
 */
export async function sampleWordHover(browser: BenchBrowser, path: string, runs: number): Promise<WordHoverSample[]> {
  const samples: WordHoverSample[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    await page.addInitScript(
      `addEventListener('pointermove', (event) => { window.__lastMove = event.timeStamp; }, { capture: true });`,
    );
    await page.goto(browser.server + path, { waitUntil: 'load' });
    await page.waitForFunction(SCAN_DONE, null, { polling: 100, timeout: 30_000 });
    const points = (await page.evaluate(`${WORD_POINTS}(${WORDS_PER_PAGE})`)) as { x: number; y: number }[];
    if (points.length < 2) throw new Error(`fewer than two words in view on ${path}`);
    const times: number[] = [];
    for (const point of points) {
      await page.mouse.move(0, 0);
      for (let tries = 0; (await popoverText(page)) !== null; tries++) {
        if (tries === 100) throw new Error('the card did not close once the pointer left the word');
        await page.waitForTimeout(50);
      }
      const painted = `performance.getEntriesByName('jpl:word-painted')`;
      const before = (await page.evaluate(`${painted}.length`)) as number;
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction(`${painted}.length > ${before}`, null, { polling: 'raf', timeout: 10_000 });
      const at = (await page.evaluate(`({ painted: ${painted}.at(-1).startTime, moved: window.__lastMove })`)) as {
        painted: number;
        moved: number;
      };
      times.push(at.painted - at.moved - HOVER_DELAY_MS);
    }
    await page.close();
    samples.push({ firstMs: times[0]!, laterMs: times.slice(1) });
  }
  return samples;
}

export function summariseWordHover(samples: WordHoverSample[]) {
  return {
    hoverRestMs: HOVER_DELAY_MS,
    hoverToPopoverMs: round(median(samples.flatMap((s) => s.laterMs)), 1),
    hoverToPopoverFirstMs: round(median(samples.map((s) => s.firstMs)), 1),
    hoverSamples: samples.reduce((sum, s) => sum + s.laterMs.length, 0),
  };
}
