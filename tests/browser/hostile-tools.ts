/**
 * Checks shared by the hostile-page suite (hostile.test.ts), so that each case is a few lines:
 *
 *   const probe = await openWatched(h, '/hostile/page.html');  // the page, with WATCH installed first
 *   await probe.settled();                                      // our first scan is done
 *   await probe.expectTerms({ 一区五城: 1 });                   // what the background says the tab holds
 *   await probe.hover('#id', '一区五城');                        // the popover opens; the page saw the moves
 *   await expectPageUntouched(probe);                           // DOM, mutations, focus, long tasks
 *   expectNoRequests(h);                                        // nothing left the machine
 *
 * Our tasks are measured with the content script's own User Timing measures (lib/content/timing.ts), turned
 * on for every watched page: Long Animation Frame entries do not attribute isolated-world scripts (checked on
 * Chromium 156: a 1 s frame of ours listed only the page's script), and Long Tasks attribute nothing.
 *
 * The page's own scripts may have replaced any built-in of the main world (Array.prototype.map, JSON,
 * MutationObserver, Object.prototype.then …), so nothing here runs test code in the main world through
 * Playwright's evaluate, which relies on those built-ins. Checks run in an isolated world of their own
 * (CDP Page.createIsolatedWorld: pristine built-ins, the same DOM), and the main-world watcher is plain
 * source that captured what it needs before any page script ran; it is read with CDP Runtime.evaluate, whose
 * by-value results do not go through the page's JSON either.
 */
import { expect } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionHarness } from './harness';
import { buttonCentre, inCardVia } from './card-tools';
import { askPageTerms, highlightTextsInPage, tabIdOf, textCentreInPage, type HighlightKind } from './page-tools';

/** How the watcher records our card's host element (whose own name is made up for each page). */
const HOST = '(our host)';

/**
 * Installed in the main world before any page script (in every frame). It plays the part of a page that
 * watches itself: it snapshots the markup at DOMContentLoaded (after the page's inline scripts built it), records every mutation after that with a MutationObserver, counts the input events
 * its window listeners receive, and collects CSP violations. It also turns on the content
 * script's User Timing marks (`data-jpl-timing`, lib/content/timing.ts), before the snapshot, so that our
 * tasks can be measured on every page.
 */
