/**
 * Our one piece of UI on the page: a <jpl-lens> host with an open shadow root, holding a popover="manual"
 * panel (top layer: no z-index fights, escapes overflow and transforms), rendered with Preact and placed
 * beside the term with floating-ui.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { Popover, type PopoverProps } from '../../components/popover/Popover';
import popoverCss from '../../components/popover/popover.css?inline';
import { messagesLanguage } from '../i18n';
import { liveRange } from './ranges';
import { HOST_TAG } from './text-runs';

export class PopoverHost {
  readonly host: HTMLElement;
  private readonly panel: HTMLElement;
  private stopAutoUpdate: (() => void) | null = null;
  private shown = false;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement(HOST_TAG.toLowerCase());
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = popoverCss;
    this.panel = doc.createElement('div');
    this.panel.className = 'panel';
    this.panel.setAttribute('popover', 'manual');
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-modal', 'false');
    // The host page's language is not the UI's: Chinese UI text must get Chinese glyphs on any page.
    this.panel.setAttribute('lang', messagesLanguage());
    shadow.append(style, this.panel);
    // The page can reach into this open shadow root and dispatch events there (a script's button.click()):
    // only the reader's own input may save a term, open a tab or copy, so synthetic events stop here.
    for (const type of UI_EVENTS) shadow.addEventListener(type, dropSynthetic, { capture: true });
  }

  /** Colours the pinyin by tone (popover.css paints the tone classes under this attribute of our host). */
  setToneColours(on: boolean): void {
    this.host.toggleAttribute('data-tone-colours', on);
  }

  get isOpen(): boolean {
    return this.shown;
  }

  /** Shows the entry beside the range (a term on the page), without taking focus from the page. */
  show(props: PopoverProps, anchor: AbstractRange): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    render(<Popover {...props} />, this.panel);
    this.panel.setAttribute('aria-label', `${props.details.term}: ${props.details.gloss}`);
    if (!this.shown) {
      this.panel.showPopover();
      this.shown = true;
    }
    const reference = rangeReference(this.doc, anchor);
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(reference, this.panel, () => void this.place(reference), { animationFrame: false });
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
    const { x, y } = await computePosition(reference, panel, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
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

const UI_EVENTS = ['click', 'auxclick', 'dblclick', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'keydown', 'keyup', 'input', 'change', 'submit'];

function dropSynthetic(event: Event): void {
  if (!event.isTrusted) event.stopImmediatePropagation();
}

/** floating-ui's virtual element for a range (a StaticRange has no rects: a live Range is made for them). */
function rangeReference(doc: Document, anchor: AbstractRange) {
  return {
    getBoundingClientRect: () => liveRange(doc, anchor).getBoundingClientRect(),
    getClientRects: () => liveRange(doc, anchor).getClientRects(),
    contextElement: anchor.startContainer.parentElement ?? undefined,
  };
}
