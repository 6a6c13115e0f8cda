/**
 * Our highlights in the page's highlight registry (CSS.highlights), and the styles that paint them. The registry
 * and the document's adopted stylesheets are the page's own, which its scripts can read: so nothing of ours is
 * in them until there is a term to paint (a page without terms cannot tell that we are there), each highlight is
 * registered only while it holds ranges, and the names are made up by each lens (random-name.ts), so that a page
 * cannot look for ours. The styles are added to the document with the first highlight, from here rather than from
 * the manifest: a manifest stylesheet needs fixed names, and would be on every page, switched-off sites included.
 *
 * Each term is painted in colours chosen for the background it is drawn on (backdrop.ts): an underline that
 * shows on white paper vanishes on a red masthead. And terms that touch (新时代新征程: two terms, no gap) take
 * turns between two styles, so that each one's extent shows.
 */
import type { HighlightStyle } from '../settings';
import type { HighlightSink } from './annotations';
import { backgroundOf, contrast, type Rgb } from './backdrop';
import { randomName } from './random-name';
import { blockOf } from './text-runs';
import { mark } from './timing';

export interface Highlights {
  terms: HighlightSink;
  /**
   * The term the reader is looking at: the one whose card is open (pointed at, clicked or stepped to), or the
   * one revealed from the popup. Painted above the terms, in colours of its own.
   */
  focus: HighlightSink & { clear(): void };
  /**
   * The general dictionary's word whose card is open (word-lens.ts): no glossary term, so marked apart from them,
   * in blue above everything, and only while its card is open.
   */
  word: { show(range: StaticRange): void; clear(): void };
  /** Paints the terms in the style (none: unregistered, so unpainted; the ranges are kept). */
  setStyle(style: HighlightStyle): void;
  /** Takes our highlights and styles out of the page. */
  remove(): void;
}

/** On which background a range is drawn: one where dark marks show, or one where light marks do. */
type Ground = 'light' | 'dark';

/** Time the terms' grounds are read in one task, at most (see resolveGrounds). */
const RESOLVE_BUDGET_MS = 8;

/** The colours of our marks on a light page (dark ones) and on a dark page (light ones). */
const INK: Record<Ground, Rgb> = {
  light: { r: 0xc2 / 255, g: 0x41 / 255, b: 0x0c / 255 }, // #c2410c
  dark: { r: 0xfb / 255, g: 0xbf / 255, b: 0x24 / 255 }, // #fbbf24
};

interface Painted {
  highlight: Highlight;
  name: string;
  /** The style draws it (the terms' highlights are unregistered with the style "none"). */
  shown: () => boolean;
}

/**
 * The rules of the reader's highlight style (lib/settings.ts), of the focused term, and of the dictionary word, for
 * each background.
 */
function stylesFor(style: HighlightStyle, names: Record<string, string>): string {
  const terms =
    style === 'background'
      ? {
          light: 'background-color: rgb(251 191 36 / 0.42);',
          lightNext: 'background-color: rgb(249 115 22 / 0.3);',
          dark: 'background-color: rgb(251 191 36 / 0.32);',
          darkNext: 'background-color: rgb(253 186 116 / 0.46);',
        }
      : {
          // Touching terms: the second one's underline dashed and a shade deeper, with no tint under it.
          light: 'text-decoration: underline dotted 2px #c2410c; background-color: rgb(251 191 36 / 0.16);',
          lightNext: 'text-decoration: underline dashed 2px #9a3412; background-color: transparent;',
          dark: 'text-decoration: underline dotted 2px #fbbf24; background-color: rgb(251 191 36 / 0.16);',
          darkNext: 'text-decoration: underline dashed 2px #fde68a; background-color: transparent;',
        };
  return `
::highlight(${names.light}), ::highlight(${names.lightNext}), ::highlight(${names.dark}), ::highlight(${names.darkNext}),
::highlight(${names.focusLight}), ::highlight(${names.focusDark}), ::highlight(${names.wordLight}), ::highlight(${names.wordDark}) {
  text-underline-offset: 3px;
}
::highlight(${names.light}) { ${terms.light} }
::highlight(${names.lightNext}) { ${terms.lightNext} }
::highlight(${names.dark}) { ${terms.dark} }
::highlight(${names.darkNext}) { ${terms.darkNext} }
::highlight(${names.focusLight}) {
  background-color: #fcd34d;
  color: #1c1917;
  text-decoration: underline solid 2px #9a3412;
}
::highlight(${names.focusDark}) {
  background-color: #92400e;
  color: #fffbeb;
  text-decoration: underline solid 2px #fcd34d;
}
::highlight(${names.wordLight}) {
  background-color: #bae6fd;
  color: #0c4a6e;
  text-decoration: underline solid 2px #0369a1;
}
::highlight(${names.wordDark}) {
  background-color: #075985;
  color: #f0f9ff;
  text-decoration: underline solid 2px #7dd3fc;
}`;
}

