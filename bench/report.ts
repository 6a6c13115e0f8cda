/**
 * The benchmark's output: the aims checked against the figures, a table on stdout, bench/results.json
 * (every figure) and bench/RESULTS.md (the same for people, with how each was measured and, where an aim
 * is missed, why).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './common';
import type { dictionaryBytes, lookupBench, summariseColdStart, summariseWordHover } from './dictionary';
import type { summariseDynamic } from './dynamic';
import type { ExtremePage, summariseExtreme } from './extremes';
import type { summariseFrames } from './frames';
import type { summariseHost } from './host';
import type { matcherBench } from './matcher';
import type { PageResult } from './page';
import type { PageSize } from './pages';
import type { summarisePeer } from './peer';
import type { summarisePopover } from './popover';
import type { contentScriptSize, summariseStartup } from './size';

export interface Results {
  meta: ReturnType<typeof machineAndVersions> & {
    glossary: { entries: number; keys: number };
    pages: Record<string, { bytes: number; chars: number; terms: number; paragraphs: number }>;
    runs: unknown;
    durationS: number;
  };
  matcher: Awaited<ReturnType<typeof matcherBench>>;
  page: Record<Exclude<PageSize, 'small'>, PageResult>;
  peer: {
    markjs: {
      page: string;
      speedup: number;
      domNodesAdded: number;
      oursDomNodesAdded: number;
      pages: Record<string, ReturnType<typeof summarisePeer>>;
    };
  };
  host: ReturnType<typeof summariseHost>;
  /** The hostile suite's extremes (extremes.ts). */
  extremes: Record<ExtremePage, ReturnType<typeof summariseExtreme>>;
  dynamic: ReturnType<typeof summariseDynamic>;
  size: ReturnType<typeof contentScriptSize>;
  startup: ReturnType<typeof summariseStartup> &
    Partial<ReturnType<typeof summariseFrames>> & {
      ratioToRelayout1mb?: number;
    };
  popover?: ReturnType<typeof summarisePopover>;
  dictionary?: Awaited<ReturnType<typeof lookupBench>> &
    ReturnType<typeof summariseColdStart> &
    ReturnType<typeof summariseWordHover> & { bytes: Awaited<ReturnType<typeof dictionaryBytes>> };
  search?: { output: string; results?: unknown };
  aims: Aim[];
}

export interface Aim {
  /** The figure's key in results.json. */
  key: string;
  aim: string;
  value: number;
  met: boolean;
  /** How far off, where missed. */
  missedBy?: string;
  /** Met by less than 10%: on another run it may not be. */
  close?: boolean;
}

