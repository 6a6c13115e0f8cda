/**
 * `npm run bench`: every benchmark of the content script in one run, then a table on stdout and
 * bench/results.json and bench/RESULTS.md (report.ts). Not part of `npm test`: it takes a few minutes and
 * its figures depend on the machine.
 *
 * Order: the matcher, in a Node process of its own; the build and the pages; the content script's size;
 * then one Chromium with the extension for the in-browser benchmarks, and one without it for the
 * baselines and the mark.js peer (one browser at a time: the machine has two cores); then both at once,
 * used in turn, for the host page; last, the popup-search benchmark (bench/search.ts), if it is there.
 *
 *   npm run bench                       everything
 *   npm run bench -- matcher page       only these (matcher, page, extremes, peer, host, dynamic, size, dictionary,
 *                                       search);
 *                                       bench/results.json and RESULTS.md are written only by a full
 *                                       run, a partial one writes bench/tmp/partial-results.json
 *   JPL_BENCH_EXTENSION=DIR npm run bench   measure a build made elsewhere instead of building
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildExtension, chromiumVersion, withBrowser } from './browser';
import { BENCH_DIR, REPO_ROOT, TMP_DIR, log, readGlossary, readMatcherData } from './common';
import {
  dictionaryBytes,
  lookupBench,
  sampleColdStart,
  sampleWordHover,
  summariseColdStart,
  summariseWordHover,
  type ColdStartSample,
  type WordHoverSample,
} from './dictionary';
import { sampleDynamic, summariseDynamic } from './dynamic';
import { copyExtremePages, sampleExtreme, summariseExtreme, type ExtremePage } from './extremes';
import { emptyContentScriptExtension } from './floor';
import { sampleFramesInTurn, summariseFrames } from './frames';
import { sampleHostInTurn, summariseHost } from './host';
import type { matcherBench } from './matcher';
import { samplePage, settleAfterLoad, summarisePage, type PageResult, type PageSample } from './page';
import { FRAMES, generateFramesPage, generatePages, type PageSize } from './pages';
import { sampleMarkJs, summarisePeer, type MarkJsSample } from './peer';
import { samplePopover, summarisePopover } from './popover';
import { aimsOf, machineAndVersions, printTable, writeReports, type Results } from './report';
import { contentScriptSize, sampleStartup, summariseStartup } from './size';
import { trieKeys } from './terms';

/** Runs of each measurement (each figure is the median). */
const RUNS = {
  page: 7,
  startup: 7,
  frames: 5,
  extremes: 3,
  dynamic: 3,
  host: 5,
  peer: { '1mb': 5, '5mb': 3 },
  coldStart: 9,
  wordHover: 5,
} as const;
const PAGE_SIZES = ['1mb', '5mb'] as const;
const ALL = ['matcher', 'size', 'page', 'extremes', 'peer', 'host', 'dynamic', 'dictionary', 'search'] as const;
type Part = (typeof ALL)[number];

