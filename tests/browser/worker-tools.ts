/**
 * The extension's service worker stopped as the browser stops it when idle, and code run where the content
 * script runs (its isolated world): for the tests and the benchmark of what a cold start costs.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** What these need of a browser with the extension: the harness's, or the benchmarks'. */
interface WithExtension {
  context: BrowserContext;
  /** `chrome-extension://<id>` */
  extensionOrigin: string;
}

export interface StoppedWorker {
  /** Whether the extension's service worker runs again. */
  running(): boolean;
  close(): Promise<void>;
}

/**
 * Stops the extension's service worker as the browser stops it when idle (CDP ServiceWorker.stopAllWorkers,
 * what chrome://serviceworker-internals does) and waits until it has stopped. The domain is asked from one of
 * the extension's pages (the options page, which sends the background nothing): from a web page's session it
 * stops only that site's workers. The returned handle follows the worker's state until closed.
 */
export async function stopServiceWorker(h: WithExtension): Promise<StoppedWorker> {
  const page = await h.context.newPage();
  await page.goto(`${h.extensionOrigin}/options.html`);
  const cdp = await page.context().newCDPSession(page);
  let status = 'unknown';
  const changed: (() => void)[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((version) => version.scriptURL.startsWith(h.extensionOrigin));
    if (!ours) return;
    status = ours.runningStatus;
    for (const notify of changed.splice(0)) notify();
  });
  const until = async (wanted: string) => {
    while (status !== wanted) await new Promise<void>((resolve) => changed.push(resolve));
  };
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until('stopped');
  return {
    running: () => status === 'running',
    close: async () => {
      await cdp.detach();
      await page.close();
    },
  };
}

/** The execution context of the extension's content script in the page's top frame. */
async function contentScriptContext(cdp: CDPSession, extensionOrigin: string): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  for (let tries = 0; tries < 50; tries++) {
    const found = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === extensionOrigin);
    if (found) return found.id;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no content script world of ${extensionOrigin} in the page`);
}

/**
 * Evaluates `expression` (a promise is awaited) in the content script's world of `page`: a message sent from
 * there comes from a content script, as the background's sender checks see it.
 */
export async function inContentScript(
  h: Pick<WithExtension, 'extensionOrigin'>,
  page: Page,
  expression: string,
): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contextId = await contentScriptContext(cdp, h.extensionOrigin);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(`in the content script: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as unknown;
  } finally {
    await cdp.detach();
  }
}