export function machineAndVersions(chromium: string, extensionDir: string) {
  // Read from node_modules: some packages (wxt) do not export their package.json.
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { version: string };
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${type()} ${release()}`,
    },
    versions: {
      node: process.version,
      chromium,
      playwrightCore: version('playwright-core'),
      markjs: version('mark.js'),
      wxt: version('wxt'),
      extension: manifest.version,
    },
  };
}

/** Reads a dotted key out of the results. */
function get(results: Results, key: string): number {
  let value: unknown = results;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'number' ? value : NaN;
}

export function aimsOf(results: Results): Aim[] {
  const aims: Aim[] = [];
  const atMost = (key: string, limit: number, aim: string) => {
    const value = get(results, key);
    if (Number.isNaN(value)) return;
    const met = value <= limit;
    const close = met && limit > 0 && value > limit * 0.9;
    aims.push({
      key,
      aim,
      value,
      met,
      ...(met
        ? { close }
        : { missedBy: `${format(value)} against ${format(limit)}: ${format((value / limit - 1) * 100)}% over` }),
    });
  };
  const atLeast = (key: string, limit: number, aim: string) => {
    const value = get(results, key);
    if (Number.isNaN(value)) return;
    const met = value >= limit;
    const close = met && value < limit * 1.1;
    aims.push({
      key,
      aim,
      value,
      met,
      ...(met
        ? { close }
        : { missedBy: `${format(value)} against ${format(limit)}: ${format((1 - value / limit) * 100)}% short` }),
    });
  };
  atMost('matcher.sparse.ratioToBareLoop', 4, 'matcher within 4× of a bare charCodeAt loop on sparse text');
  atLeast('matcher.sparse.speedupVsRegExp', 5, 'matcher at least 5× faster than one RegExp alternation (sparse text)');
  atLeast('matcher.dense.speedupVsRegExp', 5, 'matcher at least 5× faster than one RegExp alternation (dense text)');
  for (const size of ['1mb', '5mb']) {
    atMost(`page.${size}.longestTaskMs`, 50, `no task of ours over 50 ms (${size} page)`);
    atMost(
      `page.${size}.firstHighlightMs`,
      100,
      `first highlight in view within 100 ms of the content script starting (${size} page)`,
    );
    atMost(`page.${size}.domNodesAdded`, 0, `no DOM nodes added to the page (${size} page)`);
  }
  atLeast(
    'peer.markjs.speedup',
    5,
    'at least 5× faster than mark.js to painted highlights (the page where we are least ahead)',
  );
  for (const [name, what] of [
    ['manyTerms', 'one text node of 200 000 terms'],
    ['millionNodes', 'a million text nodes'],
  ] as const)
    atMost(`extremes.${name}.longestTaskMs`, 50, `no task of ours over 50 ms (${what})`);
  atMost('host.frameTimeRatio', 1.1, "host page's frame time with the extension within 10% of without");
  atMost(
    'dynamic.ratioToAt10.at200',
    1.25,
    'cost per appended paragraph flat as the page grows (at 200 at most 1.25× at 10)',
  );
  atMost('size.contentScriptGzipBytes', 60 * 1024, 'content script under 60 KB gzipped');
  atMost('startup.contentScriptMs', 10, 'content script start-up under 10 ms');
  atMost('popover.heightPx', 220, "the card's first view at most 220 px tall (median over the terms in view)");
  atMost('dictionary.lookupMs', 0.5, 'the background answers "the longest word at this offset" in 0.5 ms (median)');
  atMost('dictionary.coldStartMs', 150, 'first dictionary answer from a stopped service worker within 150 ms');
  atMost(
    'dictionary.hoverToPopoverMs',
    50,
    'pointer at rest on a dictionary word → its card painted within 50 ms (less the rest the lens waits for)',
  );
  atMost('dictionary.bytes.extensionZipBytes', 8_000_000, 'the packed extension (Chrome zip) under 8 MB');
  atMost(
    'startup.frameWithoutChineseMs',
    1,
    'a frame without Chinese text costs at most 1 ms of our CPU (over an empty content script)',
  );
  return aims;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs >= 1000
    ? Math.round(value).toLocaleString('en-US')
    : abs >= 10
      ? value.toFixed(1).replace(/\.0$/, '')
      : value.toFixed(2).replace(/\.?0+$/, '');
}

const kb = (bytes: number) => `${format(bytes / 1024)} KB`;
const mb = (bytes: number) => `${format(bytes / 2 ** 20)} MB`;

/** The table on stdout: the aims, then the headline figures of each benchmark. */
export function printTable(results: Results): void {
  const rows: [string, string][] = [];
  const m = results.matcher;
  if (m) {
    for (const text of ['sparse', 'dense'] as const) {
      const t = m[text];
      rows.push([
        `matcher, ${text} text`,
        `${format(t.oursMcharPerS)} Mchar/s; ${format(t.ratioToBareLoop)}× the bare loop; ${format(t.speedupVsRegExp)}× faster than RegExp; ` +
          `sense rule +${format(t.senseCostPct)}%`,
      ]);
    }
  }
  for (const [size, p] of Object.entries(results.page ?? {})) {
    rows.push([
      `page ${size}`,
      `first highlight ${format(p.firstHighlightMs)} ms, scan ${format(p.scanMs)} ms (${format(p.scanCpuMs)} ms CPU), ` +
        `longest task ${format(p.longestTaskMs)} ms, heap +${mb(p.heapAddedBytes)}, DOM +${p.domNodesAdded}`,
    ]);
  }
  for (const [size, p] of Object.entries(results.peer?.markjs.pages ?? {})) {
    rows.push([
      `mark.js ${size}`,
      `${format(p.paintedMs)} ms to painted (${format(p.speedup)}× ours), +${p.domNodesAdded.toLocaleString('en-US')} DOM nodes`,
    ]);
  }
  for (const [name, e] of Object.entries(results.extremes ?? {})) {
    rows.push([
      name,
      `scan ${format(e.scanMs)} ms, longest task ${format(e.longestTaskMs)} ms (worst run ${format(e.worstLongestTaskMs)}), ` +
        `${e.tasksOver50} of ${e.tasks} tasks ≥ 50 ms, heap ${mb(e.heapBytes)}`,
    ]);
  }
  if (results.host) {
    const h = results.host;
    rows.push([
      'host page',
      `${format(h.frameTimeMs)} ms main-thread CPU per frame vs ${format(h.baselineFrameTimeMs)} without: ${format(h.frameTimeRatio)}×`,
    ]);
  }
  if (results.dynamic) {
    const d = results.dynamic;
    rows.push([
      'dynamic page',
      `per appended paragraph ${format(d.msPerParagraphAt10)} / ${format(d.msPerParagraphAt100)} / ${format(d.msPerParagraphAt200)} ms at 10 / 100 / 200`,
    ]);
  }
  if (results.size)
    rows.push(['size', `${kb(results.size.contentScriptBytes)} raw, ${kb(results.size.contentScriptGzipBytes)} gzip`]);
  if (results.dictionary) {
    const d = results.dictionary;
    rows.push([
      'dictionary',
      `lookup ${format(d.lookupMs)} ms (median of ${d.lookups.toLocaleString('en-US')}); cold start ${format(d.coldStartMs)} ms ` +
        `vs ${format(d.wakeWithoutDictionaryMs)} ms to wake the worker without it; warm round trip ${format(d.roundTripMs)} ms`,
    ]);
    rows.push([
      'dictionary card',
      `pointer at rest → card painted ${format(d.hoverToPopoverMs)} ms (first on a page ${format(d.hoverToPopoverFirstMs)} ms), ` +
        `after the ${format(d.hoverRestMs)} ms rest`,
    ]);
    rows.push([
      'dictionary bytes',
      `keys ${mb(d.bytes.keysFileBytes)} + entries ${mb(d.bytes.entryChunksBytes)} + search ${mb(d.bytes.searchFileBytes)} ` +
        `(deflated ${mb(d.bytes.deflatedBytes)}); the worker holds ${mb(d.bytes.backgroundAfterFirstLookupBytes)} after ` +
        `a first lookup; extension zip ${mb(d.bytes.extensionZipBytes)}`,
    ]);
  }
  if (results.startup) rows.push(['start-up', `${format(results.startup.contentScriptMs)} ms`]);
  const st = results.startup;
  if (st?.frameWithoutChineseMs !== undefined) {
    rows.push([
      'frame without Chinese',
      `${format(st.frameWithoutChineseMs)} ms CPU over an empty content script's ${format(st.frameWithoutChineseFloorMs!)} ` +
        `(${format(st.frameWithoutChineseRatioToFloor!)}×), heap +${kb(st.frameWithoutChineseHeapBytes!)} a frame`,
    ]);
  }
  const width = Math.max(...rows.map(([name]) => name.length), 4);
  const lines = ['', ...rows.map(([name, text]) => `${name.padEnd(width)}  ${text}`), ''];
  for (const aim of results.aims) {
    lines.push(
      `${aim.met ? (aim.close ? 'close ' : 'met   ') : 'MISSED'}  ${aim.aim}: ${format(aim.value)}${aim.missedBy ? ` (${aim.missedBy})` : ''}`,
    );
  }
  console.log(lines.join('\n'));
}