async function main(): Promise<void> {
  const started = Date.now();
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !(ALL as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}: choose from ${ALL.join(', ')}`);
  const parts = new Set<Part>(asked.length > 0 ? (asked as Part[]) : ALL);
  const full = asked.length === 0;
  const results: Partial<Results> = {};

  if (parts.has('matcher')) {
    log('matcher (Node, a process of its own)');
    results.matcher = runMatcherBench();
  }

  log('building the pages and the extension');
  const pages = generatePages();
  const extensionDir = process.env.JPL_BENCH_EXTENSION ? resolve(process.env.JPL_BENCH_EXTENSION) : buildExtension();
  if (parts.has('size')) results.size = contentScriptSize(extensionDir);
  if (parts.has('dictionary')) log('dictionary lookups (Node)');
  const lookups = parts.has('dictionary') ? await lookupBench(extensionDir, readGlossary()) : undefined;

  // ---- With the extension.
  const ours: Partial<Record<PageSize, PageSample[]>> = {};
  let startup: ReturnType<typeof summariseStartup> | undefined;
  let popover: ReturnType<typeof summarisePopover> | undefined;
  let dynamic: number[][] | undefined;
  let coldStarts: ColdStartSample[] | undefined;
  let wordHovers: WordHoverSample[] | undefined;
  const extremes: Partial<Record<ExtremePage, ReturnType<typeof summariseExtreme>>> = {};
  const needsPages = parts.has('page') || parts.has('peer');
  if (needsPages || parts.has('size') || parts.has('dynamic') || parts.has('extremes') || parts.has('dictionary')) {
    await withBrowser(extensionDir, async (browser) => {
      if (parts.has('extremes')) {
        for (const [name, path] of Object.entries(copyExtremePages()) as [ExtremePage, string][]) {
          log(`${path}, with the extension`);
          extremes[name] = summariseExtreme(await sampleExtreme(browser, path, RUNS.extremes));
        }
      }
      if (needsPages) {
        for (const size of PAGE_SIZES) {
          log(`page ${size}, with the extension`);
          ours[size] = await samplePage(browser, pages[size].path, RUNS.page, { settleMs: 0 });
        }
      }
      if (parts.has('size')) {
        log('start-up (traced)');
        startup = summariseStartup(await sampleStartup(browser, pages.small.path, RUNS.startup));
        log('popover, first show and a later one');
        popover = summarisePopover(await samplePopover(browser, pages.small.path, RUNS.startup));
      }
      if (parts.has('dynamic')) {
        log('dynamic page');
        dynamic = await sampleDynamic(browser, pages['1mb'].path, RUNS.dynamic);
      }
      if (parts.has('dictionary')) {
        log('dictionary: cold starts of the service worker, with and without the dictionary, in turn');
        coldStarts = await sampleColdStart(browser, pages.small.path, RUNS.coldStart);
        log('dictionary: the pointer at rest on a word, to its card painted');
        wordHovers = await sampleWordHover(browser, pages.small.path, RUNS.wordHover);
      }
    });
  }

  // ---- With it and with an empty content script, in turn: frames without Chinese text.
  let frames: ReturnType<typeof summariseFrames> | undefined;
  if (parts.has('size')) {
    log(`${FRAMES} frames without Chinese text, with the extension and with an empty content script, in turn (traced)`);
    const page = generateFramesPage();
    await withBrowser(extensionDir, (withExtension) =>
      withBrowser(emptyContentScriptExtension(extensionDir), async (floor) => {
        frames = summariseFrames(await sampleFramesInTurn({ withExtension, floor }, page.path, FRAMES, RUNS.frames));
      }),
    );
  }

  // ---- Without it: the baselines, and the peer.
  const without: Partial<Record<PageSize, PageSample[]>> = {};
  const markjs: Partial<Record<PageSize, MarkJsSample[]>> = {};
  if (needsPages) {
    await withBrowser(null, async (browser) => {
      for (const size of PAGE_SIZES) {
        log(`page ${size}, without the extension`);
        without[size] = await samplePage(browser, pages[size].path, RUNS.page, {
          settleMs: settleAfterLoad(ours[size]!),
        });
      }
      for (const size of parts.has('peer') ? PAGE_SIZES : []) {
        log(`mark.js on ${size}`);
        markjs[size] = await sampleMarkJs(browser, pages[size].path, RUNS.peer[size], settleAfterLoad(ours[size]!));
      }
    });
  }

  // ---- Both at once, used in turn: the host page's frames.
  let host: Awaited<ReturnType<typeof sampleHostInTurn>> | undefined;
  if (parts.has('host')) {
    log('host page, with the extension, with an empty content script and without, in turn (traced)');
    await withBrowser(extensionDir, (withExtension) =>
      withBrowser(emptyContentScriptExtension(extensionDir), (floor) =>
        withBrowser(null, async (without) => {
          host = await sampleHostInTurn({ withExtension, floor, without }, pages['1mb'].path, RUNS.host);
        }),
      ),
    );
  }

  if (needsPages) {
    const page = {} as Record<PageSize, PageResult>;
    for (const size of PAGE_SIZES) page[size] = summarisePage(pages[size], ours[size]!, without[size]!);
    if (parts.has('page')) results.page = page;
    if (parts.has('peer')) {
      const perPage = Object.fromEntries(PAGE_SIZES.map((size) => [size, summarisePeer(markjs[size]!, page[size])]));
      // The headline is the page where we are the least ahead.
      const least = PAGE_SIZES.reduce((a, b) => (perPage[b]!.speedup < perPage[a]!.speedup ? b : a));
      results.peer = {
        markjs: {
          page: least,
          speedup: perPage[least]!.speedup,
          domNodesAdded: perPage[least]!.domNodesAdded,
          oursDomNodesAdded: perPage[least]!.oursDomNodesAdded,
          pages: perPage,
        },
      };
    }
  }
  if (startup) {
    const relayout = results.page?.['1mb']?.baselineRelayoutMs;
    results.startup = {
      ...startup,
      ...(frames ?? {}),
      ...(relayout ? { ratioToRelayout1mb: Math.round((startup.contentScriptMs / relayout) * 1000) / 1000 } : {}),
    };
  }
  if (popover) results.popover = popover;
  if (dynamic) results.dynamic = summariseDynamic(dynamic);
  if (parts.has('extremes')) results.extremes = extremes as Results['extremes'];
  if (lookups && coldStarts && wordHovers) {
    results.dictionary = {
      ...lookups,
      ...summariseColdStart(coldStarts),
      ...summariseWordHover(wordHovers),
      bytes: await dictionaryBytes(extensionDir),
    };
  }
  if (host) results.host = summariseHost(host.with, host.without, host.floor);
  if (parts.has('search')) results.search = searchBench();

  const data = readMatcherData();
  const complete = {
    meta: {
      ...machineAndVersions(chromiumVersion(), extensionDir),
      glossary: { entries: data.terms.length, keys: trieKeys(data.trie).length },
      pages: Object.fromEntries(
        Object.entries(pages).map(([size, p]) => [
          size,
          { bytes: p.bytes, chars: p.chars, terms: p.terms, paragraphs: p.paragraphs },
        ]),
      ),
      runs: RUNS,
      durationS: Math.round((Date.now() - started) / 1000),
    },
    ...results,
  } as Results;
  complete.aims = aimsOf(complete);
  printTable(complete);
  if (full) writeReports(complete);
  else {
    const partial = join(TMP_DIR, 'partial-results.json');
    writeFileSync(partial, JSON.stringify(complete, null, 2) + '\n');
    log(`a partial run: bench/results.json and bench/RESULTS.md were left as they were; figures in ${partial}`);
  }
}

/** bench/matcher.ts in a fresh Node process, first, while nothing else runs. */
function runMatcherBench(): Awaited<ReturnType<typeof matcherBench>> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'matcher.ts')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the matcher benchmark failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Awaited<ReturnType<typeof matcherBench>>;
}

/** The popup-search benchmark (bench/search.ts, its own npm script), if it is there: its JSON, as it wrote it. */
function searchBench(): Results['search'] {
  const script = join(BENCH_DIR, 'search.ts');
  if (!existsSync(script)) return undefined;
  log('popup search (npm run bench:search)');
  const scripts = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const run = scripts['bench:search']
    ? spawnSync('npm', ['run', '--silent', 'bench:search'], { cwd: REPO_ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench:search failed:\n${run.stdout}\n${run.stderr}`);
  const file = join(BENCH_DIR, 'search-results.json');
  return {
    output: run.stdout.trim(),
    ...(existsSync(file) ? { results: JSON.parse(readFileSync(file, 'utf8')) as unknown } : {}),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
