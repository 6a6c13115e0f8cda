/**
 * Collects the page's reading text as runs: the text of consecutive text nodes under one block, read across
 * inline elements and comments (一区<a>五城</a> is one run) but broken by blocks and <br>. Matching works on a
 * run's joined string; offsets map back to text nodes.
 */

/*
 * Elements are told apart by localName, not tagName: tagName is upper case only for HTML elements in an HTML
 * document, so in an XHTML page (application/xhtml+xml) <script> would be read and <a> would end a run.
 * localName is lower case for HTML elements everywhere, and as written for SVG ones (textPath).
 */

/**
 * Elements whose text is not reading text, or is ours. Their whole subtree is skipped; so is any element marked
 * `data-jpl-skip` (the source reader's own header and controls, whose Chinese UI text names 焦作).
 */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'rt',
  'rp',
  'math',
  'canvas',
  'video',
  'audio',
  'iframe',
  'object',
  'head',
  'title',
  // SVG's non-text parts; its <text> is reading text (a chart's labels, a map's names).
  'desc',
  'metadata',
  'defs',
]);

/** Elements that flow inside a line of text: a term may continue across them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  'ruby',
  'rb',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'nobr',
  'tspan',
  'textPath',
]);

/** Our own UI's host element. */
export const HOST_TAG = 'jpl-lens';

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
  const name = element.localName;
  return INLINE.has(name) || (name.includes('-') && name !== HOST_TAG);
}

export function isSkipped(element: Element): boolean {
  const name = element.localName;
  return (
    SKIPPED.has(name) ||
    name === HOST_TAG ||
    element.hasAttribute('data-jpl-skip') ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    // An editable region starts at an element with the attribute. isContentEditable is asked of those only:
    // it walks up to the root each time, and asked of every element it made a deep DOM quadratic (2000 levels:
    // 2.7 s in one task).
    (element.hasAttribute('contenteditable') && (element as HTMLElement).isContentEditable === true)
  );
}

/** Inside an editable region (an editor, or a document in design mode): text the reader is writing. */
function isEditable(element: Element | null): boolean {
  return (element as HTMLElement | null)?.isContentEditable === true;
}

/** The element whose runs a node's text belongs to: its nearest non-inline ancestor (or itself). */
export function blockOf(node: Node): Element | null {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInline(element)) element = element.parentElement;
  return element;
}

/** True when a node sits in text we never read (inside a skipped element, an editable region or our own UI). */
export function inSkippedSubtree(node: Node): boolean {
  const start = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (isEditable(start)) return true;
  for (let element = start; element; element = element.parentElement) {
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

/** Yielded by `runs` every PAUSE_EVERY nodes: a place to pause a long walk, even inside one run. */
export const PAUSE = null;
/** A millisecond or two of walking. A run can have 100 000 text nodes (which took 140 ms to walk at once). */
const PAUSE_EVERY = 1024;

/**
 * The runs under `root`, one at a time, with PAUSE between some nodes so that a long walk can pause. Deep
 * (default): the runs of every block inside root, and root's own if it is a block; runs that belong to a block
 * outside root (root is inline) are left to that block's own scan.
 */
export function* runs(root: Element | ShadowRoot, options: CollectOptions = {}): Generator<TextRun | typeof PAUSE> {
  const doc = root.ownerDocument ?? document;
  const rootElement = root instanceof Element ? root : null;
  if (isEditable(rootElement)) return; // editable from above root (design mode, or a rescan inside an editor)
  const ownBlock = rootElement && !isInline(rootElement) ? rootElement : null;
  let breakBeforeNextText = false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      const nestedBlock = options.shallow && element !== root && !isInline(element) && element.localName !== 'br';
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
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited % PAUSE_EVERY === 0) yield PAUSE;
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

/**
 * The text node (and its index in the run) and offset for an offset into a run's text (end offsets map to the
 * end of a node).
 */
export function locate(run: TextRun, offset: number, isEnd: boolean): { node: Text; index: number; offset: number } {
  let low = 0;
  let high = run.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!isEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: run.nodes[low]!, index: low, offset: offset - run.starts[low]! };
}
