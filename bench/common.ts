/** What the benchmarks share: paths, the glossary's generated files, a seeded random source, statistics. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GlossaryData, MatcherData } from '../lib/glossary-types';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = join(REPO_ROOT, 'bench');
/** Generated pages, the benchmark's own build of the extension, profiles: git-ignored. */
export const TMP_DIR = join(BENCH_DIR, 'tmp');
export const PAGES_DIR = join(TMP_DIR, 'pages');

export function readGlossary(): GlossaryData {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'glossary', 'generated', 'glossary.json'), 'utf8')) as GlossaryData;
}

export function readMatcherData(): MatcherData {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'glossary', 'generated', 'matcher.json'), 'utf8')) as MatcherData;
}

/** mulberry32: a small seeded generator, so that every run builds the same texts and pages. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value below which a fraction `p` of the values lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Rounds for the report: times to 0.01 ms below 10, 0.1 above; ratios alike. */
export function round(value: number, digits = value !== 0 && Math.abs(value) < 10 ? 2 : 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
