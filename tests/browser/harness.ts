/**
 * Real-browser harness for the browser tests: Debian's Chromium (playwright-core, no downloaded
 * browser) with the built extension (.output/chrome-mv3, built once per run by global-setup.ts)
 * loaded unpacked, plus a local static HTTP server for tests/fixtures/.
 *
 * Usage (one browser per test file or describe block; the suite runs files one after another):
 *
 *   import { useExtension } from './use-harness';
 *
 *   const h = useExtension();   // launches before the block's tests, closes after them
 *
 *   test('...', async () => {
 *     const page = await h.openPage('/smoke.html');   // served from tests/fixtures/
 *     const popup = await h.openPopup();              // chrome-extension://<id>/popup.html
 *     expect(h.externalRequests).toEqual([]);         // nothing left the machine
 *     expect(h.extensionErrors).toEqual([]);          // no console/page errors from extension code
 *   });
 *
 * A test that starts the browser itself (e.g. twice on one profile) calls `launchExtension(options?)` and closes
 * what it returns. API of the harness:
 *   context            the Playwright BrowserContext (persistent, temporary profile)
 *   extensionId        the extension's id, read from its MV3 service worker's URL
 *   extensionOrigin    `chrome-extension://<extensionId>`
 *   serviceWorker      the Playwright Worker of background.js
 *   server             base URL of the fixture server, e.g. http://127.0.0.1:41234 (no trailing slash)
 *   url(path)          server + path, e.g. url('/smoke.html')
 *   otherOrigin(path)  the same server as a second origin and site (http://localhost:41234), for cross-origin frames
 *   openPage(path, { initScript?, waitUntil? })
 *                      new tab on url(path); initScript (function or source) runs in the page's main
 *                      world before any of its scripts; waits for 'load' by default
 *   openPopup(), openOptions(), openExtensionPage(file)
 *                      new tab on chrome-extension://<id>/<file> (popup opens at 400x600, like a popup)
 *   externalRequests   every request the browser made (pages, frames, content scripts, extension pages,
 *                      the service worker) that was NOT to the fixture server, chrome-extension://,
 *                      data:, blob: or about: -- i.e. anything that would leave the machine
 *   serverRequests     paths the fixture server was asked for, with their status
 *   consoleMessages    every console message seen (pages and the service worker)
 *   pageErrors         every uncaught exception reported for a page
 *   extensionErrors    the console errors and uncaught exceptions of extension code: extension pages
 *                      (popup, options), the service worker, and console errors whose source location
 *                      is chrome-extension://<id>/... (e.g. logged by the content script on a web page)
 *   close()            closes the browser, the server and removes the temporary profile; idempotent
 *
 * Environment: JPL_CHROMIUM overrides /usr/bin/chromium; JPL_EXTENSION_DIR overrides the extension
 * directory; JPL_HEADFUL=1 shows the browser window (needs a display).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, chromiumArgs, findWelcomePage, startStaticServer, stopServer } from './local-chromium';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `wxt build` writes the Chrome MV3 extension. */
export const EXTENSION_DIR = process.env.JPL_EXTENSION_DIR || join(REPO_ROOT, '.output', 'chrome-mv3');
/** Static pages served by the harness. */
const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures');
/** The glossary build's output. */
export const GLOSSARY_JSON = join(REPO_ROOT, 'glossary', 'generated', 'glossary.json');
/** The welcome page that opens on install (the onboarding test looks for it). */
export { findWelcomePage };

interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The page URL, or `service worker <url>`, that made the request. */
  initiator: string;
}

interface RecordedConsoleMessage {
  type: string;
  text: string;
  /** The source location's URL (may be empty). */
  location: string;
  /** The page URL or `service worker <url>` the message was logged in. */
  source: string;
}

interface RecordedPageError {
  message: string;
  stack: string;
  /** The page URL the exception was thrown in. */
  source: string;
}

