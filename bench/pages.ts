/**
 * The benchmark's pages, built from the glossary's own sources so that terms occur as densely as they do in
 * Jiaozuo's newspapers: the five articles' paragraphs, cycled (in a seeded shuffle after the first pass)
 * until the page reaches its size. Deterministic: the same bytes on every run.
 *
 * One page is one long article: a headline, then sections (a heading, a byline, paragraphs), all directly
 * inside one <article>, as news sites lay them out. Every eighth paragraph puts a sentence in <strong> or a
 * link, so that runs cross inline elements. The root element carries data-jpl-timing, which turns on the
 * content script's User Timing marks (lib/content/timing.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES_DIR, random, readGlossary, readMatcherData, shuffled } from './common';
import type { GlossaryData } from '../lib/glossary-types';
import { Matcher } from '../lib/matcher/matcher';

/** The article pages; the small one is for timing the content script's start-up, not the page. */
const PAGE_SIZES = { small: 30_000, '1mb': 1_000_000, '5mb': 5_000_000 } as const;
export type PageSize = keyof typeof PAGE_SIZES;

export interface GeneratedPage {
  /** Path on the benchmark's server, e.g. /article-1mb.html. */
  path: string;
  bytes: number;
  /** Characters of reading text (paragraph and heading text). */
  chars: number;
  paragraphs: number;
  /** Terms the content script should find (leftmost-longest matches in each block's text). */
  terms: number;
}