const WATCH = `(() => {
  const HOST = ${JSON.stringify(HOST)};
  const apply = Reflect.apply;
  const MO = MutationObserver;
  const observe = MO.prototype.observe;
  const outerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML').get;
  const setAttribute = Element.prototype.setAttribute;
  const documentElement = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement').get;
  const addListener = EventTarget.prototype.addEventListener;
  const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const nodeType = getter(Node.prototype, 'nodeType');
  const nodeNameOf = getter(Node.prototype, 'nodeName');
  const localName = getter(Element.prototype, 'localName');
  const firstElementChild = getter(Element.prototype, 'firstElementChild');
  const hasAttributes = Element.prototype.hasAttributes;
  const hasChildNodes = Node.prototype.hasChildNodes;
  const definitionOf = CustomElementRegistry.prototype.get;
  const registry = window.customElements;
  const includes = String.prototype.includes;
  // Our card's host, as a page sees it (its name is made up for each page): an element named like a custom
  // element that the page never defined, bare (no attribute, no child), recorded as HOST. It goes into an SVG
  // document inside a <foreignObject> of ours: recorded as one.
  const isOurHost = (element) => {
    const name = apply(localName, element, []);
    return apply(includes, name, ['-']) && apply(definitionOf, registry, [name]) === undefined &&
      !apply(hasAttributes, element, []) && !apply(hasChildNodes, element, []);
  };
  const nodeName = (node) => {
    if (apply(nodeType, node, []) !== 1) return apply(nodeNameOf, node, []);
    const name = apply(localName, node, []);
    const child = name === 'foreignObject' ? apply(firstElementChild, node, []) : null;
    return isOurHost(child ?? node) ? HOST : name;
  };
  const state = { markupAtLoad: null, records: [], recordCount: 0, hostRecords: 0, events: { pointermove: 0, pointerdown: 0, click: 0, keydown: 0 },
    violations: [], messages: 0 };
  Object.defineProperty(window, '__hostile', { value: state });
  const snapshot = () => {
    if (state.markupAtLoad !== null) return;
    const root = apply(documentElement, document, []);
    apply(setAttribute, root, ['data-jpl-timing', '']);
    state.markupAtLoad = apply(outerHTML, root, []);
    const observer = new MO((records) => {
      for (const r of records) {
        const added = []; const removed = [];
        for (let i = 0; i < r.addedNodes.length; i++) added[added.length] = nodeName(r.addedNodes[i]);
        for (let i = 0; i < r.removedNodes.length; i++) removed[removed.length] = nodeName(r.removedNodes[i]);
        // Our popover's host, added on the first hover (and moved into a fullscreen element and back): the
        // one change we make to the page.
        if (r.type === 'childList' && added.length + removed.length === 1 && (added[0] ?? removed[0]) === HOST) {
          state.hostRecords++;
          continue;
        }
        state.recordCount++;
        if (state.records.length < 50) {
          state.records[state.records.length] = { type: r.type, target: nodeName(r.target), added, removed, attribute: r.attributeName };
        }
      }
    });
    apply(observe, observer, [document, { subtree: true, childList: true, attributes: true, characterData: true }]);
  };
  // The markup now without our host, against the snapshot: compared here, since a 10 MB page is too big to
  // send to the test twice.
  const cloneNode = Node.prototype.cloneNode;
  const querySelectorAll = Element.prototype.querySelectorAll;
  const remove = Element.prototype.remove;
  const item = NodeList.prototype.item;
  const listLength = getter(NodeList.prototype, 'length');
  const slice = String.prototype.slice;
  const parentElement = getter(Node.prototype, 'parentElement');
  Object.defineProperty(window, '__hostileCompare', { value: () => {
    const copy = apply(cloneNode, apply(documentElement, document, []), [true]);
    const all = apply(querySelectorAll, copy, ['*']);
    let count = 0;
    for (let i = apply(listLength, all, []) - 1; i >= 0; i--) {
      const host = apply(item, all, [i]);
      if (!isOurHost(host)) continue;
      count++;
      const parent = apply(parentElement, host, []);
      apply(remove, parent && apply(localName, parent, []) === 'foreignObject' ? parent : host, []);
    }
    const now = apply(outerHTML, copy, []);
    const before = state.markupAtLoad;
    if (now === before) return { hosts: count, difference: null };
    let i = 0;
    while (i < now.length && now[i] === before[i]) i++;
    const around = (text) => apply(slice, text, [i < 80 ? 0 : i - 80, i + 80]);
    return { hosts: count, difference: 'at ' + i + ': before …' + around(before) + '… now …' + around(now) + '…' };
  } });
  apply(addListener, document, ['DOMContentLoaded', snapshot, { capture: true, once: true }]);
  for (const type of ['pointermove', 'pointerdown', 'click', 'keydown']) apply(addListener, window, [type, () => { state.events[type]++; }, true]);
  // Window messages: the test pages send none, so any that comes announces someone.
  apply(addListener, window, ['message', () => { state.messages++; }, true]);
  apply(addListener, document, ['securitypolicyviolation', (e) => {
    state.violations[state.violations.length] = e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber;
  }, true]);
})()`;

export interface WatchState {
  snapshotTaken: boolean;
  records: { type: string; target: string; added: string[]; removed: string[]; attribute: string | null }[];
  /** Records other than our host's insertion (the first 50 of them are in `records`). */
  recordCount: number;
  /** Records of our host's insertion, or of its moves into a fullscreen element and back. */
  hostRecords: number;
  events: Record<'pointermove' | 'pointerdown' | 'click' | 'keydown', number>;
  violations: string[];
  /** Window messages the page received. */
  messages: number;
}