export function writeReports(results: Results): void {
  writeFileSync(join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(BENCH_DIR, 'RESULTS.md'), markdown(results));
}

function table(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => (typeof v === 'number' ? format(v) : v);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function markdown(r: Results): string {
  const out: string[] = [];
  const { meta } = r;
  out.push(
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${meta.date.slice(0, 10)}, in ${meta.durationS} s. Every timing is the median of ` +
      'several runs, and is also given as a ratio to a baseline measured in the same run: absolute times on a shared ' +
      'two-core machine are noisy, the ratios much less so. All figures are in bench/results.json.',
    '',
    table(
      ['machine', 'versions', 'glossary and pages'],
      [
        [
          `${meta.machine.cpu}`,
          `Node ${meta.versions.node}`,
          `${meta.glossary.entries} entries, ${meta.glossary.keys} matcher keys`,
        ],
        [
          `${meta.machine.cores} cores, ${meta.machine.memoryGiB} GiB`,
          `Chromium ${meta.versions.chromium} (headless, playwright-core ${meta.versions.playwrightCore})`,
          pageLine(r, '1mb'),
        ],
        [
          meta.machine.os,
          `mark.js ${meta.versions.markjs}, WXT ${meta.versions.wxt}, extension ${meta.versions.extension}`,
          pageLine(r, '5mb'),
        ],
      ],
    ),
    '',
    '## Aims',
    '',
    table(
      ['aim', 'figure (results.json)', 'value', ''],
      r.aims.map((a) => [
        a.aim,
        `\`${a.key}\``,
        a.value,
        a.met ? (a.close ? 'met, within 10%' : 'met') : `**missed**: ${a.missedBy}`,
      ]),
    ),
    '',
  );
  const why = (aim: Aim) => NOTES.why.get(aim.key.replace(/\.(1mb|5mb)\./, '.*.')) ?? '';
  const missed = r.aims.filter((a) => !a.met);
  if (missed.length > 0) {
    out.push('### Why an aim is missed', '');
    for (const aim of missed) out.push(`- **${aim.aim}** (${aim.missedBy}). ${why(aim)}`);
    out.push('');
  }
  const close = r.aims.filter((a) => a.close);
  if (close.length > 0) {
    out.push('### Met, but within 10% of the aim: another run may miss it', '');
    for (const aim of close) out.push(`- **${aim.aim}** (${format(aim.value)}). ${why(aim)}`);
    out.push('');
  }

  const m = r.matcher;
  out.push(
    '## 1. Matcher (Node)',
    '',
    `About 5 MB (UTF-8) of Chinese made from the glossary's ${meta.glossary.entries} entries' source sentences, cut into paragraphs. ` +
      '*Dense*: the sentences that hold a term, shuffled; *sparse*: the sentences that hold none, with one in twenty that does. ' +
      `Each way over the same paragraphs ${m.runs} times, interleaved; the median.`,
    '',
    table(
      [
        'text',
        'chars',
        'terms / 1000 chars',
        'can start a key / 1000',
        'bare loop',
        'ours (Matcher.findLongest)',
        'one RegExp',
        'ours ÷ bare',
        'RegExp ÷ ours',
      ],
      (['sparse', 'dense'] as const).map((text) => {
        const t = m[text];
        return [
          text,
          t.chars.toLocaleString('en-US'),
          t.termsPerKChar,
          t.candidatesPerKChar,
          `${format(t.bareMs)} ms (${format(t.bareMcharPerS)} Mchar/s)`,
          `${format(t.oursMs)} ms (${format(t.oursMcharPerS)} Mchar/s)`,
          `${format(t.regexpMs)} ms (${format(t.regexpMcharPerS)} Mchar/s)`,
          `${format(t.ratioToBareLoop)}×`,
          `${format(t.speedupVsRegExp)}×`,
        ];
      }),
    ),
    '',
    `The RegExp finds ${m.dense.regexpMatches.toLocaleString('en-US')} matches in the dense text where the matcher finds ` +
      `${m.dense.oursMatches.toLocaleString('en-US')}: it skips the ASCII-word rule and full-width folding, an easier job.`,
    '',
    table(
      [
        'text',
        'ours with the sense rule',
        'the rule adds',
        'matches kept',
        'word checks asked',
        'one word check (background)',
      ],
      (['sparse', 'dense'] as const).map((text) => {
        const t = m[text];
        return [
          text,
          `${format(t.sensesMs)} ms`,
          `${format(t.senseCostPct)}%`,
          `${t.sensesMatches.toLocaleString('en-US')} of ${t.oursMatches.toLocaleString('en-US')}`,
          t.wordChecks.toLocaleString('en-US'),
          `${format(t.wordCheckUs)} µs`,
        ];
      }),
    ),
    '',
    'The sense rule (lib/content/senses.ts) as a scan applies it on a page about Jiaozuo, where every rule runs, once ' +
      "the background has answered the page's word checks: each distinct check is asked once a page and then read from a " +
      "cache. The checks themselves run in the background's thread, not the page's; their count is for the whole text.",
    '',
  );

  out.push(
    '## 2. Page annotation (Chromium, the built extension)',
    '',
    "Generated article pages (bench/pages.ts). Times from the content script's `main()`. *First highlight*: the end of the " +
      'first frame that rendered a highlighted term inside the viewport (the double-rAF figure beside it also counts the scan ' +
      'slices that run before the next frame). *Scan*: to the end of the first scan, wall and CPU (the sum of its slices). ' +
      '*Longest task*: the longest of our measured tasks (scan slices, proximity callbacks, set-up). Baseline: one full ' +
      'relayout of the same page without the extension.',
    '',
    table(
      ['', ...Object.keys(r.page)],
      [
        ['terms on the page', ...Object.values(r.page).map((p) => p.terms.toLocaleString('en-US'))],
        [
          'main() → lens started (site switch read)',
          ...Object.values(r.page).map((p) => `${format(p.lensStartMs)} ms`),
        ],
        ['main() → first scan starts', ...Object.values(r.page).map((p) => `${format(p.scanStartMs)} ms`)],
        [
          'first highlight registered',
          ...Object.values(r.page).map((p) => `${format(p.firstHighlightRegisteredMs)} ms`),
        ],
        [
          '**first highlight in view, rendered**',
          ...Object.values(r.page).map(
            (p) => `**${format(p.firstHighlightMs)} ms** (${format(p.ratioToRelayout.firstHighlightMs)}× relayout)`,
          ),
        ],
        [
          'first highlight, next frame (double rAF)',
          ...Object.values(r.page).map((p) => `${format(p.firstHighlightNextFrameMs)} ms`),
        ],
        [
          'first highlight from the load event',
          ...Object.values(r.page).map((p) => `${format(p.firstHighlightFromLoadMs)} ms`),
        ],
        [
          '**scan finished**',
          ...Object.values(r.page).map(
            (p) => `**${format(p.scanMs)} ms** (${format(p.ratioToRelayout.scanMs)}× relayout)`,
          ),
        ],
        [
          'scan CPU (slices)',
          ...Object.values(r.page).map(
            (p) => `${format(p.scanCpuMs)} ms in ${p.slices} slices (${format(p.ratioToRelayout.scanCpuMs)}× relayout)`,
          ),
        ],
        [
          '**longest task of ours**',
          ...Object.values(r.page).map(
            (p) =>
              `**${format(p.longestTaskMs)} ms** (${p.longestTaskKind}; ${format(p.ratioToRelayout.longestTaskMs)}× relayout)`,
          ),
        ],
        ['long tasks containing our work', ...Object.values(r.page).map((p) => p.longTasksWithOurWork)],
        [
          '**JS heap added**',
          ...Object.values(r.page).map(
            (p) => `**${mb(p.heapAddedBytes)}** (${format(p.heapAddedBytes / p.terms)} B per term)`,
          ),
        ],
        ['DOM nodes added', ...Object.values(r.page).map((p) => p.domNodesAdded)],
        [
          'baseline: full relayout of the page',
          ...Object.values(r.page).map((p) => `${format(p.baselineRelayoutMs)} ms`),
        ],
        [
          'load event, with / without',
          ...Object.values(r.page).map(
            (p) => `${format(p.withExtension.loadMs)} / ${format(p.withoutExtension.loadMs)} ms`,
          ),
        ],
        [
          'long animation frames after load, with / without',
          ...Object.values(r.page).map(
            (p) =>
              `${p.withExtension.longFramesAfterLoad} / ${p.withoutExtension.longFramesAfterLoad} (longest ${format(p.withExtension.longestFrameAfterLoadMs)} / ${format(p.withoutExtension.longestFrameAfterLoadMs)} ms)`,
          ),
        ],
        [
          'longest frame overall, with / without',
          ...Object.values(r.page).map(
            (p) => `${format(p.withExtension.longestFrameMs)} / ${format(p.withoutExtension.longestFrameMs)} ms`,
          ),
        ],
        [
          'long tasks after load, with / without',
          ...Object.values(r.page).map(
            (p) =>
              `${p.withExtension.longTasksAfterLoad} / ${p.withoutExtension.longTasksAfterLoad} (longest ${format(p.withExtension.longestTaskAfterLoadMs)} / ${format(p.withoutExtension.longestTaskAfterLoadMs)} ms)`,
          ),
        ],
      ],
    ),
    '',
  );

  const peer = r.peer.markjs;
  out.push(
    '## 3. Peer: mark.js',
    '',
    `mark.js ${meta.versions.markjs} \`markRegExp\` with one alternation of every key (one pass over the page), injected into the ` +
      'same pages in the browser without the extension, timed from its call to the end of the next rendered frame (the same ' +
      `rule as our first highlight). The headline \`peer.markjs.speedup\` is the ${peer.page} page, where we are the least ahead.`,
    '',
    table(
      ['', ...Object.keys(peer.pages)],
      [
        ['mark.js: marking (JS)', ...Object.values(peer.pages).map((p) => `${format(p.markMs)} ms`)],
        [
          'mark.js: to painted highlights',
          ...Object.values(peer.pages).map((p) => `${format(p.paintedMs)} ms (next frame ${format(p.nextFrameMs)} ms)`),
        ],
        [
          'mark.js: marks / DOM nodes added',
          ...Object.values(peer.pages).map(
            (p) => `${p.marks.toLocaleString('en-US')} / ${p.domNodesAdded.toLocaleString('en-US')}`,
          ),
        ],
        [
          'ours: to painted highlights in view',
          ...Object.values(peer.pages).map((p) => `${format(p.oursFirstHighlightMs)} ms`),
        ],
        ['ours: to the whole page scanned', ...Object.values(peer.pages).map((p) => `${format(p.oursScanMs)} ms`)],
        [
          'ours: terms / DOM nodes added',
          ...Object.values(peer.pages).map((p) => `${p.oursTerms.toLocaleString('en-US')} / ${p.oursDomNodesAdded}`),
        ],
        [
          '**ours faster, to painted highlights**',
          ...Object.values(peer.pages).map((p) => `**${format(p.speedup)}×**`),
        ],
        [
          'ours faster, mark.js painted vs our whole scan',
          ...Object.values(peer.pages).map((p) => `${format(p.speedupToScanDone)}×`),
        ],
      ],
    ),
    '',
  );

  const h = r.host;
  out.push(
    '## 4. Host-page cost',
    '',
    `After annotation, the 1 MB page changes its own DOM every frame for ${h.frames} frames: a ticker in its sticky header (in ` +
      'view, with a term in it) and a paragraph appended to the article. Same page, same script, with and without the ' +
      "extension. Headless Chromium draws at 60 Hz whatever the load, so the figure is the main thread's busy time per frame " +
      '(from the trace: everything, our callbacks and the browser work they cause included), as CPU time, which other ' +
      'processes on the machine do not inflate; the wall time and the frame interval are beside it. The floor row is a ' +
      'copy of the extension whose content script does nothing (bench/floor.ts), measured in the same turns: what any ' +
      'content script costs the page.',
    '',
    table(
      ['', 'with the extension', 'without', 'ratio'],
      [
        [
          '**main-thread CPU time per frame**',
          `${format(h.frameTimeMs)} ms`,
          `${format(h.baselineFrameTimeMs)} ms`,
          `**${format(h.frameTimeRatio)}×**`,
        ],
        [
          'main-thread wall time in tasks per frame',
          `${format(h.wallTimeMs)} ms`,
          `${format(h.baselineWallTimeMs)} ms`,
          `${format(h.wallTimeMs / h.baselineWallTimeMs)}×`,
        ],
        ['of which our measured JS', `${format(h.oursMsPerFrame)} ms`, '', ''],
        [
          'floor: an extension whose content script does nothing',
          `${format(h.floorFrameTimeMs)} ms`,
          `${format(h.baselineFrameTimeMs)} ms`,
          `${format(h.floorRatio)}× (ours ÷ floor: ${format(h.ratioToFloor)}×)`,
        ],
        ['frame interval, median', `${format(h.intervalMs)} ms`, `${format(h.baselineIntervalMs)} ms`, ''],
        [
          'frame interval, 95th percentile',
          `${format(h.intervalP95Ms)} ms`,
          `${format(h.baselineIntervalP95Ms)} ms`,
          '',
        ],
      ],
    ),
    '',
  );

  const d = r.dynamic;
  out.push(
    '## 5. Dynamic pages',
    '',
    `${d.paragraphs} paragraphs appended one by one (every ${d.intervalMs} ms) to the annotated 1 MB article. Our work per ` +
      'paragraph is the sum of our measures after it was appended (the median over the ten paragraphs ending at each count, ' +
      'then over the runs); the baseline is the cost at 10. The clock here ticks in 0.1 ms (a page that is not ' +
      'cross-origin isolated), so these few tenths of a millisecond are near its resolution.',
    '',
    table(
      ['paragraphs appended so far', '10', '100', '200'],
      [
        [
          'our work per appended paragraph',
          `${format(d.msPerParagraphAt10)} ms`,
          `${format(d.msPerParagraphAt100)} ms`,
          `${format(d.msPerParagraphAt200)} ms`,
        ],
        ['ratio to the cost at 10', '1', `${format(d.ratioToAt10.at100)}×`, `${format(d.ratioToAt10.at200)}×`],
      ],
    ),
    '',
  );

  const s = r.size;
  const st = r.startup;
  out.push(
    '## 6. Size and start-up',
    '',
    table(
      ['', ''],
      [
        ['content script, raw', kb(s.contentScriptBytes)],
        ['**content script, gzip -9**', `**${kb(s.contentScriptGzipBytes)}**`],
        [
          'popover-view.js (the popover, imported on the first term pointed at), raw / gzip',
          `${kb(s.popoverViewBytes)} / ${kb(s.popoverViewGzipBytes)}`,
        ],
        [
          '**start-up: our CPU before the first scan**',
          `**${format(st.contentScriptMs)} ms**${st.ratioToRelayout1mb ? ` (${format(st.ratioToRelayout1mb)}× the 1 MB relayout)` : ''}; wall ${format(st.contentScriptWallMs)} ms`,
        ],
        [
          'of which: evaluating the bundle (compile, top level, main())',
          `${format(st.evaluateCpuMs)} ms (compile ${format(st.compileCpuMs)} ms)`,
        ],
        [
          'of which: the task that runs startLens',
          `${format(st.laterSetupTaskCpuMs)} ms (startLens itself: ${format(st.setupMs)} ms wall)`,
        ],
        ['main() → first scan (wall: storage read, startLens, a frame)', `${format(st.toFirstScanMs)} ms`],
        ...(st.frameWithoutChineseMs !== undefined
          ? [
              [
                `**a frame without Chinese text** (a page of ${st.frames} frames, ${st.runs} runs): our CPU, over an empty content script's`,
                `**${format(st.frameWithoutChineseMs)} ms** (${format(st.frameWithoutChineseTotalMs!)} against ${format(st.frameWithoutChineseFloorMs!)} ms, ${format(st.frameWithoutChineseRatioToFloor!)}×)`,
              ],
              [
                'the page’s heap per such frame, ours minus an empty content script’s',
                kb(st.frameWithoutChineseHeapBytes!),
              ],
            ]
          : []),
        ...(r.popover
          ? [
              [
                'pointer at rest on a term → popover open, beyond the hover delay: the first (imports popover-view.js) / a later one',
                `${format(r.popover.firstShowMs)} / ${format(r.popover.laterShowMs)} ms (${format(r.popover.firstToLater)}×)`,
              ],
              [
                `**the card's first view**, height: median / tallest over ${r.popover.heightTerms} terms (aim ≤ 220 px)`,
                `**${format(r.popover.heightPx)}** / ${format(r.popover.maxHeightPx)} px`,
              ],
            ]
          : []),
      ],
    ),
    '',
    `Start-up is read from Chromium's trace on a small page (${st.runs} runs): the thread time of the task that evaluates the ` +
      'content script (its EvaluateScript event) plus that of the later task that runs startLens (after the site switch has read ' +
      'storage). Thread time, because on two cores shared with the browser, GPU and service-worker processes the wall time of ' +
      'the same evaluation varies from 9 to 34 ms with preemption, while its thread time stays within 8–9 ms.',
    '',
  );

  const dict = r.dictionary;
  if (dict) {
    out.push(
      '## 7. Dictionary (CC-CEDICT, lib/dictionary/)',
      '',
      table(
        ['', ''],
        [
          [
            '**lookup: the background’s work for one dictionary-lookup** (median, p99)',
            `**${format(dict.lookupMs)} ms**, ${format(dict.lookupP99Ms)} ms (${dict.lookups.toLocaleString('en-US')} positions, ${dict.found.toLocaleString('en-US')} with a word)`,
          ],
          [
            '**cold start: stopped service worker → first answer**, from a content script',
            `**${format(dict.coldStartMs)} ms**`,
          ],
          [
            'the same worker woken by a message that does not read the dictionary',
            `${format(dict.wakeWithoutDictionaryMs)} ms`,
          ],
          [
            'of the cold start, the dictionary’s share (reading the keys and a chunk of entries, the lookup)',
            `${format(dict.dictionaryShareMs)} ms`,
          ],
          ['a lookup to the running worker (messaging both ways)', `${format(dict.roundTripMs)} ms`],
          [
            `**pointer at rest on a word → its card painted**, less the ${format(dict.hoverRestMs)} ms rest (median of ${dict.hoverSamples})`,
            `**${format(dict.hoverToPopoverMs)} ms**; the first on a page (the card's UI loaded) ${format(dict.hoverToPopoverFirstMs)} ms`,
          ],
          [
            `keys (dictionary.bin) / entries (${dict.bytes.entryChunks} chunks) / search index, raw`,
            `${mb(dict.bytes.keysFileBytes)} / ${mb(dict.bytes.entryChunksBytes)} / ${mb(dict.bytes.searchFileBytes)}`,
          ],
          ['all of them, deflated as the zip holds them', mb(dict.bytes.deflatedBytes)],
          [
            'in memory: the service worker after its first lookup / a page that searches',
            `${mb(dict.bytes.backgroundAfterFirstLookupBytes)} / ${mb(dict.bytes.searchingPageBytes)}`,
          ],
          [
            '**the whole extension as a zip**',
            `**${mb(dict.bytes.extensionZipBytes)}** (${dict.bytes.extensionZipBytes.toLocaleString('en-US')} B)`,
          ],
        ],
      ),
      '',
    );
  }

  if (r.search) {
    out.push(
      '## Popup search (bench/search.ts, `npm run bench:search`)',
      '',
      'Its own output, as it printed it:',
      '',
      '```',
      r.search.output,
      '```',
      '',
    );
  }

  out.push(NOTES.method, '', NOTES.changes, '');
  return out.join('\n');
}

