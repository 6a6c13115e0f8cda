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
 * Elements whose text is not reading text. Their whole subtree is skipped; so is any element marked
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

export interface TextRun {
  /** The nearest block ancestor of the run's text nodes. */
  block: Element;
  nodes: Text[];
  /** Offset of each node's text within `text`. */
  starts: number[];
  text: string;
  /**
   * A long run comes in pieces of PIECE_NODES nodes, each repeating at its start the last characters of the one
   * before (at least PIECE_OVERLAP of them: a term across two pieces is whole in the second). `overlap`: the
   * characters this piece repeats of the one before; `tail`: the characters the next one will repeat of this
   * (0 in the last piece, or the run's only one).
   */
  overlap: number;
  tail: number;
}

export function isInline(element: Element): boolean {
  // Custom elements are inline unless styled otherwise; treating them as inline keeps their text readable.
  const name = element.localName;
  return INLINE.has(name) || name.includes('-');
}

export function isSkipped(element: Element): boolean {
  const name = element.localName;
  return (
    SKIPPED.has(name) ||
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

/**
 * The element whose runs a node's text belongs to: its nearest non-inline ancestor (or itself). Inline content
 * at the top of a shadow tree (a custom element used as a badge in a sentence, whose shadow root holds its text)
 * has none there: it belongs to the shadow root's host, whose own text it is (its light-DOM children belong to
 * the block around the host, where they are shown). A shadow root itself (a mutation's target) names its host.
 */
export function blockOf(node: Node): Element | null {
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return hostOf(node);
  let top = node;
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInline(element)) {
    top = element;
    element = element.parentElement;
  }
  return element ?? hostOf(top.parentNode);
}

/** Whether an element has an open shadow root, or may get one later (a custom element). */
function hostsShadow(element: Element): boolean {
  return element.shadowRoot !== null || element.localName.includes('-');
}

/** The host of a shadow root (null for any other node, a document fragment included). */
function hostOf(node: Node | null): Element | null {
  return (node as ShadowRoot | null)?.host ?? null;
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
  /**
   * Only the runs that belong to `root` itself, not to blocks nested in it (they have their own): with the
   * inline content at the top of root's shadow tree, which is root's too (see blockOf).
   */
  shallow?: boolean;
  /** Called with each open shadow root met on the way (deep collection only). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called with each custom element met without a shadow root (deep collection only): one may come later. */
  onShadowless?: (element: Element) => void;
  /**
   * Blocks whose runs are not wanted (scanned already): their text is passed over, not collected, and one
   * without child elements (so without nested blocks) and without a shadow root, present or to come, is not
   * walked at all.
   */
  ignore?: ReadonlySet<Element>;
}

/** Yielded by `runs` every PAUSE_EVERY nodes: a place to pause a long walk, even inside one run. */
export const PAUSE = null;
/** A millisecond or two of walking. A run can have 100 000 text nodes (which took 140 ms to walk at once). */
const PAUSE_EVERY = 1024;
/** Nodes in a piece of a long run (TextRun.overlap). */
const PIECE_NODES = 4096;
/** Characters a piece repeats of the one before at least: more than any key of the glossary has. */
const PIECE_OVERLAP = 256;
/** A run of this many nodes or more has its text read with a range (RunBuilder.text). */
const RANGE_READ = 16;
/**
 * Text nodes read of one block at most: of a paragraph of a million text nodes, its first 100 000. Each node a
 * content script reads gets a wrapper in its world, and a million of them brought collections (tracing the
 * page's million nodes) that landed in our slices as pauses of 30 to 130 ms. 200 000 did not until the sense
 * rule (senses.ts) came to read such a block two or three times (again once its anchor is found, and once the
 * background's word checks are answered): their collections then made slices of 55 to 70 ms. 100 000 do not.
 */
const MAX_BLOCK_NODES = 100_000;

/**
 * The runs under `root`, one at a time, with PAUSE between some nodes so that a long walk can pause. Deep
 * (default): the runs of every block inside root, and root's own if it is a block; runs that belong to a block
 * outside root (root is inline) are left to that block's own scan.
 */
export function* runs(root: Element | ShadowRoot, options: CollectOptions = {}): Generator<TextRun | typeof PAUSE> {
  const rootElement = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
  if (isEditable(rootElement)) return; // editable from above root (design mode, or a rescan inside an editor)
  yield* treeRuns(root, rootElement, options);
  const shadow = options.shallow ? rootElement?.shadowRoot : null;
  if (shadow) yield* treeRuns(shadow, rootElement, options);
}

/** The runs of one tree (a subtree of the document, or a shadow tree); `owner`: the element they are collected for. */
function* treeRuns(
  root: Element | ShadowRoot,
  owner: Element | null,
  options: CollectOptions,
): Generator<TextRun | typeof PAUSE> {
  const doc = root.ownerDocument ?? document;
  const ownBlock = owner && !isInline(owner) ? owner : null;
  let breakBeforeNextText = false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      const nestedBlock = options.shallow && element !== root && !isInline(element) && element.localName !== 'br';
      const scanned = options.ignore?.has(element) === true && element.childElementCount === 0 && !hostsShadow(element);
      if (isSkipped(element) || nestedBlock || scanned) {
        // A rejected element is never visited, so the loop cannot see it end the run: note that it does
        // (a block, or a skipped element that is not inline, such as <pre>: 焦作<p>测试</p>高新区 is no term).
        if (!isInline(element)) breakBeforeNextText = true;
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });

  let current: RunBuilder | null = null;
  let lastBlock: Element | null = null;
  let visited = 0;
  /** Text nodes read of each block (a block's runs may be met on either side of a nested one). */
  const read = new Map<Element, number>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited % PAUSE_EVERY === 0) yield PAUSE;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (!options.shallow && hostsShadow(element)) {
        if (element.shadowRoot) options.onShadowRoot?.(element.shadowRoot);
        else options.onShadowless?.(element);
      }
      if (!isInline(element)) {
        // A block or <br> ends the run before it.
        if (current?.hasText()) yield current.run();
        current = null;
      }
      continue;
    }
    const text = node as Text;
    if (breakBeforeNextText) {
      breakBeforeNextText = false;
      if (current?.hasText()) yield current.run();
      current = null;
    }
    const block = blockOf(text) ?? ownBlock;
    if (!block || options.ignore?.has(block)) continue;
    if (owner && block !== owner && !owner.contains(block)) continue; // belongs to an outer block
    const count = (read.get(block) ?? 0) + 1;
    read.set(block, count);
    if (count > MAX_BLOCK_NODES) {
      // The rest of the block is not read: the walk goes on after it (or ends, for a shadow host's own text).
      if (current?.hasText()) yield current.run();
      current = null;
      if (!root.contains(block)) return;
      walker.currentNode = lastInside(block);
      continue;
    }
    if (current === null || block !== lastBlock) {
      if (current?.hasText()) yield current.run();
      current = new RunBuilder(block);
    }
    lastBlock = block;
    current.add(text);
    if (current.full) {
      const { piece, next } = current.split();
      yield piece;
      current = next;
    }
  }
  if (current?.hasText()) yield current.run();
}

