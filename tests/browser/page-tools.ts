/** Helpers for browser tests that look at pages through the extension's eyes. */
import type { Page } from 'playwright-core';
import type { TermCount } from '../../lib/messages/protocol';
import type { ExtensionHarness } from './harness';

/**
 * The page's tab id. The extension has no `tabs` permission (it needs none), so tabs cannot be found by
 * URL: the page is brought to the front and the active tab asked for.
 */
export async function tabIdOf(h: ExtensionHarness, page: Page): Promise<number> {
  await page.bringToFront();
  return h.serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
  );
}

/** What the background says the tab holds (the popup's `page-terms` message), as a term → count object. */
export async function pageTerms(h: ExtensionHarness, page: Page): Promise<Record<string, number>> {
  const tabId = await tabIdOf(h, page);
  const extensionPage = await h.context.newPage();
  await extensionPage.goto(`${h.extensionOrigin}/options.html`);
  const terms = await askPageTerms(extensionPage, tabId);
  await extensionPage.close();
  return terms;
}

/** The popup's `page-terms` question for a tab, asked from one of our pages (`extensionPage`). */
export async function askPageTerms(extensionPage: Page, tabId: number): Promise<Record<string, number>> {
  const terms = await extensionPage.evaluate(async (id) => {
    const response = (await chrome.runtime.sendMessage({ type: 'page-terms', tabId: id })) as { terms: TermCount[] };
    return response.terms;
  }, tabId);
  return Object.fromEntries(terms.map(({ term, count }) => [term, count]));
}

/** Polls pageTerms until it equals `expected` (the content script reports a moment after it scans). */
export async function waitForPageTerms(
  h: ExtensionHarness,
  page: Page,
  expected: Record<string, number>,
  timeout = 10_000,
): Promise<Record<string, number>> {
  const deadline = Date.now() + timeout;
  let last: Record<string, number> = {};
  while (Date.now() < deadline) {
    last = await pageTerms(h, page);
    if (sameCounts(last, expected)) return last;
    await page.waitForTimeout(200);
  }
  return last;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Our highlights are registered under names made up for each page (lib/content/highlights.ts): the tests find
 * them as a page could, in the registry, where the test pages register none of their own. The terms are
 * registered with priority 0 (in up to four highlights: light and dark backgrounds, touching terms taking
 * turns), the term whose card is open or that was stepped to or revealed (focus) with priority 1, the
 * dictionary word whose card is open (word) with priority 2.
 */
export type HighlightKind = 'terms' | 'focus' | 'word';

/**
 * Run inside the page (page.evaluate, or a probe's isolated world): the texts of the ranges of our terms'
 * (focus, word) highlight, in document order. Self-contained, as a function sent to a page must be.
 */
export function highlightTextsInPage(kind: HighlightKind): string[] {
  const priority = kind === 'terms' ? 0 : kind === 'focus' ? 1 : 2;
  const ranges = [...CSS.highlights.values()]
    .filter((highlight) => highlight.priority === priority)
    .flatMap((highlight) => [...highlight])
    .map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live;
    });
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
}

/**
 * Run inside the page: how our terms are painted, as the page's style system computes it for the registered
 * term highlight that holds the most of them (terms are painted in colours chosen for their background, and
 * touching ones take turns: several highlights; null when none is registered).
 */
export function termStyleInPage(): { background: string; decoration: string } | null {
  const name = [...CSS.highlights.entries()]
    .filter(([, highlight]) => highlight.priority === 0)
    .sort(([, a], [, b]) => b.size - a.size)[0]?.[0];
  if (!name) return null;
  const style = getComputedStyle(document.body, `::highlight(${name})`);
  return { background: style.backgroundColor, decoration: style.textDecorationLine };
}

/** Run inside the page: how many highlights the registry holds (ours: none until there is a term to paint). */
export function highlightCountInPage(): number {
  return CSS.highlights.size;
}

/**
 * Run inside the page: the viewport point at the middle of the first occurrence of `text` inside the element
 * matching `selector` (of its first line, should it wrap). The text must sit in one text node.
 */
export function textCentreInPage([selector, text]: readonly [string, string]): { x: number; y: number } {
  const root = document.querySelector(selector);
  if (!root) throw new Error(`no ${selector}`);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`no "${text}" in ${selector}`);
}

/** The texts of our terms' (or focus) highlight, in document order. */
export function highlightedTexts(page: Page, kind: HighlightKind = 'terms'): Promise<string[]> {
  return page.evaluate(highlightTextsInPage, kind);
}

/** The centre of the first occurrence of `text` inside the element matching `selector`. */
export function pointOf(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(textCentreInPage, [selector, text] as const);
}

/** Keeps the page's markup at DOMContentLoaded (before any content script at document_idle). */
export function recordMarkupAtLoad(): void {
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      (window as unknown as { __markupAtLoad: string }).__markupAtLoad = document.documentElement.outerHTML;
    },
    { once: true, capture: true },
  );
}

/**
 * The page's markup now, without our host element (whatever the page put beside its <head> and <body>: our
 * card's host, which the test pages never do), and as it was at DOMContentLoaded.
 */
export function markupNowAndAtLoad(page: Page): Promise<{ now: string; atLoad: string; hosts: number }> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    const hosts = [...copy.children].filter((child) => child.localName !== 'head' && child.localName !== 'body');
    const count = hosts.length;
    hosts.forEach((host) => host.remove());
    return {
      now: copy.outerHTML,
      atLoad: (window as unknown as { __markupAtLoad: string }).__markupAtLoad,
      hosts: count,
    };
  });
}
