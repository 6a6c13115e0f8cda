/**
 * The popover as the lens sees it. Its UI (popover-view.tsx: Preact, floating-ui, the card and its stylesheet,
 * two fifths of what the content script was) is built into a file of its own, loaded once the reader points
 * at text that holds a term (or, at the latest, while the details of the first term pointed at are fetched):
 * every page pays for the content script's start-up, and most pages never show a popover.
 */
import type { DictionaryCardProps } from './popover/DictionaryCard';
import type { PopoverProps } from './popover/Popover';
import type { PopoverView, ShowOptions } from './popover/popover-view';
import { mark, markAfterPaint } from './timing';

/** The file entrypoints/popover-view.ts is built to (web-accessible: a content script can only import those). */
export const POPOVER_VIEW_FILE = '/popover-view.js';
/** Where that file leaves the class, in the content script's world (the page's window never sees it). */
export const POPOVER_VIEW_GLOBAL = '__jplPopoverView';

export type PopoverViewClass = typeof PopoverView;

/**
 * Imports the popover's file from `url` (runtime.getURL of POPOVER_VIEW_FILE), once per world: for content
 * scripts. Extension pages import popover-view.tsx as an ordinary chunk (Chrome's session URL for a
 * web-accessible file is not their own origin, which their CSP allows scripts from).
 */
export async function importPopoverView(url: string): Promise<PopoverViewClass> {
  const provided = () => (globalThis as Record<string, unknown>)[POPOVER_VIEW_GLOBAL] as PopoverViewClass | undefined;
  if (!provided()) await import(/* @vite-ignore */ url);
  const View = provided();
  if (!View) throw new Error(`${url} loaded but did not provide the popover`);
  return View;
}

export class PopoverHost {
  private view: PopoverView | null = null;
  private loading: Promise<PopoverView | null> | null = null;
  private toneColours = false;
  private removed = false;
  private failed = false;
  /** Counts shows and hides: a show that waited for the view goes ahead only if nothing came after it. */
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly load: () => Promise<PopoverViewClass>,
  ) {}

  /**
   * Starts loading the view ahead of need: the pointer is over text that holds a term (measured: the first
   * show took 80 ms with the import, against 28 for a later one). After a failed load it waits for a show.
   */
  warmUp(): void {
    if (!this.failed) void this.prepare();
  }

  /** Starts loading the view if it is not loaded (call it as soon as a popover is wanted). */
  prepare(): Promise<PopoverView | null> {
    this.loading ??= this.load().then(
      (View) => {
        if (this.removed) return null;
        this.failed = false;
        this.view = new View(this.doc);
        this.view.setToneColours(this.toneColours);
        return this.view;
      },
      (error: unknown) => {
        // Tried again at the next term pointed at; meanwhile the page goes on highlighting.
        this.loading = null;
        this.failed = true;
        console.error('Jiaozuo Policy Lens could not load its popover:', error);
        return null;
      },
    );
    return this.loading;
  }

  /** Shows the entry beside the range, once the view is loaded (unless hidden meanwhile); true if it did. */
  async show(props: PopoverProps, anchor: AbstractRange, options?: ShowOptions): Promise<boolean> {
    const view = await this.viewForShow();
    if (!view) return false;
    view.show(props, anchor, options);
    mark('popover-shown');
    return true;
  }

  /** Shows the general dictionary's card for a word beside the range, as show() does an entry; true if it did. */
  async showWord(props: DictionaryCardProps, anchor: AbstractRange): Promise<boolean> {
    const view = await this.viewForShow();
    if (!view) return false;
    view.showWord(props, anchor);
    mark('word-shown');
    markAfterPaint('word-painted');
    return true;
  }

  /** The view, once loaded, for a show that nothing came after (a later show, or a hide). */
  private async viewForShow(): Promise<PopoverView | null> {
    const mine = ++this.generation;
    const view = this.view ?? (await this.prepare());
    return view && mine === this.generation && !this.removed ? view : null;
  }

  hide(): void {
    this.generation++;
    this.view?.hide();
  }

  /** Takes our element(s) out of the page for good (the lens stopped). */
  remove(): void {
    this.removed = true;
    this.hide();
    this.view?.remove();
  }

  /** Colours the pinyin by tone. */
  setToneColours(on: boolean): void {
    this.toneColours = on;
    this.view?.setToneColours(on);
  }

  get isOpen(): boolean {
    return this.view?.isOpen ?? false;
  }

  /** True when an event's path goes through our UI. */
  contains(event: Event): boolean {
    return this.view?.contains(event) ?? false;
  }

  /** True for the element we put into the page. */
  owns(node: Node): boolean {
    return this.view?.owns(node) ?? false;
  }

  /** Copies text to the clipboard (from the card: the view does it inside its own shadow root if it must). */
  copy(text: string): Promise<boolean> {
    return this.view?.copy(text) ?? Promise.resolve(false);
  }
}
