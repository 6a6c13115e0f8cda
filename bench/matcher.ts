/**
 * The matcher in Node on about 5 MB (UTF-8) of Chinese text made from the glossary's source sentences, cut
 * into paragraphs as a page would give them to the content script:
 *   dense   the sentences that hold a term, in seeded shuffles: the sources' own density of terms;
 *   sparse  the sentences that hold none, with one in twenty that does.
 * Three ways over the same paragraphs, interleaved run by run so that noise falls on all alike:
 *   bare    a charCodeAt loop folding every code into a checksum (the limit: touching each character once;
 *           the checksum is returned and compared, so the JIT cannot drop the loop);
 *   ours    Matcher.findLongest over the real matcher.json tables;
 *   regexp  one RegExp alternation of every key, longest first (terms.ts);
 *   senses  ours, then the sense rule as the content script applies it (lib/content/senses.ts: PageSenses) on a
 *           page about Jiaozuo, where every rule runs, with the background's word checks already answered (each
 *           distinct check is asked once a page, then read from its cache): the rule's cost on a scan.
 * The word checks themselves run in the background (lib/dictionary/word-check.ts), off the page's thread: their
 * median time each is given beside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PageSenses } from '../lib/content/senses';
import { Dictionary } from '../lib/dictionary/dictionary';
import { standsAsWordIn } from '../lib/dictionary/word-check';
import { QUOTE, QUOTE_CHARS } from '../lib/matcher/characters';
import type { TrieTables } from '../lib/matcher/compile';
import { Matcher } from '../lib/matcher/matcher';
import { REPO_ROOT, median, random, readGlossary, readMatcherData, round, shuffled } from './common';
import { alternationSource, trieKeys } from './terms';

const TARGET_BYTES = 5_000_000;
const SENTENCES_PER_PARAGRAPH = 5;
const WARMUP = 3;
const RUNS = 15;

export interface TextFigures {
  chars: number;
  bytes: number;
  paragraphs: number;
  /** Terms found per 1000 characters, and characters that can start a key per 1000. */
  termsPerKChar: number;
  candidatesPerKChar: number;
  bareMs: number;
  oursMs: number;
  regexpMs: number;
  bareMcharPerS: number;
  oursMcharPerS: number;
  regexpMcharPerS: number;
  /** ours / bare: how far from the limit (aim: at most 4 on sparse text). */
  ratioToBareLoop: number;
  /** regexp / ours (aim: at least 5). */
  speedupVsRegExp: number;
  /** Matches found by ours and by the RegExp (which skips the ASCII-word rule and width folding). */
  oursMatches: number;
  regexpMatches: number;
  /** Ours with the sense rule applied, and the matches it keeps. */
  sensesMs: number;
  sensesMatches: number;
  /** What the sense rule adds to a scan's matching, in per cent of ours. */
  senseCostPct: number;
  /** Distinct word checks the text asks the background, and the median time of one there. */
  wordChecks: number;
  wordCheckUs: number;
}

function paragraphsOf(sentences: string[], seed: number): string[] {
  const next = random(seed);
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const order = shuffled(sentences, next);
    for (let i = 0; i < order.length && bytes < TARGET_BYTES; i += SENTENCES_PER_PARAGRAPH) {
      const paragraph = order.slice(i, i + SENTENCES_PER_PARAGRAPH).join('');
      paragraphs.push(paragraph);
      bytes += Buffer.byteLength(paragraph);
    }
  }
  return paragraphs;
}

/** The dense and the sparse text, as paragraphs. */
function matcherTexts(matcher: Matcher): { dense: string[]; sparse: string[] } {
  const sentences = Object.values(readGlossary().sentences);
  const withTerms = sentences.filter((s) => matcher.findLongest(s).length > 0);
  const without = sentences.filter((s) => matcher.findLongest(s).length === 0);
  // One sentence with terms to every nineteen without: a few terms per paragraph at most.
  const sparse: string[] = [];
  const next = random(3);
  for (let i = 0; sparse.length < without.length * 4; i++) {
    sparse.push(i % 20 === 19 ? withTerms[Math.floor(next() * withTerms.length)]! : without[i % without.length]!);
  }
  return { dense: paragraphsOf(withTerms, 11), sparse: paragraphsOf(sparse, 12) };
}

function bareLoop(paragraphs: readonly string[]): number {
  let checksum = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p]!;
    for (let i = 0; i < text.length; i++) checksum = (Math.imul(checksum, 31) + text.charCodeAt(i)) | 0;
  }
  return checksum;
}

function ours(matcher: Matcher, paragraphs: readonly string[]): number {
  let count = 0;
  for (let p = 0; p < paragraphs.length; p++) count += matcher.findLongest(paragraphs[p]!).length;
  return count;
}

function regexpCount(regexp: RegExp, paragraphs: readonly string[]): number {
  let count = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    regexp.lastIndex = 0;
    while (regexp.exec(paragraphs[p]!) !== null) count++;
  }
  return count;
}