const STYLE = `
  body { margin: 0; font: 17px/1.75 "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; color: #1f2328; }
  header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 8px 24px; }
  main { max-width: 42em; margin: 0 auto; padding: 24px; }
  .byline { color: #6b7280; font-size: 14px; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Paragraph {
  kind: 'heading' | 'byline' | 'text';
  sentences: string[];
}

/** The sources' paragraphs, document by document; after the first pass each document's are shuffled. */
function* sourceParagraphs(
  glossary: GlossaryData,
  seed: number,
): Generator<Paragraph & { headline?: string; outlet?: string }> {
  const next = random(seed);
  for (let pass = 0; ; pass++) {
    for (const doc of glossary.documents) {
      const paragraphs = pass === 0 ? doc.paragraphs : shuffled(doc.paragraphs, next);
      yield { kind: 'heading', sentences: [doc.headline], headline: doc.headline, outlet: doc.outlet };
      yield { kind: 'byline', sentences: [`${doc.outlet} · ${doc.period}`] };
      for (const p of paragraphs) yield { kind: p.kind, sentences: p.sentences.map((id) => glossary.sentences[id]!) };
    }
  }
}

function paragraphHtml(paragraph: Paragraph, index: number): string {
  const sentences = paragraph.sentences.map(escapeHtml);
  if (paragraph.kind === 'heading') return `<h2>${sentences.join('')}</h2>`;
  if (paragraph.kind === 'byline') return `<p class="byline">${sentences.join('')}</p>`;
  if (index % 8 === 3 && sentences.length > 1) {
    // A sentence set off as <strong> or a link: the text of one block crosses inline elements.
    const at = index % sentences.length;
    sentences[at] =
      index % 16 === 3 ? `<strong>${sentences[at]}</strong>` : `<a href="#p${index}">${sentences[at]}</a>`;
  }
  return `<p>${sentences.join('')}</p>`;
}

/** An article page of about `targetBytes` bytes of UTF-8 HTML. */
function articleHtml(
  glossary: GlossaryData,
  targetBytes: number,
  title: string,
  countTerms: (text: string) => number,
): { html: string; chars: number; paragraphs: number; terms: number } {
  const head =
    `<!doctype html>\n<html lang="zh-CN" data-jpl-timing>\n<head><meta charset="utf-8"><title>${title}</title>` +
    `<style>${STYLE}</style></head>\n<body>\n<header>焦作日报 · 要闻</header>\n<main><article id="article">\n`;
  const tail = '</article></main>\n</body>\n</html>\n';
  const parts: string[] = [head];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  let chars = 0;
  let terms = 0;
  let index = 0;
  for (const paragraph of sourceParagraphs(glossary, 1)) {
    if (bytes >= targetBytes) break;
    const html =
      (index === 0 ? `<h1>${escapeHtml(paragraph.sentences[0]!)}</h1>` : paragraphHtml(paragraph, index)) + '\n';
    parts.push(html);
    bytes += Buffer.byteLength(html);
    chars += paragraph.sentences.reduce((sum, s) => sum + s.length, 0);
    terms += countTerms(paragraph.sentences.join(''));
    index++;
  }
  parts.push(tail);
  return { html: parts.join(''), chars, paragraphs: index, terms };
}

/** Paragraphs for a page to append while it runs (the dynamic and host-page benchmarks): source text. */
export function feedParagraphs(glossary: GlossaryData, count: number): string[] {
  const next = random(7);
  const texts = glossary.documents.flatMap((doc) =>
    doc.paragraphs
      .filter((p) => p.kind === 'text')
      .map((p) => p.sentences.map((id) => glossary.sentences[id]!).join('')),
  );
  const out: string[] = [];
  while (out.length < count) out.push(...shuffled(texts, next));
  return out.slice(0, count);
}

/** Writes the article pages into bench/tmp/pages. */
export function generatePages(glossary = readGlossary()): Record<PageSize, GeneratedPage> {
  mkdirSync(PAGES_DIR, { recursive: true });
  const matcher = new Matcher(readMatcherData().trie);
  const countTerms = (text: string) => matcher.findLongest(text).length;
  const out = {} as Record<PageSize, GeneratedPage>;
  for (const [size, target] of Object.entries(PAGE_SIZES) as [PageSize, number][]) {
    const { html, chars, paragraphs, terms } = articleHtml(
      glossary,
      target,
      `焦作政策词汇 · 基准页 ${size.toUpperCase()}`,
      countTerms,
    );
    const path = `/article-${size}.html`;
    writeFileSync(join(PAGES_DIR, path), html);
    out[size] = { path, bytes: Buffer.byteLength(html), chars, paragraphs, terms };
  }
  return out;
}

/** Frames on the frames page (frames.ts): as many as a news page's advertisements and embeds can add up to. */
export const FRAMES = 100;

/**
 * A page of FRAMES frames without a Han character anywhere (the page's own text included): half loaded from the
 * server, half srcdoc. Each document carries data-jpl-timing, so that a task of ours in it can be told apart.
 */
export function generateFramesPage(): GeneratedPage {
  mkdirSync(PAGES_DIR, { recursive: true });
  const ad = (i: number) =>
    `<p>Advertisement ${i}: buy one, get one free. <a href="#offer">Terms and conditions apply.</a></p>`;
  writeFileSync(
    join(PAGES_DIR, 'frame-english.html'),
    `<!doctype html>\n<html lang="en" data-jpl-timing><head><meta charset="utf-8"><title>Ad</title></head><body>${ad(0)}</body></html>\n`,
  );
  const frames = Array.from({ length: FRAMES }, (_, i) =>
    i % 2 === 0
      ? `<iframe src="/frame-english.html?${i}"></iframe>`
      : `<iframe srcdoc="${escapeHtml(`<html lang="en" data-jpl-timing><body>${ad(i)}</body></html>`).replace(/"/g, '&quot;')}"></iframe>`,
  );
  const html =
    `<!doctype html>\n<html lang="en" data-jpl-timing>\n<head><meta charset="utf-8"><title>Frames</title>` +
    `<style>iframe { width: 200px; height: 60px; }</style></head>\n<body>\n<p>A page of ${FRAMES} frames.</p>\n` +
    `${frames.join('\n')}\n</body>\n</html>\n`;
  const path = '/frames-english.html';
  writeFileSync(join(PAGES_DIR, path), html);
  return { path, bytes: Buffer.byteLength(html), chars: 0, paragraphs: 0, terms: 0 };
}