/** The last node inside an element, in document order (a walk set there goes on after the element). */
function lastInside(element: Element): Node {
  let node: Node = element;
  while (node.lastChild) node = node.lastChild;
  return node;
}

/**
 * A run as it is collected. A long run is handed on in pieces (split): a piece's nodes are let go once it is
 * matched, where a run of a million nodes held at once kept a million wrappers alive, whose collection landed
 * in our slices.
 */
class RunBuilder {
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private length = 0;
  private anyText = false;

  /** `overlap`: the characters of the nodes it is seeded with, which the piece before held too. */
  constructor(
    private readonly block: Element,
    private readonly overlap = 0,
  ) {}

  add(text: Text): void {
    this.nodes.push(text);
    this.starts.push(this.length);
    this.length += text.length;
    if (!this.anyText) this.anyText = /\S/.test(text.data);
  }

  get full(): boolean {
    return this.nodes.length >= PIECE_NODES;
  }

  hasText(): boolean {
    return this.anyText;
  }

  /** The run (or its last piece). */
  run(tail = 0): TextRun {
    const { block, nodes, starts, overlap } = this;
    return { block, nodes, starts, text: this.text(), overlap, tail };
  }

  /**
   * The text of the run's nodes. Of many nodes, read as one range's text: one string instead of one per node
   * (the strings of a run of a million nodes were garbage of tens of megabytes). A range holds the text of every
   * text node between its ends, the run's nodes among them; where it holds more (the text of a hidden inline
   * element, a CDATA section), it is longer than the run, and the nodes are read one by one.
   */
  private text(): string {
    const { nodes } = this;
    if (nodes.length >= RANGE_READ) {
      const range = nodes[0]!.ownerDocument.createRange();
      const last = nodes.at(-1)!;
      range.setStart(nodes[0]!, 0);
      range.setEnd(last, last.length);
      const text = range.toString();
      if (text.length === this.length) return text;
    }
    return nodes.map((node) => node.data).join('');
  }

  /**
   * This piece of a long run, and the builder of the next, which begins with this one's last nodes: enough of
   * them for PIECE_OVERLAP characters, at most half of them.
   */
  split(): { piece: TextRun; next: RunBuilder } {
    let first = this.nodes.length - 1;
    while (first > this.nodes.length / 2 && this.length - this.starts[first]! < PIECE_OVERLAP) first--;
    const tail = this.length - this.starts[first]!;
    const next = new RunBuilder(this.block, tail);
    for (const node of this.nodes.slice(first)) next.add(node);
    return { piece: this.run(tail), next };
  }
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