function time(run: () => number): { ms: number; result: number } {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

/** Stands for a page's block: PageSenses keys its bookkeeping by element, and reads only isConnected. */
const BLOCK = { isConnected: true } as Element;

/**
 * A PageSenses on a page about Jiaozuo, asked about every paragraph until the background (here: the dictionary,
 * in process) has answered each word check it needs; the checks, with the time of each answer.
 */
async function answeredSenses(
  matcher: Matcher,
  dictionary: Dictionary,
  paragraphs: readonly string[],
): Promise<{ senses: PageSenses; checkUs: number[] }> {
  const checkUs: number[] = [];
  const senses = new PageSenses(
    async (checks) =>
      checks.map((check) => {
        const started = performance.now();
        const stands = standsAsWordIn(dictionary, check);
        checkUs.push((performance.now() - started) * 1000);
        return stands;
      }),
    () => {},
  );
  senses.blockDone(BLOCK, true);
  for (;;) {
    const asked = checkUs.length;
    for (const paragraph of paragraphs) senses.keep(BLOCK, paragraph, matcher.findLongest(paragraph));
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (checkUs.length === asked) return { senses, checkUs };
  }
}

function withSenses(matcher: Matcher, senses: PageSenses, paragraphs: readonly string[]): number {
  let count = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    count += senses.keep(BLOCK, paragraph, matcher.findLongest(paragraph)).length;
  }
  return count;
}

async function measureText(
  matcher: Matcher,
  regexp: RegExp,
  startsKey: Uint8Array,
  dictionary: Dictionary,
  paragraphs: string[],
): Promise<TextFigures> {
  const { senses, checkUs } = await answeredSenses(matcher, dictionary, paragraphs);
  const chars = paragraphs.reduce((sum, p) => sum + p.length, 0);
  const bytes = paragraphs.reduce((sum, p) => sum + Buffer.byteLength(p), 0);
  let candidates = 0;
  for (const p of paragraphs) for (let i = 0; i < p.length; i++) candidates += startsKey[p.charCodeAt(i)]!;

  const times = { bare: [] as number[], ours: [] as number[], regexp: [] as number[], senses: [] as number[] };
  const results = {
    bare: new Set<number>(),
    ours: new Set<number>(),
    regexp: new Set<number>(),
    senses: new Set<number>(),
  };
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const bare = time(() => bareLoop(paragraphs));
    const mine = time(() => ours(matcher, paragraphs));
    const theirs = time(() => regexpCount(regexp, paragraphs));
    const sensed = time(() => withSenses(matcher, senses, paragraphs));
    results.bare.add(bare.result);
    results.ours.add(mine.result);
    results.regexp.add(theirs.result);
    results.senses.add(sensed.result);
    if (run < WARMUP) continue;
    times.bare.push(bare.ms);
    times.ours.push(mine.ms);
    times.regexp.push(theirs.ms);
    times.senses.push(sensed.ms);
  }
  for (const [name, seen] of Object.entries(results)) {
    if (seen.size !== 1) throw new Error(`${name} gave different results on the same text: ${[...seen].join(', ')}`);
  }
  const bareMs = median(times.bare);
  const oursMs = median(times.ours);
  const regexpMs = median(times.regexp);
  const sensesMs = median(times.senses);
  const rate = (ms: number) => round(chars / ms / 1000);
  const oursMatches = [...results.ours][0]!;
  return {
    chars,
    bytes,
    paragraphs: paragraphs.length,
    termsPerKChar: round((oursMatches / chars) * 1000),
    candidatesPerKChar: round((candidates / chars) * 1000),
    bareMs: round(bareMs),
    oursMs: round(oursMs),
    regexpMs: round(regexpMs),
    bareMcharPerS: rate(bareMs),
    oursMcharPerS: rate(oursMs),
    regexpMcharPerS: rate(regexpMs),
    ratioToBareLoop: round(oursMs / bareMs),
    speedupVsRegExp: round(regexpMs / oursMs),
    oursMatches,
    regexpMatches: [...results.regexp][0]!,
    sensesMs: round(sensesMs),
    sensesMatches: [...results.senses][0]!,
    senseCostPct: round((sensesMs / oursMs - 1) * 100),
    wordChecks: checkUs.length,
    wordCheckUs: round(median(checkUs)),
  };
}

/** The general dictionary as the build wrote it, read from disk as the background reads it from the package. */
function readDictionary(): Dictionary {
  const read = async (file: string) => {
    const bytes = readFileSync(join(REPO_ROOT, 'glossary', 'generated', file));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  };
  const keys = readFileSync(join(REPO_ROOT, 'glossary', 'generated', 'dictionary.bin'));
  return new Dictionary(keys.buffer.slice(keys.byteOffset, keys.byteOffset + keys.byteLength), read);
}

export async function matcherBench(): Promise<{ dense: TextFigures; sparse: TextFigures; keys: number; runs: number }> {
  const data = readMatcherData();
  const dictionary = readDictionary();
  const matcher = new Matcher(data.trie);
  const keys = trieKeys(data.trie);
  const regexp = new RegExp(alternationSource(keys), 'g');
  const texts = matcherTexts(matcher);
  const startsKey = firstCodeUnits(data.trie);
  return {
    keys: keys.length,
    runs: RUNS,
    dense: await measureText(matcher, regexp, startsKey, dictionary, texts.dense),
    sparse: await measureText(matcher, regexp, startsKey, dictionary, texts.sparse),
  };
}

/** 1 for each code unit a key can start with, in any of its foldings (for the candidates-per-1000 figure). */
function firstCodeUnits(tables: TrieTables): Uint8Array {
  const starts = new Uint8Array(0x10000);
  // The root's edges come first (compile.ts).
  for (let e = 0; e < tables.childCounts[0]!; e++) {
    const code = tables.edgeChars.charCodeAt(e);
    starts[code] = 1;
    if (code > 0x20 && code < 0x7f) starts[code + 0xfee0] = 1;
    if (code === QUOTE) for (const ch of QUOTE_CHARS) starts[ch.charCodeAt(0)] = 1;
  }
  return starts;
}

// bench/run.ts runs this file as a process of its own, which prints the figures as JSON: in a process that
// has also loaded Playwright (a lot of code), the same matcher measured 7% slower.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await matcherBench()) + '\n');
}