interface OpenPageOptions {
  /** Runs in the page's main world before any page script, on every navigation of this page. */
  initScript?: string | (() => unknown);
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  extensionOrigin: string;
  serviceWorker: Worker;
  server: string;
  url(path: string): string;
  otherOrigin(path: string): string;
  openPage(path: string, options?: OpenPageOptions): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  openExtensionPage(file: string): Promise<Page>;
  externalRequests: RecordedRequest[];
  serverRequests: { path: string; status: number }[];
  consoleMessages: RecordedConsoleMessage[];
  pageErrors: RecordedPageError[];
  readonly extensionErrors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Defaults to EXTENSION_DIR (.output/chrome-mv3). */
  extensionDir?: string;
  /** Defaults to tests/fixtures. */
  fixturesDir?: string;
  /** How long to wait for the extension's service worker. Default 20 s. */
  serviceWorkerTimeoutMs?: number;
  /**
   * A browser profile to use and keep (for tests that start the browser again on the same profile);
   * by default a temporary one, removed on close.
   */
  userDataDir?: string;
  /**
   * The extension opens its welcome page on install: by default it is waited for and closed, so that tests
   * start with no tab of ours. True leaves it (and does not wait for it).
   */
  keepWelcomePage?: boolean;
  /**
   * The browser's UI language, e.g. 'zh-CN', which the extension's messages follow: Chromium's --lang (what
   * chrome.i18n.getMessage follows in headless Chromium 156 on Linux; LANGUAGE in the environment did not
   * change it), and the same for pages' navigator.language. Default: the machine's (en-US here).
   */
  language?: string;
  /**
   * Draw scrollbars as the reader sees them (Playwright's headless Chromium hides them all, --hide-scrollbars):
   * for tests that look at one.
   */
  showScrollbars?: boolean;
}

function isExtensionWorker(w: Worker): boolean {
  return w.url().startsWith('chrome-extension://');
}

async function findServiceWorker(context: BrowserContext, timeoutMs: number): Promise<Worker | null> {
  const existing = context.serviceWorkers().find(isExtensionWorker);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: timeoutMs });
  } catch {
    return context.serviceWorkers().find(isExtensionWorker) ?? null;
  }
}

async function closeWelcomePage(context: BrowserContext): Promise<void> {
  await (await findWelcomePage(context))?.close();
}

