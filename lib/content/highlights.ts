/**
 * Our highlights in the page's highlight registry (CSS.highlights), and the styles that paint them. The registry
 * and the document's adopted stylesheets are the page's own, which its scripts can read: so nothing of ours is
 * in them until there is a term to paint (a page without terms cannot tell that we are there), and the names
 * are made up by each lens (random-name.ts), so that a page cannot look for ours. The styles are added to the
 * document with the first highlight, from here rather than from the manifest: a manifest stylesheet needs
 * fixed names, and would be on every page, switched-off sites included.
 */
import type { HighlightStyle } from '../settings';
import type { HighlightSink } from './annotations';
import { randomName } from './random-name';
import { mark } from './timing';

export interface Highlights {
  terms: HighlightSink;
  /** The term stepped to with the keyboard, or revealed from the popup. */
  focus: HighlightSink & { clear(): void };
  /** Paints the terms in the style (none: unregistered, so unpainted; the ranges are kept). */
  setStyle(style: HighlightStyle): void;
  /** Takes our highlights and styles out of the page. */
  remove(): void;
}

interface Names {
  underline: string;
  background: string;
  focus: string;
}

/** The rules of the reader's highlight styles (lib/settings.ts) and of the focused term. */
function stylesFor(names: Names): string {
  return `
::highlight(${names.underline}) {
  text-decoration: underline dotted 2px #c2410c;
  text-underline-offset: 3px;
  background-color: rgb(251 191 36 / 0.16);
}
::highlight(${names.background}) {
  background-color: rgb(251 191 36 / 0.42);
}
::highlight(${names.focus}) {
  background-color: rgb(251 191 36 / 0.55);
  text-decoration: underline solid 2px #9a3412;
}`;
}

/** Our highlights, or stand-ins that paint nothing where the Highlight API is missing (hover still works). */
export function makeHighlights(doc: Document, initialStyle: HighlightStyle): Highlights {
  if (typeof Highlight !== 'function' || !('highlights' in CSS)) {
    const none = { add() {}, delete() {}, clear() {} };
    return { terms: none, focus: none, setStyle() {}, remove() {} };
  }
  const names: Names = { underline: randomName(), background: randomName(), focus: randomName() };
  const nameOf = (style: HighlightStyle) => (style === 'none' ? null : names[style]);
  const terms = new Highlight();
  const focus = new Highlight();
  focus.priority = 1;
  let style = initialStyle;
  let sheet: CSSStyleSheet | null = null;
  let painted = false;

  /** The stylesheet in the document (again, should the page have replaced the document's list). */
  const adoptStyles = () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(stylesFor(names));
    }
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  };
  /** Registers a highlight that has ranges under its name, and unregisters an empty one. */
  const register = (name: string | null, highlight: Highlight) => {
    if (name === null) return;
    if (highlight.size === 0) {
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      return;
    }
    if (CSS.highlights.get(name) === highlight) return;
    adoptStyles();
    CSS.highlights.set(name, highlight);
  };

  return {
    terms: {
      add(range) {
        terms.add(range);
        if (terms.size > 1) return;
        if (!painted) mark('first-highlight');
        painted = true;
        register(nameOf(style), terms);
      },
      delete(range) {
        if (terms.delete(range) && terms.size === 0) register(nameOf(style), terms);
      },
    },
    focus: {
      add(range) {
        focus.add(range);
        register(names.focus, focus);
      },
      delete(range) {
        if (focus.delete(range)) register(names.focus, focus);
      },
      clear() {
        focus.clear();
        register(names.focus, focus);
      },
    },
    setStyle(next) {
      const before = nameOf(style);
      if (before !== null && CSS.highlights.get(before) === terms) CSS.highlights.delete(before);
      style = next;
      register(nameOf(style), terms);
    },
    remove() {
      for (const name of Object.values(names)) CSS.highlights.delete(name);
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}
