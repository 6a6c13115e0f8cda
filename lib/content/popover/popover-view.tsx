/**
 * Our one piece of UI on the page: a host element with a closed shadow root, holding a popover="manual" panel
 * (top layer: no z-index fights, escapes overflow and transforms), rendered with Preact and placed beside the
 * term with floating-ui. It shows one card at a time: a glossary term's (Popover.tsx) or, for a word that is no
 * glossary term, the general dictionary's (DictionaryCard.tsx). Not part of the content script: entrypoints/popover-view.ts bundles it into a file of
 * its own, which popover-host.ts loads the first time the reader points at a term.
 *
 * The page must not be able to act through the card, nor read it: the shadow root is closed (no page script
 * can reach the card's nodes, take a button out and click it, or read what the card shows, such as whether the
 * term is saved), every control acts on the reader's own input only (Popover.tsx, Action), and the host element
 * carries no attribute and a name made up for this page (random-name.ts).
 *
 * A card never takes the focus from what the reader is typing into, but one they stepped to with the keyboard
 * (the browser's command): it takes the focus, is announced, and gives the focus back where it was when it closes.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render, type VNode } from 'preact';
import { DictionaryCard, type DictionaryCardProps } from './DictionaryCard';
import { Popover, type PopoverProps } from './Popover';
import popoverCss from './popover.css?inline';
import { i18n, messagesLanguage } from '../../i18n';
import { randomName } from '../random-name';
import { liveRange } from '../ranges';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Fullscreen elements whose children are not rendered: the host stays at the root then. */
const HOLDS_NO_CHILDREN = new Set(['video', 'canvas', 'iframe', 'img', 'object', 'embed']);

/** Our elements: built on the first show. */
interface HostParts {
  host: HTMLElement;
  /** Closed: the host's shadowRoot is null to everyone but us. */
  shadow: ShadowRoot;
  /** What goes into the page: the host, or in an SVG document the <foreignObject> that holds it. */
  outer: Element;
  panel: HTMLElement;
  /** A live region beside the panel (not in it: a region shown with its text is not read), for announcements. */
  announcer: HTMLElement;
}

export interface ShowOptions {
  /** The reader stepped to the term: the card takes the focus and is announced. */
  takeFocus?: boolean;
}

