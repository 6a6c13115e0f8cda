/**
 * Collects the page's reading text as runs: the text of consecutive text nodes under one block, read across
 * inline elements and comments (一区<a>五城</a> is one run) but broken by blocks and <br>. Matching works on a
 * run's joined string; offsets map back to text nodes.
 */

/**
 * Elements whose text is not reading text, or is ours. Their whole subtree is skipped; so is any element marked
 * `data-jpl-skip` (the source reader's own header and controls, whose Chinese UI text names 焦作).
 */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP',
  'RT', 'RP', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE',
]);

/** Elements that flow inside a line of text: a term may continue across them. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL', 'MARK',
  'Q', 'RUBY', 'RB', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'NOBR',
]);

/** Our own UI's host element. */
export const HOST_TAG = 'JPL-LENS';

export interface TextRun {
  /** The nearest block ancestor of the run's text nodes. */
  block: Element;
  nodes: Text[];
  /** Offset of each node's text within `text`. */
  starts: number[];
  text: string;
}

export function isInline(element: Element): boolean {
  // Custom elements are inline unless styled otherwise; treating them as inline keeps their text readable.
  return INLINE.has(element.tagName) || (element.tagName.includes('-') && element.tagName !== HOST_TAG);
}

export function isSkipped(element: Element): boolean {
  return (
    SKIPPED.has(element.tagName) ||
    element.tagName === HOST_TAG ||
    element.hasAttribute('data-jpl-skip') ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    (element as HTMLElement).isContentEditable === true
  );
}

/** The element whose runs a node's text belongs to: its nearest non-inline ancestor (or itself). */
export function blockOf(node: Node): Element | null {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInline(element)) element = element.parentElement;
  return element;
}

/** True when a node sits in text we never read (inside a skipped element or our own UI). */
export function inSkippedSubtree(node: Node): boolean {
  for (let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    if (isSkipped(element)) return true;
  }
  return false;
}

export interface CollectOptions {
  /** Only the runs that belong to `root` itself, not to blocks nested in it (they have their own). */
  shallow?: boolean;
  /** Called with each open shadow root met on the way (deep collection only). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * The runs under `root`. Deep (default): the runs of every block inside root, and root's own if it is a
 * block; runs that belong to a block outside root (root is inline) are left to that block's own scan.
 */
export function collectRuns(root: Element | ShadowRoot, options: CollectOptions = {}): TextRun[] {
  return [...runs(root, options)];
}

/** The same runs, one at a time, so that a long walk can pause between them. */
export function* runs(root: Element | ShadowRoot, options: CollectOptions = {}): Generator<TextRun> {
  const doc = root.ownerDocument ?? document;
  const rootElement = root instanceof Element ? root : null;
  const ownBlock = rootElement && !isInline(rootElement) ? rootElement : null;
  let breakBeforeNextText = false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      const nestedBlock = options.shallow && element !== root && !isInline(element) && element.tagName !== 'BR';
      if (isSkipped(element) || nestedBlock) {
        // A rejected element is never visited, so the loop cannot see it end the run: note that it does
        // (a block, or a skipped element that is not inline, such as <pre>: 焦作<p>测试</p>高新区 is no term).
        if (!isInline(element)) breakBeforeNextText = true;
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });

  let current: TextRun | null = null;
  let lastBlock: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (element.shadowRoot && options.onShadowRoot && !options.shallow) options.onShadowRoot(element.shadowRoot);
      if (!isInline(element)) {
        // A block or <br> ends the run before it.
        if (current && hasText(current)) yield current;
        current = null;
      }
      continue;
    }
    const text = node as Text;
    if (breakBeforeNextText) {
      breakBeforeNextText = false;
      if (current && hasText(current)) yield current;
      current = null;
    }
    const block = blockOf(text) ?? ownBlock;
    if (!block) continue;
    if (rootElement && block !== rootElement && !rootElement.contains(block)) continue; // belongs to an outer block
    if (current === null || block !== lastBlock) {
      if (current && hasText(current)) yield current;
      current = { block, nodes: [], starts: [], text: '' };
    }
    lastBlock = block;
    current.nodes.push(text);
    current.starts.push(current.text.length);
    current.text += text.data;
  }
  if (current && hasText(current)) yield current;
}

function hasText(run: TextRun): boolean {
  return run.text.trim().length > 0;
}

/** The text node and offset for an offset into a run's text (end offsets map to the end of a node). */
export function locate(run: TextRun, offset: number, isEnd: boolean): { node: Text; offset: number } {
  let low = 0;
  let high = run.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!isEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: run.nodes[low]!, offset: offset - run.starts[low]! };
}
