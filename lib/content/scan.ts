/**
 * Finds glossary terms in a document's text without touching the DOM: returns StaticRanges to highlight.
 * (The content-script issue replaces this first version with block-aware, sliced, viewport-first scanning.)
 */
import type { Matcher } from '../matcher/matcher';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'CODE', 'PRE']);

export interface Found {
  ranges: StaticRange[];
  /** Entry index → occurrences. */
  counts: Map<number, number>;
}

export function scanText(root: Node, matcher: Matcher): Found {
  const found: Found = { ranges: [], counts: new Map() };
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && SKIPPED.has((node as Element).tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    for (const match of matcher.findLongest((node as Text).data)) {
      found.ranges.push(new StaticRange({ startContainer: node, startOffset: match.start, endContainer: node, endOffset: match.end }));
      found.counts.set(match.entry, (found.counts.get(match.entry) ?? 0) + 1);
    }
  }
  return found;
}
