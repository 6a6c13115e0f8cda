/**
 * Our one piece of UI on the page: a <jpl-lens> host with an open shadow root, holding a popover="manual"
 * panel (top layer: no z-index fights, escapes overflow and transforms), rendered with Preact and placed
 * beside the term with floating-ui.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { Popover, type PopoverProps } from '../../components/popover/Popover';
import popoverCss from '../../components/popover/popover.css?inline';
import { liveRange } from './ranges';
import { HOST_TAG } from './text-runs';

const SVG_NS = 'http://www.w3.org/2000/svg';

export class PopoverHost {
  readonly host: HTMLElement;
  private readonly panel: HTMLElement;
  private stopAutoUpdate: (() => void) | null = null;
  private shown = false;

  constructor(private readonly doc: Document) {
    // Made in an inert HTML document of our own, then adopted when shown. The page's document would hand the
    // page's class an element whose tag name the page has defined as a custom element (whose constructor may
    // take the one shadow root first), and in an SVG or other XML document would make elements outside the
    // HTML namespace, which can neither host a shadow root nor be a popover.
    const maker = doc.implementation.createHTMLDocument('');
    this.host = maker.createElement(HOST_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = maker.createElement('style');
    style.textContent = popoverCss;
    this.panel = maker.createElement('div');
    this.panel.className = 'panel';
    this.panel.setAttribute('popover', 'manual');
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-modal', 'false');
    shadow.append(style, this.panel);
  }

  get isOpen(): boolean {
    return this.shown;
  }

  /** Shows the entry beside the range (a term on the page), without taking focus from the page. */
  show(props: PopoverProps, anchor: AbstractRange): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.mount());
    render(<Popover {...props} />, this.panel);
    this.panel.setAttribute('aria-label', `${props.details.term}: ${props.details.gloss}`);
    if (!this.shown) {
      this.panel.showPopover();
      this.shown = true;
    }
    const reference = rangeReference(this.doc, anchor);
    this.stopAutoUpdate?.();
    // floating-ui finds the scrolling ancestors to follow by walking up to document.body, and throws where
    // there is none (a page that removed it, an SVG document): there, it follows the term every frame instead.
    const hasBody = this.doc.body !== null;
    this.stopAutoUpdate = autoUpdate(reference, this.panel, () => void this.place(reference), {
      ancestorScroll: hasBody,
      ancestorResize: hasBody,
      animationFrame: !hasBody,
    });
  }

  /** Takes our element(s) out of the page. */
  remove(): void {
    this.hide();
    (this.host.parentElement?.localName === 'foreignObject' ? this.host.parentElement : this.host).remove();
  }

  /**
   * What goes into the page: the host, or in an SVG document, where HTML is rendered only inside a
   * <foreignObject> (top layer or not), the host inside one.
   */
  private mount(): Element {
    if (this.doc.documentElement.namespaceURI !== SVG_NS) return this.host;
    const wrapper = this.doc.createElementNS(SVG_NS, 'foreignObject');
    wrapper.setAttribute('width', '1');
    wrapper.setAttribute('height', '1');
    wrapper.append(this.host);
    return wrapper;
  }

  hide(): void {
    if (!this.shown) return;
    this.shown = false;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.panel.hidePopover();
    render(null, this.panel);
  }

  /** True when an event's path goes through our UI. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  private async place(reference: ReturnType<typeof rangeReference>): Promise<void> {
    const panel = this.panel;
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
          apply({ availableHeight }) {
            panel.style.maxHeight = `${Math.max(120, availableHeight)}px`;
          },
        }),
      ],
    });
    panel.style.left = `${x}px`;
    panel.style.top = `${y}px`;
  }
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