export class PopoverView {
  private parts: HostParts | null = null;
  private toneColours = false;
  private stopAutoUpdate: (() => void) | null = null;
  private shown = false;
  /** Where the focus was before the card took it, to give it back. */
  private returnFocusTo: Element | null = null;
  private announcement: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly doc: Document) {}

  /** True for the element we put into the page (the scanner ignores its insertion). */
  owns(node: Node): boolean {
    return node === this.parts?.outer;
  }

  private get ui(): HostParts {
    this.parts ??= this.build();
    return this.parts;
  }

  private build(): HostParts {
    const doc = this.doc;
    // Made in an inert HTML document of our own, then adopted when shown: in an SVG or other XML document the
    // page's document would make elements outside the HTML namespace, which can neither host a shadow root nor
    // be a popover; and no custom element definition of the page's can run for our host.
    const maker = doc.implementation.createHTMLDocument('');
    const host = maker.createElement(randomName());
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = maker.createElement('style');
    style.textContent = popoverCss;
    const panel = maker.createElement('div');
    panel.className = 'panel';
    panel.classList.toggle('tone-colours', this.toneColours);
    panel.setAttribute('popover', 'manual');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'false');
    // The host page's language is not the UI's: Chinese UI text must get Chinese glyphs on any page.
    panel.setAttribute('lang', messagesLanguage());
    const announcer = maker.createElement('div');
    announcer.className = 'announcer';
    announcer.setAttribute('role', 'status');
    announcer.setAttribute('aria-live', 'polite');
    announcer.setAttribute('lang', messagesLanguage());
    shadow.append(style, announcer, panel);
    const outer = doc.documentElement.namespaceURI === SVG_NS ? inForeignObject(doc, host) : host;
    doc.addEventListener('fullscreenchange', () => {
      if (this.shown) this.attach();
    });
    return { host, shadow, outer, panel, announcer };
  }

  /** Colours the pinyin by tone (popover.css paints the tone classes under this class of the panel). */
  setToneColours(on: boolean): void {
    this.toneColours = on;
    this.parts?.panel.classList.toggle('tone-colours', on);
  }

  /**
   * Copies text: with the Clipboard API where the page is a secure context, otherwise from a textarea inside our
   * shadow root (made while the card is shown: the reader's click is what lets execCommand copy).
   */
  async copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      if (!this.parts) return false;
      const area = this.doc.createElement('textarea');
      area.value = text;
      this.parts.shadow.append(area);
      area.select();
      const ok = this.doc.execCommand('copy');
      area.remove();
      return ok;
    }
  }

  get isOpen(): boolean {
    return this.shown;
  }

  /** Shows the entry beside the range (a term on the page); it takes the focus only when asked to. */
  show(props: PopoverProps, anchor: AbstractRange, options: ShowOptions = {}): void {
    const { details } = props;
    this.present(<Popover key={details.term} {...props} floating />, anchor, {
      label: `${details.term}: ${details.gloss}`,
      announcement: `${details.term}, ${details.pinyin}: ${details.gloss}`,
      ...options,
    });
  }

  /** Shows the general dictionary's card beside the range (the word on the page), as show() does an entry. */
  showWord(props: DictionaryCardProps, anchor: AbstractRange): void {
    const word = props.words[props.index]!;
    const first = word.entries[0];
    this.present(<DictionaryCard {...props} />, anchor, {
      label: i18n.t('wordCard.label', { word: word.text }),
      announcement: first ? `${word.text}, ${first.pinyin}: ${first.senses.slice(0, 3).join('; ')}` : word.text,
    });
  }

  private present(
    card: VNode,
    anchor: AbstractRange,
    { label, announcement, takeFocus = false }: ShowOptions & { label: string; announcement: string },
  ): void {
    const { panel, shadow } = this.ui;
    // A card in the place of one that had the focus keeps it (the one that had it is about to go).
    const hadFocus = shadow.activeElement !== null;
    render(card, panel);
    panel.setAttribute('aria-label', label);
    this.shown = true;
    this.attach();
    if (takeFocus || hadFocus) this.takeFocus(announcement, hadFocus);
    const reference = rangeReference(this.doc, anchor);
    this.stopAutoUpdate?.();
    // floating-ui finds the scrolling ancestors to follow by walking up to document.body, and throws where
    // there is none (a page that removed it, an SVG document): there, it follows the term every frame instead.
    const hasBody = this.doc.body !== null;
    this.stopAutoUpdate = autoUpdate(reference, panel, () => void this.place(panel, reference), {
      ancestorScroll: hasBody,
      ancestorResize: hasBody,
      animationFrame: !hasBody,
    });
  }

  /** Takes our element(s) out of the page. */
  remove(): void {
    this.hide();
    if (this.announcement !== null) clearTimeout(this.announcement);
    this.parts?.outer.remove();
  }

  /**
   * Puts our element where the panel can be seen and pointed at, and shows the panel when it should be. While
   * an element is fullscreen, only its subtree takes the pointer (a panel outside it shows, but the pointer goes
   * through it to the page): ours moves into it, and back to the root afterwards.
   */
  private attach(): void {
    const { outer, panel } = this.ui;
    const fullscreen = this.doc.fullscreenElement;
    const parent = fullscreen && !HOLDS_NO_CHILDREN.has(fullscreen.localName) ? fullscreen : this.doc.documentElement;
    if (outer.parentNode !== parent) parent.append(outer);
    // Leaving the document hid the panel; so does the browser now and then (a modal dialog opening).
    if (this.shown && !panel.matches(':popover-open')) panel.showPopover();
  }

  /** Focuses the card (Tab then goes through its controls), and says what it explains. */
  private takeFocus(announcement: string, hadFocus: boolean): void {
    const { panel, announcer } = this.ui;
    if (!hadFocus) this.returnFocusTo = focusedElement(this.doc);
    // Focusable only then: a click on the text of a card opened by pointing must not take the page's focus.
    const card = panel.querySelector<HTMLElement>('.card');
    card?.setAttribute('tabindex', '-1');
    card?.focus({ preventScroll: true });
    // Emptied, then filled a moment later: a region whose text is set again to the same is not read again.
    announcer.textContent = '';
    if (this.announcement !== null) clearTimeout(this.announcement);
    this.announcement = setTimeout(() => {
      this.announcement = null;
      announcer.textContent = announcement;
    }, 100);
  }

  /** A card that has the focus gives it back where it was when it took it (or lets it go, with nowhere to go). */
  private giveFocusBack(): void {
    const { shadow } = this.ui;
    const inCard = shadow.activeElement as HTMLElement | null;
    const back = this.returnFocusTo;
    this.returnFocusTo = null;
    if (!inCard) return;
    if (back instanceof HTMLElement || back instanceof SVGElement) {
      if (back.isConnected && back !== this.doc.body) return back.focus({ preventScroll: true });
    }
    inCard.blur();
  }

  hide(): void {
    if (!this.shown || !this.parts) return;
    this.giveFocusBack();
    this.shown = false;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.parts.panel.hidePopover();
    render(null, this.parts.panel);
  }

  /** True when an event's path goes through our UI. */
  contains(event: Event): boolean {
    return this.parts !== null && event.composedPath().includes(this.parts.host);
  }

  private async place(panel: HTMLElement, reference: ReturnType<typeof rangeReference>): Promise<void> {
    // floating-ui measures the viewport with the help of document.body's style; without a body it is given.
    const bounds = { padding: 8, rootBoundary: this.doc.body ? ('viewport' as const) : visibleRect(this.doc) };
    const { x, y } = await computePosition(reference, panel, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip(bounds),
        shift(bounds),
        size({
          ...bounds,
          apply({ availableWidth, availableHeight }) {
            // The card scrolls; below 80 px (a page zoomed to 300% has a viewport 270 px high) it would show
            // too little of itself to be of use, and may leave the screen instead.
            panel.style.maxHeight = `${Math.max(80, availableHeight)}px`;
            // Narrower than the card's 28em where less is visible: a pinch-zoomed page shows a part of the
            // layout viewport that 100vw does not know about.
            panel.style.maxWidth = `${Math.max(160, availableWidth)}px`;
          },
        }),
      ],
    });
    panel.style.left = `${x}px`;
    panel.style.top = `${y}px`;
  }
}

