/**
 * Real-Firefox harness for the browser tests: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core
 * (Playwright drives only its own patched Firefox), with the built Firefox extension (.output/firefox-mv3,
 * built once per run by global-setup.ts) installed as a temporary add-on (BiDi webExtension.install), plus the
 * local static server for tests/fixtures/. docs/browsers.md says where Firefox differs from Chromium.
 *
 * Usage (one Firefox per test file or describe block):
 *
 *   const h = useFirefox();
 *   test('...', async () => {
 *     const page = await h.openPage('/smoke.html');   // served from tests/fixtures/
 *     const popup = await h.openPopup();              // moz-extension://<uuid>/popup.html in a tab
 *     expect(h.extensionErrors).toEqual([]);
 *   });
 *
 * How Firefox is made testable here:
 * - The extension's internal UUID, random per install, is fixed by the `extensions.webextensions.uuids` pref, so
 *   its pages have a known address (moz-extension://<EXTENSION_UUID>/).
 * - `--remote-allow-system-access` lets BiDi open moz-extension:// and about:addons pages. BiDi loses track of
 *   such a navigation (puppeteer's goto rejects with "Frame detached" and page.url() stays about:blank, though
 *   the tab does load it), so openExtensionPage starts it without awaiting and waits for the document instead.
 * - Extension errors: BiDi reports console messages of web pages only, not of extension pages or the
 *   background page. Firefox itself prints every console.error call of a page or extension (pref
 *   devtools.console.stdout.content) to stdout, as `console.error: <text>` with no source, and every uncaught
 *   error or unhandled rejection (puppeteer's default pref browser.dom.window.dump.enabled) to stderr, as
 *   `JavaScript error: <script URL>, line N: <message>`. The harness reads both: uncaught errors in a script of
 *   ours, and every console.error line, since the fixture pages the Firefox tests open never log.
 * - Puppeteer's default profile prefs already keep Firefox off the network (updates, telemetry, safe browsing,
 *   blocklist, remote settings point nowhere); none had to be added.
 *
 * Environment: JPL_FIREFOX overrides /usr/bin/firefox-esr; JPL_HEADFUL=1 shows the window (needs a display).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startStaticServer, stopServer } from './local-chromium';
import { useHarness } from './use-harness';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Debian's Firefox ESR (apt-get install firefox-esr; tests/ensure-browsers.sh does it). */
const FIREFOX = process.env.JPL_FIREFOX || '/usr/bin/firefox-esr';
/** Where `wxt build -b firefox --mv3` writes the Firefox extension. */
const FIREFOX_EXTENSION_DIR = join(REPO_ROOT, '.output', 'firefox-mv3');
/** The internal UUID given to the extension in the test profile (Firefox picks a random one per install). */
const EXTENSION_UUID = '5f0c7a5e-6a3b-4c1d-9e2f-7b8a9c0d1e2f';
const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures');

export interface FirefoxLaunchOptions {
  /** Profile preferences on top of puppeteer's defaults and the harness's own. */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxHarness {
  /** The add-on id, from the manifest's browser_specific_settings.gecko.id. */
  addonId: string;
  /** `moz-extension://<EXTENSION_UUID>` */
  extensionOrigin: string;
  /** A new tab on `path` of the fixture server (tests/fixtures/), once loaded. */
  openPage(path: string): Promise<Page>;
  /** A new tab on moz-extension://<uuid>/<file>, once its document has loaded. */
  openExtensionPage(file: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** A new tab on a privileged page such as about:addons, once its document has loaded. */
  openPrivilegedPage(address: string): Promise<Page>;
  /** The open tab showing `address` (found by its document: BiDi reports extension pages as about:blank). */
  findTab(address: string): Promise<Page | null>;
  /** Console errors and uncaught errors of extension code (content scripts, extension pages, background). */
  readonly extensionErrors: string[];
  close(): Promise<void>;
}

/**
 * Waits until the tab's document is `address`, fully loaded. Puppeteer's waitForFunction cannot wait in a
 * privileged page (it failed in about:addons), and a tab whose navigation is still being committed cannot
 * evaluate yet: that is "not yet", not a failure.
 */
async function waitForDocument(page: Page, address: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const loaded = (expected: string) => location.href === expected && document.readyState === 'complete';
  while (!(await page.evaluate(loaded, address).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${address} did not load in ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Calls `onLine` for each complete line written to `stream`. */
function eachLine(stream: Readable | null, onLine: (line: string) => void): void {
  let pending = '';
  stream?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(onLine);
  });
}

/** Launches Firefox ESR with the built extension and a fixture server. See the comment at the top. */
async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR not found at ${FIREFOX}. Install it: apt-get install -y firefox-esr`);
  }
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  const fixture = await startStaticServer(FIXTURES_DIR);
  let browser: Browser | null = null;

  const close = async (): Promise<void> => {
    const open = browser;
    browser = null;
    await open?.close().catch(() => {});
    await stopServer(fixture.server);
  };

  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: process.env.JPL_HEADFUL !== '1',
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
        'devtools.console.stdout.content': true,
        ...options.prefs,
      },
    });
    const consoleErrors: string[] = [];
    const uncaughtErrors: string[] = [];
    eachLine(browser.process()?.stdout ?? null, (line) => {
      if (line.startsWith('console.error: ')) consoleErrors.push(line);
    });
    eachLine(browser.process()?.stderr ?? null, (line) => {
      if (line.startsWith(`JavaScript error: ${extensionOrigin}/`)) uncaughtErrors.push(line);
    });
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const ff: Browser = browser;

    const openPage = async (path: string): Promise<Page> => {
      const page = await ff.newPage();
      await page.goto(fixture.base + (path.startsWith('/') ? path : `/${path}`), { waitUntil: 'load' });
      return page;
    };
    const openPrivilegedPage = async (address: string): Promise<Page> => {
      const page = await ff.newPage();
      // Not awaited: BiDi reports this navigation as failed ("Frame detached") while the tab goes on to load it.
      void page.goto(address).catch(() => {});
      await waitForDocument(page, address);
      return page;
    };
    const openExtensionPage = (file: string): Promise<Page> =>
      openPrivilegedPage(`${extensionOrigin}/${file.replace(/^\//, '')}`);

    return {
      addonId,
      extensionOrigin,
      openPage,
      openExtensionPage,
      openPopup: () => openExtensionPage('popup.html'),
      openOptions: () => openExtensionPage('options.html'),
      openPrivilegedPage,
      findTab: async (address) => {
        for (const page of await ff.pages()) {
          if ((await page.evaluate(() => location.href).catch(() => '')) === address) return page;
        }
        return null;
      },
      get extensionErrors(): string[] {
        return [...uncaughtErrors, ...consoleErrors];
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Launches Firefox with the extension before the tests of the enclosing file or block; closes it after them. */
export function useFirefox(options: FirefoxLaunchOptions = {}): FirefoxHarness {
  return useHarness(() => launchFirefox(options));
}
