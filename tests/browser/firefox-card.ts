/**
 * The Firefox tests' way into our card, whose shadow root is closed (lib/content/popover/popover-view.tsx): no
 * page script, and no Puppeteer selector, can reach it. WebDriver BiDi can: its node references carry an
 * element's shadow root whatever its mode, as card-tools.ts reaches it in Chromium through DevTools.
 */
import type { Page } from 'puppeteer-core';
import { shownCardText } from './card-tools';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
interface BidiResult {
  type: string;
  result?: { type: string; value?: unknown; sharedId?: string };
}
interface NodeValue {
  type: 'node';
  value?: { shadowRoot?: { sharedId?: string } | null };
}

/** The candidates for our host: the elements beside the page's own <head> and <body> (card-tools.ts). */
const HOST_CANDIDATES = `(() => [...document.documentElement.children].filter(
  (child) => child.localName !== 'head' && child.localName !== 'body'))()`;

const bidi = (page: Page) => (page.browser() as unknown as { connection: BidiConnection }).connection;
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

/** The shown card's text, or null when it is closed (or was never shown). */
export async function firefoxCardText(page: Page): Promise<string | null> {
  const connection = bidi(page);
  const target = { context: contextOf(page) };
  const { result } = await connection.send('script.evaluate', {
    expression: HOST_CANDIDATES,
    target,
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, maxObjectDepth: 1 },
  });
  const hosts = (result.result?.value ?? []) as NodeValue[];
  for (const host of hosts) {
    const sharedId = host.value?.shadowRoot?.sharedId;
    if (!sharedId) continue;
    const answer = await connection.send('script.callFunction', {
      functionDeclaration: `function () { return (${shownCardText.toString()})(this); }`,
      this: { sharedId },
      target,
      awaitPromise: false,
    });
    const value = answer.result.result;
    return value?.type === 'string' ? (value.value as string) : null;
  }
  return null;
}
