/**
 * The browser tests' way into our card. It lives in a closed shadow root under a host element whose name each
 * page gets at random (lib/content/popover/popover-view.tsx): no page script can reach it, and neither can
 * Playwright's locators, which pierce open shadow roots only. The tests reach it as DevTools does: the host is
 * the element put beside the page's own at the root (or in the fullscreen element, or in a <foreignObject> of an
 * SVG document) that hosts a shadow root, which the DevTools protocol resolves whatever its mode.
 *
 *   await inCard(page, (root) => root.querySelector('.card')?.textContent);  // null when there is no card
 *   await clickInCard(page, 'Save 焦作高新区 to your study list');            // a real click, by its label
 */
import type { CDPSession, Page } from 'playwright-core';

type Evaluated = {
  result: { value?: unknown; objectId?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
};

/** Where the candidates for our host are: outside the page's own <head> and <body>. */
const HOST_CANDIDATES = `(() => {
  const found = [];
  const add = (parent) => {
    for (const child of parent ? parent.children : []) {
      if (child.localName === 'foreignObject') add(child);
      else if (child.localName !== 'head' && child.localName !== 'body') found.push(child);
    }
  };
  add(document.documentElement);
  add(document.fullscreenElement);
  return found;
})()`;

const GROUP = 'card-tools';

/**
 * Runs `fn(shadowRoot, arg)` in the page (in the execution context `contextId`, default: the main world) with our
 * card's shadow root; null when the page has no card. `fn` must be self-contained, as a function sent to a page is.
 */
export async function inCardVia<T, A = undefined>(
  cdp: CDPSession,
  fn: (root: ShadowRoot, arg: A) => T,
  arg?: A,
  contextId?: number,
): Promise<T | null> {
  try {
    const root = await cardRootObject(cdp, contextId);
    if (!root) return null;
    const answer = (await cdp.send('Runtime.callFunctionOn', {
      objectId: root,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    })) as Evaluated;
    if (answer.exceptionDetails)
      throw new Error(`in the card: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
    return answer.result.value as T;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => {});
  }
}

/** The host elements at the page's root that host a shadow root (ours, at most one), with their shadow roots. */
async function cardRootObject(cdp: CDPSession, contextId?: number): Promise<string | null> {
  const list = (await cdp.send('Runtime.evaluate', {
    expression: HOST_CANDIDATES,
    objectGroup: GROUP,
    ...(contextId === undefined ? {} : { contextId }),
  })) as Evaluated;
  if (!list.result.objectId) return null;
  const { result } = (await cdp.send('Runtime.getProperties', {
    objectId: list.result.objectId,
    ownProperties: true,
  })) as { result: { name: string; value?: { objectId?: string } }[] };
  for (const property of result) {
    if (!/^\d+$/.test(property.name) || !property.value?.objectId) continue;
    const { node } = (await cdp.send('DOM.describeNode', {
      objectId: property.value.objectId,
      depth: 1,
      pierce: true,
    })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
    const shadow = node.shadowRoots?.[0];
    if (!shadow) continue;
    const { object } = (await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
      objectGroup: GROUP,
      ...(contextId === undefined ? {} : { executionContextId: contextId }),
    })) as { object: { objectId?: string } };
    if (object.objectId) return object.objectId;
  }
  return null;
}

/** How many elements at the page's root host a shadow root: ours, when the card has been shown (0 or 1). */
async function cardHostsVia(cdp: CDPSession, contextId?: number): Promise<number> {
  try {
    return (await cardRootObject(cdp, contextId)) === null ? 0 : 1;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => {});
  }
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** A DevTools session for a page (one per page, kept). */
function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** inCardVia for an ordinary test page (the main world: such a page replaces no built-ins). */
export async function inCard<T, A = undefined>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => T,
  arg?: A,
): Promise<T | null> {
  return inCardVia(await sessionOf(page), fn, arg);
}

/** Whether the page has our card's host element (it is put in on the first show and stays). */
export async function hasCardHost(page: Page): Promise<boolean> {
  return (await cardHostsVia(await sessionOf(page))) > 0;
}

/** Run in the page with the card's root: the card's text while it is shown, otherwise null. */
export function shownCardText(root: ShadowRoot): string | null {
  const panel = root.querySelector('.panel');
  return panel?.matches(':popover-open') ? (panel.textContent ?? '') : null;
}

/** The shown card's text, or null when it is closed (or was never shown). */
export async function popoverText(page: Page): Promise<string | null> {
  return (await inCard(page, shownCardText)) ?? null;
}

/**
 * Run in the page with the card's root: the centre of the button whose accessible label (or text) is `label`,
 * scrolled into the card's view first (a long card scrolls, as the reader would scroll it).
 */
export function buttonCentre(root: ShadowRoot, label: string): { x: number; y: number } | null {
  const button = [...root.querySelectorAll('button')].find(
    (candidate) => candidate.getAttribute('aria-label') === label || candidate.textContent?.trim() === label,
  );
  if (!button) return null;
  button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = button.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** Clicks the card's button labelled `label` with the mouse, as the reader would (a trusted click). */
export async function clickInCard(page: Page, label: string): Promise<void> {
  const centre = await inCard(page, buttonCentre, label);
  if (!centre) throw new Error(`no button "${label}" in the card`);
  await page.mouse.click(centre.x, centre.y);
}

/** Run in the page with the card's root: the labels of its buttons (aria-label, or text). */
function buttonLabels(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('button')].map(
    (button) => button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '',
  );
}

/** The labels of the card's buttons (what a screen reader announces: "Save 焦作高新区 to your study list"…). */
export async function cardButtons(page: Page): Promise<string[]> {
  return (await inCard(page, buttonLabels)) ?? [];
}