export interface PopoverState {
  text: string;
  box: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  /** What the page's hit testing finds at the card's centre: 'card' (our host), when the card is on top. */
  topmostAtCentre: string;
  style: {
    color: string;
    textFill: string;
    background: string;
    fontSize: string;
    letterSpacing: string;
    writingMode: string;
    visibility: string;
    opacity: string;
    display: string;
  };
}

type Evaluated = {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
};

/** A page opened with WATCH, and the means to look at it without trusting its main world. */
export class WatchedPage {
  private world: number | null = null;
  private tabId: number | null = null;

  constructor(
    readonly h: ExtensionHarness,
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  /**
   * An expression in the page's main world (CDP: by-value results, no page built-ins involved). `awaitPromise`
   * only where the page returns a promise: awaiting looks up `then`, which a polluted Object.prototype has.
   */
  async main<T>(expression: string, awaitPromise = false): Promise<T> {
    const answer = (await this.cdp.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise,
    })) as Evaluated;
    if (answer.exceptionDetails)
      throw new Error(`main world: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
    return answer.result.value as T;
  }

  /** Our own isolated world of the top frame: pristine built-ins, the page's DOM. */
  private async probeWorld(): Promise<number> {
    if (this.world === null) {
      const { frameTree } = await this.cdp.send('Page.getFrameTree');
      const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'hostile-probe',
      });
      this.world = executionContextId;
    }
    return this.world;
  }

  /** `fn(arg)` in our own isolated world of the top frame. */
  async run<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const expression = `(${fn.toString()})(${JSON.stringify(arg ?? null)})`;
    const answer = (await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: await this.probeWorld(),
      returnByValue: true,
      awaitPromise: true,
    })) as Evaluated;
    if (answer.exceptionDetails)
      throw new Error(`probe: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
    return answer.result.value as T;
  }

  watch(): Promise<WatchState> {
    // Not the snapshot itself: it can be 10 MB.
    return this.main<WatchState>(`(() => {
      const s = window.__hostile;
      return { snapshotTaken: s.markupAtLoad !== null, records: s.records, recordCount: s.recordCount, hostRecords: s.hostRecords, events: s.events,
        violations: s.violations, messages: s.messages };
    })()`);
  }

  /** Waits for the content script's first scan to finish (its `jpl:scan-done` mark). */
  async settled(timeout = 30_000): Promise<void> {
    await expect
      .poll(() => this.run(() => performance.getEntriesByName('jpl:scan-done').length > 0), {
        timeout,
        message: `a scan finished on ${this.page.url()}`,
      })
      .toBe(true);
  }

  /** What the background says the tab holds (all frames), as term → count. */
  async terms(): Promise<Record<string, number>> {
    this.tabId ??= await tabIdOf(this.h, this.page);
    return askBackground(this.h, this.tabId);
  }

  /** Polls terms() until it equals `expected` (the content script's report to the background is batched). */
  async expectTerms(expected: Record<string, number>, timeout = 15_000): Promise<void> {
    await expect.poll(() => this.terms(), { timeout, interval: 250 }).toEqual(expected);
  }