function pageLine(r: Results, size: string): string {
  const p = r.meta.pages[size];
  return p
    ? `${size} page: ${mb(p.bytes)}, ${p.chars.toLocaleString('en-US')} chars, ${p.terms.toLocaleString('en-US')} terms`
    : '';
}

/**
 * The hand-written parts of RESULTS.md, from bench/NOTES.md: how it is measured, why each aim is missed (a
 * paragraph under a heading that is the aim's key, `*` for either page), and the changes made for the aims.
 */
const NOTES = readNotes(readFileSync(join(BENCH_DIR, 'NOTES.md'), 'utf8'));

function readNotes(text: string): { method: string; why: Map<string, string>; changes: string } {
  const section = (heading: string) => {
    const start = text.indexOf(`\n## ${heading}`);
    if (start < 0) throw new Error(`bench/NOTES.md has no "## ${heading}" section`);
    const end = text.indexOf('\n## ', start + 1);
    return text.slice(start + 1, end < 0 ? undefined : end).trim();
  };
  const why = new Map<string, string>();
  // Each reason runs to the next heading or the section's end (not to the end of its first line: no `m` flag on `$`).
  for (const [, key, paragraph] of section('Why an aim is missed').matchAll(
    /^### (\S+)\n\n([\s\S]*?)(?=\n### |(?![\s\S]))/gm,
  )) {
    why.set(key!, paragraph!.trim().replace(/\s*\n\s*/g, ' '));
  }
  return { method: section('How it is measured'), why, changes: section('Changes made for these aims') };
}