const NONE: Highlights = {
  terms: { add() {}, delete() {} },
  focus: { add() {}, delete() {}, clear() {} },
  word: { show() {}, clear() {} },
  setStyle() {},
  remove() {},
};

/** Our highlights, or stand-ins that paint nothing where the Highlight API is missing (hover still works). */
export function makeHighlights(doc: Document, initialStyle: HighlightStyle): Highlights {
  if (typeof Highlight !== 'function' || !('highlights' in CSS)) return NONE;
  let style = initialStyle;
  const termsShown = () => style !== 'none';
  const make = (priority: number, shown: () => boolean): Painted => {
    const highlight = new Highlight();
    highlight.priority = priority;
    return { highlight, name: randomName(), shown };
  };
  const terms = {
    light: make(0, termsShown),
    lightNext: make(0, termsShown),
    dark: make(0, termsShown),
    darkNext: make(0, termsShown),
  };
  const focus = { light: make(1, () => true), dark: make(1, () => true) };
  const word = { light: make(2, () => true), dark: make(2, () => true) };
  const all = [...Object.values(terms), ...Object.values(focus), ...Object.values(word)];
  const names = {
    ...Object.fromEntries(Object.entries(terms).map(([key, painted]) => [key, painted.name])),
    focusLight: focus.light.name,
    focusDark: focus.dark.name,
    wordLight: word.light.name,
    wordDark: word.dark.name,
  };

  let sheet: CSSStyleSheet | null = null;
  let painted = false;
  /** The stylesheet in the document (again, should the page have replaced the document's list). */
  const adoptStyles = () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(stylesFor(style, names));
    }
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  };
  /** Registers a highlight that has ranges (and is shown) under its name, and unregisters it otherwise. */
  const register = ({ highlight, name, shown }: Painted) => {
    const registered = CSS.highlights.get(name) === highlight;
    if (highlight.size === 0 || !shown()) {
      if (registered) CSS.highlights.delete(name);
      return;
    }
    if (registered) return;
    adoptStyles();
    CSS.highlights.set(name, highlight);
  };

  // ---- Which background each element's text is drawn on (asked once per element: the page's look rarely changes).
  const grounds = new WeakMap<Element, Ground>();
  /** The ground if already read (or there is no element to read it from). */
  const knownGround = (range: AbstractRange): Ground | undefined => {
    const element = range.startContainer.parentElement;
    return element ? grounds.get(element) : 'light';
  };
  const groundOf = (range: AbstractRange): Ground => {
    const known = knownGround(range);
    if (known) return known;
    const element = range.startContainer.parentElement!;
    const background = backgroundOf(element);
    const ground = contrast(INK.dark, background) > contrast(INK.light, background) ? 'dark' : 'light';
    grounds.set(element, ground);
    return ground;
  };

  // ---- Terms that touch: where each painted range starts and ends, to find its neighbours.
  const placed = new Map<StaticRange, Painted>();
  const starts = new Touching();
  const ends = new Touching();
  /** The painted term that ends where `range` starts, or starts where it ends. */
  const before = (range: StaticRange) =>
    ends.at(range.startContainer, range.startOffset) ??
    ends.at(...previousEdge(range.startContainer, range.startOffset));
  const after = (range: StaticRange) =>
    starts.at(range.endContainer, range.endOffset) ?? starts.at(...nextEdge(range.endContainer, range.endOffset));
  const isNext = (painted: Painted | undefined) => painted === terms.lightNext || painted === terms.darkNext;
  // A term's ground is read after a frame, not while it is painted: getComputedStyle in a scan slice would compute
  // the page's style there and then (our stylesheet, adopted with the first highlight, invalidates all of it: a
  // task of 130 ms on a 5 MB page), where after a frame it is a lookup. Until then a term is painted on the ground
  // last read, which is nearly always its neighbours'.
  const unresolved = new Set<StaticRange>();
  let resolveScheduled = false;
  let lastGround: Ground = 'light';
  const resolveGrounds = () => {
    resolveScheduled = false;
    const started = performance.now();
    for (const range of unresolved) {
      if (performance.now() - started > RESOLVE_BUDGET_MS) return scheduleResolve();
      unresolved.delete(range);
      const painted = placed.get(range);
      if (!painted) continue;
      lastGround = groundOf(range);
      put(range, isNext(painted));
    }
  };
  const scheduleResolve = () => {
    if (resolveScheduled) return;
    resolveScheduled = true;
    requestAnimationFrame(() => setTimeout(resolveGrounds, 0));
  };
  const put = (range: StaticRange, next: boolean) => {
    let ground = knownGround(range);
    if (!ground) {
      ground = lastGround;
      unresolved.add(range);
      scheduleResolve();
    }
    const target = next ? terms[ground === 'light' ? 'lightNext' : 'darkNext'] : terms[ground];
    const old = placed.get(range);
    if (old === target) return;
    if (old) {
      old.highlight.delete(range);
      register(old);
    }
    placed.set(range, target);
    target.highlight.add(range);
    register(target);
  };

  return {
    terms: {
      add(range) {
        if (placed.has(range)) return;
        if (!painted) mark('first-highlight');
        painted = true;
        const neighbour = before(range);
        put(range, neighbour !== undefined && !isNext(placed.get(neighbour)));
        starts.add(range.startContainer, range.startOffset, range);
        ends.add(range.endContainer, range.endOffset, range);
        // A term painted before its neighbour (the reader scrolled up a long block): the ones after it take
        // turns again.
        for (let at = range, next = after(at); next && next !== range; at = next, next = after(at)) {
          const alternate = !isNext(placed.get(at));
          if (isNext(placed.get(next)) === alternate) break;
          put(next, alternate);
        }
      },
      delete(range) {
        const painted = placed.get(range);
        if (!painted) return;
        placed.delete(range);
        unresolved.delete(range);
        starts.delete(range.startContainer, range.startOffset, range);
        ends.delete(range.endContainer, range.endOffset, range);
        painted.highlight.delete(range);
        register(painted);
      },
    },
    focus: {
      add(range) {
        const target = focus[groundOf(range)];
        target.highlight.add(range);
        register(target);
      },
      delete(range) {
        for (const target of Object.values(focus)) if (target.highlight.delete(range)) register(target);
      },
      clear() {
        for (const target of Object.values(focus)) {
          target.highlight.clear();
          register(target);
        }
      },
    },
    word: {
      show(range) {
        for (const target of Object.values(word)) target.highlight.clear();
        word[groundOf(range)].highlight.add(range);
        for (const target of Object.values(word)) register(target);
      },
      clear() {
        for (const target of Object.values(word)) {
          target.highlight.clear();
          register(target);
        }
      },
    },
    setStyle(next) {
      style = next;
      sheet?.replaceSync(stylesFor(style, names));
      for (const each of all) register(each);
    },
    remove() {
      for (const { name } of all) CSS.highlights.delete(name);
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}

/** Painted ranges by one of their boundary points. */
class Touching {
  private readonly byNode = new WeakMap<Node, Map<number, StaticRange>>();

  at(node: Node | null, offset: number): StaticRange | undefined {
    return node ? this.byNode.get(node)?.get(offset) : undefined;
  }

  add(node: Node, offset: number, range: StaticRange): void {
    let offsets = this.byNode.get(node);
    if (!offsets) this.byNode.set(node, (offsets = new Map()));
    offsets.set(offset, range);
  }

  delete(node: Node, offset: number, range: StaticRange): void {
    const offsets = this.byNode.get(node);
    if (offsets?.get(offset) === range) offsets.delete(offset);
  }
}

/**
 * At the start of a text node, the same point seen from the text before it: the end of the previous text node
 * (in another element: 新时代<b>新征程</b> touch too).
 */
function previousEdge(node: Node, offset: number): [Node | null, number] {
  if (offset !== 0) return [null, 0];
  const text = siblingText(node, -1);
  return text ? [text, text.length] : [null, 0];
}

/** At the end of a text node, the start of the next one. */
function nextEdge(node: Node, offset: number): [Node | null, number] {
  if (!(node instanceof Text) || offset !== node.length) return [null, 0];
  return [siblingText(node, 1), 0];
}

/**
 * The nearest text node before (-1) or after (1) `node` in document order, within its root and its block: a
 * heading's last term and the next paragraph's first do not touch, whatever the markup between them.
 */
function siblingText(node: Node, direction: 1 | -1): Text | null {
  const doc = node.ownerDocument;
  if (!doc) return null;
  const walker = doc.createTreeWalker(node.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  const found = (direction === 1 ? walker.nextNode() : walker.previousNode()) as Text | null;
  return found && blockOf(found) === blockOf(node) ? found : null;
}