  /** `fn(root, arg)` in the probe's world with our card's closed shadow root (card-tools.ts); null without a card. */
  inCard<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
    return this.probeWorld().then((world) => inCardVia(this.cdp, fn, arg, world));
  }

  /** Clicks the card's button labelled `label` with the mouse, as the reader would (a trusted click). */
  async clickInCard(label: string): Promise<void> {
    const centre = await this.inCard(buttonCentre, label);
    if (!centre) throw new Error(`no button "${label}" in the card`);
    await this.page.mouse.click(centre.x, centre.y);
  }

  /** inCard in a frame of the page's own process (same site), the first whose address ends with `urlEnding`. */
  async inFrameCard<T, A = undefined>(urlEnding: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A) {
    type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
    const find = (tree: Tree): Tree['frame'] | undefined =>
      tree.frame.url.endsWith(urlEnding) ? tree.frame : (tree.childFrames ?? []).map(find).find(Boolean);
    const { frameTree } = (await this.cdp.send('Page.getFrameTree')) as { frameTree: Tree };
    const frame = find(frameTree);
    if (!frame) throw new Error(`no frame at …${urlEnding}`);
    const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', {
      frameId: frame.id,
      worldName: 'hostile-probe',
    });
    return inCardVia(this.cdp, fn, arg, executionContextId);
  }

  /** The texts of our terms' (or focus) highlight in the top frame, in document order. */
  highlighted(kind: HighlightKind = 'terms'): Promise<string[]> {
    return this.run(highlightTextsInPage, kind);
  }

  /** The viewport point at the middle of the first `text` inside `selector`. */
  pointOf(selector: string, text: string): Promise<{ x: number; y: number }> {
    return this.run(textCentreInPage, [selector, text] as const);
  }

  /** Moves the pointer onto `text` and waits for the popover to show `expected` (default: the text itself). */
  async hover(selector: string, text: string, expected = text): Promise<PopoverState> {
    await this.closePopover();
    const point = await this.pointOf(selector, text);
    const moves = (await this.watch()).events.pointermove;
    // From a corner: a pointer that rests where it already was points at nothing new (lens.ts).
    await this.page.mouse.move(0, 0);
    await this.page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await this.popover())?.text ?? '', { timeout: 8000 }).toContain(expected);
    expect((await this.watch()).events.pointermove, 'the page’s own pointermove listener').toBeGreaterThan(moves);
    return (await this.popover())!;
  }

  /** Escape closes the popover; the pointer is parked in the top-left corner. */
  async closePopover(): Promise<void> {
    if ((await this.popover()) === null) return;
    const keys = (await this.watch()).events.keydown;
    await this.page.keyboard.press('Escape');
    await expect.poll(() => this.popover(), { timeout: 5000 }).toBeNull();
    expect((await this.watch()).events.keydown, 'the page’s own keydown listener').toBeGreaterThan(keys);
  }

  /** The open popover, or null. */
  async popover(): Promise<PopoverState | null> {
    const state = await this.inCard((root) => {
      const panel = root.querySelector('.panel');
      const card = root.querySelector('.card');
      if (!panel || !card || !panel.matches(':popover-open')) return null;
      const r = card.getBoundingClientRect();
      const centre = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      // What the pointer would reach there: our host (elementFromPoint retargets into the page's tree) or not.
      const style = getComputedStyle(card);
      return {
        text: card.textContent ?? '',
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
        topmostAtCentre: centre === root.host ? 'card' : centre ? centre.localName : '(nothing)',
        style: {
          color: style.color,
          textFill: style.webkitTextFillColor,
          letterSpacing: style.letterSpacing,
          writingMode: style.writingMode,
          background: style.backgroundColor,
          fontSize: style.fontSize,
          visibility: style.visibility,
          opacity: String(Number(style.opacity) * Number(getComputedStyle(panel).opacity)),
          display: style.display,
        },
      };
    });
    return state ?? null;
  }

  /** The visible part of the page (the visual viewport: smaller than the layout viewport when pinch-zoomed). */
  viewport(): Promise<{ left: number; top: number; right: number; bottom: number }> {
    return this.run(() => {
      const v = window.visualViewport!;
      return { left: v.offsetLeft, top: v.offsetTop, right: v.offsetLeft + v.width, bottom: v.offsetTop + v.height };
    });
  }

  /** The longest of our own measured tasks (the content script's `jpl:*` measures) on this page so far. */
  ourLongestTask(): Promise<{ name: string; duration: number } | null> {
    return this.run(() => {
      const ours = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('jpl:'));
      if (ours.length === 0) return null;
      const longest = ours.reduce((a, b) => (b.duration > a.duration ? b : a));
      return { name: longest.name, duration: longest.duration };
    });
  }

  /** Used JS heap of the page's isolate (our isolated world lives in it) after full collections. */
  async heapUsed(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    return ((await this.cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => {});
    await this.page.close();
  }
}

