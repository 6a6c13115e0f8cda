/**
 * Builds the extension as it is now, with its timing marks, with WXT's own API, into the directory given as the argument (the
 * benchmark's own, away from .output, which every other build wipes). Run as a child process by
 * bench/browser.ts, so that the builder's progress display stays out of the benchmark's output.
 */
import { build } from 'wxt';
import { REPO_ROOT } from './common';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: tsx bench/build-extension.ts OUT_DIR');
// With the content script's User Timing marks, which the benchmarks read (lib/content/timing.ts).
process.env.WXT_TIMING = '1';
await build({ root: REPO_ROOT, outDir });