/** The focused element, inside the page's open shadow roots too. */
function focusedElement(doc: Document): Element | null {
  let focused = doc.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}

/** HTML is rendered in an SVG document only inside a <foreignObject> (top layer or not). */
function inForeignObject(doc: Document, host: HTMLElement): Element {
  const wrapper = doc.createElementNS(SVG_NS, 'foreignObject');
  wrapper.setAttribute('width', '1');
  wrapper.setAttribute('height', '1');
  wrapper.append(host);
  return wrapper;
}

/** The part of the page on screen, in the coordinates of `position: fixed`. */
function visibleRect(doc: Document): { x: number; y: number; width: number; height: number } {
  const view = doc.defaultView!;
  const visual = view.visualViewport;
  if (visual) return { x: visual.offsetLeft, y: visual.offsetTop, width: visual.width, height: visual.height };
  return { x: 0, y: 0, width: view.innerWidth, height: view.innerHeight };
}

/** floating-ui's virtual element for a range (a StaticRange has no rects: a live Range is made for them). */
function rangeReference(doc: Document, anchor: AbstractRange) {
  return {
    getBoundingClientRect: () => liveRange(doc, anchor).getBoundingClientRect(),
    getClientRects: () => liveRange(doc, anchor).getClientRects(),
    contextElement: anchor.startContainer.parentElement ?? undefined,
  };
}