/** Opens `path` with WATCH installed and a CDP session for the probes. */
export async function openWatched(
  h: ExtensionHarness,
  path: string,
  options: { viewport?: { width: number; height: number }; initScript?: string } = {},
): Promise<WatchedPage> {
  const page = await h.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  await page.addInitScript(WATCH);
  if (options.initScript) await page.addInitScript(options.initScript);
  const cdp = await h.context.newCDPSession(page);
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss();
  });
  await page.goto(h.url(path), { waitUntil: 'load', timeout: 60_000 });
  return new WatchedPage(h, page, cdp);
}

/** Every alert, confirm or prompt any watched page raised: text that ran as code would land here. */
export const dialogs: string[] = [];

export interface UntouchedOptions {
  /** Mutation records the page's own scripts made after the snapshot (they are the page's, not ours). */
  pageRecords?: number;
  /** The page changes its own markup after the snapshot: skip the markup comparison (the records still count). */
  pageChangesMarkup?: boolean;
  /** Mutation records of our host allowed: its insertion (1), and in fullscreen its moves there and back. */
  hostRecords?: number;
  /** The element the page had focused (default: the body, or whatever was focused at the snapshot). */
  focused?: string | null;
}

/**
 * The page as the page sees it: markup as parsed (but for our one host element), no mutation record but the
 * page's own and our host's insertion, its input listeners reached, focus where the page put it, and no task
 * of ours of 50 ms or more. Call after the test's interaction (a hover), so that all our work is counted.
 */
export async function expectPageUntouched(probe: WatchedPage, options: UntouchedOptions = {}): Promise<void> {
  const markup = await probe.main<{ hosts: number; difference: string | null }>('window.__hostileCompare()');
  const focused = await probe.run(() => document.activeElement?.localName ?? null);
  const watch = await probe.watch();
  expect(watch.snapshotTaken, 'the watcher took its snapshot').toBe(true);
  if (!options.pageChangesMarkup) expect(markup.difference, 'markup changed').toBeNull();
  expect(markup.hosts, 'one host element at most').toBeLessThanOrEqual(1);
  expect(watch.hostRecords, 'our host inserted (and moved) no more than expected').toBeLessThanOrEqual(
    options.hostRecords ?? 1,
  );
  if (options.pageRecords === undefined) expect(watch.records, 'mutation records the page did not make').toEqual([]);
  else expect(watch.recordCount, 'mutation records beyond the page’s own').toBe(options.pageRecords);
  expect(focused).toBe(options.focused === undefined ? 'body' : options.focused);
  const longest = await probe.ourLongestTask();
  expect(longest, 'the content script ran with its timing marks').not.toBeNull();
  expect(longest!.duration, `our longest task (${longest!.name})`).toBeLessThan(50);
}

/** The page's listeners saw the pointer moves and key presses the test made (none were swallowed). */
export async function expectListenersReached(probe: WatchedPage, before: WatchState['events']): Promise<void> {
  const after = (await probe.watch()).events;
  expect(after.pointermove).toBeGreaterThan(before.pointermove);
  expect(after.keydown).toBeGreaterThan(before.keydown);
}

/** Nothing new in the harness's list of requests that would leave the machine. */
export function expectNoRequests(h: ExtensionHarness): void {
  expect(h.externalRequests).toEqual([]);
}

/** The background's answer to the popup's `page-terms` question, asked from an extension page kept open. */
let askPage: Page | null = null;
async function askBackground(h: ExtensionHarness, tabId: number): Promise<Record<string, number>> {
  if (!askPage || askPage.isClosed()) {
    askPage = await h.context.newPage();
    await askPage.goto(`${h.extensionOrigin}/options.html`);
  }
  return askPageTerms(askPage, tabId);
}

/** Forgets the extension page used for questions (call when the browser closes). */
export function forgetBackgroundPage(): void {
  askPage = null;
}