/** Launches Chromium with the built extension and a fixture server. See the comment at the top. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  const swTimeout = options.serviceWorkerTimeoutMs ?? 20_000;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir} (manifest.json missing). Run \`npm run build\`.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get install -y chromium fonts-noto-cjk`);
  }

  const fixture = await startStaticServer(options.fixturesDir ?? FIXTURES_DIR);
  const userDataDirs: string[] = [];
  let context: BrowserContext | null = null;

  const cleanup = async (): Promise<void> => {
    if (context) {
      const c = context;
      context = null;
      await c.close().catch(() => {});
    }
    await stopServer(fixture.server);
    for (const dir of userDataDirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  };

  try {
    // Modes tried in order: Playwright's headless (Chromium's new headless, which loads extensions),
    // then a headful launch asking Chromium itself for --headless=new.
    const headful = process.env.JPL_HEADFUL === '1';
    const modes: { headless: boolean; extra: string[] }[] = headful
      ? [{ headless: false, extra: [] }]
      : [
          { headless: true, extra: [] },
          { headless: false, extra: ['--headless=new'] },
        ];
    let serviceWorker: Worker | null = null;
    const failures: string[] = [];
    for (const mode of modes) {
      const dir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'jpl-browser-'));
      if (!options.userDataDir) userDataDirs.push(dir);
      context = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        headless: mode.headless,
        args: [
          ...chromiumArgs(extensionDir),
          ...mode.extra,
          ...(options.language ? [`--lang=${options.language}`] : []),
        ],
        ...(options.language ? { locale: options.language } : {}),
        ...(options.showScrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
        viewport: { width: 1280, height: 800 },
      });
      serviceWorker = await findServiceWorker(context, swTimeout);
      if (serviceWorker) break;
      failures.push(
        `headless=${mode.headless} ${mode.extra.join(' ')}: no extension service worker after ${swTimeout} ms`,
      );
      await context.close().catch(() => {});
      context = null;
    }
    if (!context || !serviceWorker) {
      throw new Error(`Chromium did not load the extension from ${extensionDir}:\n  ${failures.join('\n  ')}`);
    }
    const ctx: BrowserContext = context;
    const sw: Worker = serviceWorker;
    if (!options.keepWelcomePage) {
      await closeWelcomePage(ctx);
    }
    const extensionId = new URL(sw.url()).host;
    const extensionOrigin = `chrome-extension://${extensionId}`;

    const externalRequests: RecordedRequest[] = [];
    const consoleMessages: RecordedConsoleMessage[] = [];
    const pageErrors: RecordedPageError[] = [];

    const isLocal = (url: string): boolean =>
      url === fixture.base ||
      url.startsWith(fixture.base + '/') ||
      url.startsWith(otherOrigin(fixture.base) + '/') ||
      url.startsWith(extensionOrigin + '/') ||
      url.startsWith('chrome-extension://') ||
      url.startsWith('data:') ||
      url.startsWith('blob:') ||
      url.startsWith('about:');

    ctx.on('request', (request) => {
      const url = request.url();
      if (isLocal(url)) return;
      let initiator = '';
      const worker = request.serviceWorker();
      if (worker) {
        initiator = `service worker ${worker.url()}`;
      } else {
        try {
          initiator = request.frame().url();
        } catch {
          initiator = '(unknown)';
        }
      }
      externalRequests.push({ url, method: request.method(), resourceType: request.resourceType(), initiator });
    });

    const seenConsole = new WeakSet<object>();
    const recordConsole = (msg: ConsoleMessage): void => {
      if (seenConsole.has(msg)) return;
      seenConsole.add(msg);
      const worker = msg.worker();
      const page = msg.page();
      consoleMessages.push({
        type: msg.type(),
        text: msg.text(),
        location: msg.location().url ?? '',
        source: worker ? `service worker ${worker.url()}` : (page?.url() ?? '(unknown)'),
      });
    };
    ctx.on('console', recordConsole);
    const watchWorker = (w: Worker): void => {
      if (isExtensionWorker(w)) w.on('console', recordConsole);
    };
    ctx.serviceWorkers().forEach(watchWorker);
    ctx.on('serviceworker', watchWorker);

    ctx.on('weberror', (webError) => {
      const error = webError.error();
      pageErrors.push({
        message: error.message,
        stack: error.stack ?? '',
        source: webError.page()?.url() ?? '(unknown)',
      });
    });

    const fromExtension = (s: string): boolean =>
      s.startsWith(extensionOrigin) || s.startsWith(`service worker ${extensionOrigin}`);

    const url = (path: string): string => fixture.base + (path.startsWith('/') ? path : `/${path}`);
    const otherOriginUrl = (path: string): string =>
      otherOrigin(fixture.base) + (path.startsWith('/') ? path : `/${path}`);
    const openPage = async (path: string, opts: OpenPageOptions = {}): Promise<Page> => {
      const page = await ctx.newPage();
      if (opts.initScript) await page.addInitScript(opts.initScript);
      await page.goto(url(path), { waitUntil: opts.waitUntil ?? 'load' });
      return page;
    };
    const openExtensionPage = async (file: string, viewport?: { width: number; height: number }): Promise<Page> => {
      const page = await ctx.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`${extensionOrigin}/${file.replace(/^\//, '')}`, { waitUntil: 'load' });
      return page;
    };

    const harness: ExtensionHarness = {
      context: ctx,
      extensionId,
      extensionOrigin,
      serviceWorker: sw,
      server: fixture.base,
      url,
      otherOrigin: otherOriginUrl,
      openPage,
      openPopup: () => openExtensionPage('popup.html', { width: 400, height: 600 }),
      openOptions: () => openExtensionPage('options.html'),
      openExtensionPage: (file: string) => openExtensionPage(file),
      externalRequests,
      serverRequests: fixture.requests,
      consoleMessages,
      pageErrors,
      get extensionErrors(): string[] {
        const out: string[] = [];
        for (const m of consoleMessages) {
          if (m.type !== 'error') continue;
          if (fromExtension(m.source) || m.location.startsWith(extensionOrigin)) {
            out.push(`console.error in ${m.source}${m.location ? ` (${m.location})` : ''}: ${m.text}`);
          }
        }
        for (const e of pageErrors) {
          if (fromExtension(e.source) || e.stack.includes(extensionOrigin)) {
            out.push(`uncaught in ${e.source}: ${e.stack || e.message}`);
          }
        }
        return out;
      },
      close: cleanup,
    };
    return harness;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The fixture server's address under the name localhost: another origin, and another site, than 127.0.0.1. */
function otherOrigin(base: string): string {
  return base.replace('//127.0.0.1:', '//localhost:');
}
