/**
 * Chromium for the benchmarks: Debian's build through playwright-core, with the extension (built by
 * `buildExtension` into bench/tmp, away from .output, which other builds wipe) or without it, the same
 * flags either way, and a static server for the generated pages on 127.0.0.1. Nothing else is reached: a
 * request to anywhere but the server, the extension or data:/about: is recorded and fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs, findWelcomePage, startStaticServer } from '../tests/browser/local-chromium';
import { BENCH_DIR, PAGES_DIR, REPO_ROOT, TMP_DIR } from './common';

{
  CHROMIUM;
}
const VIEWPORT = { width: 1280, height: 800 };

/** Chromium's own version (the user agent reports 156.0.0.0 only). */
export function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /([\d]+\.[\d.]+)/.exec(out)?.[1] ?? 'unknown';
}

/** Builds the extension as it is now into bench/tmp/extension/chrome-mv3 (build-extension.ts). */
export function buildExtension(): string {
  const outDir = join(TMP_DIR, 'extension');
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'build-extension.ts'), outDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const dir = join(outDir, 'chrome-mv3');
  if (result.status !== 0 || !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`the extension did not build into ${dir}:\n${result.stdout}\n${result.stderr}`);
  }
  return dir;
}

export interface BenchBrowser {
  context: BrowserContext;
  /** Base URL of the page server, e.g. http://127.0.0.1:41234. */
  server: string;
  withExtension: boolean;
  newPage(): Promise<Page>;
  cdp(page: Page): Promise<CDPSession>;
  close(): Promise<void>;
}

/** One Chromium with a fresh profile, with the extension in `extensionDir` or with none. */
async function launch(extensionDir: string | null): Promise<BenchBrowser> {
  const { server, base } = await startStaticServer(PAGES_DIR);
  mkdirSync(TMP_DIR, { recursive: true });
  const profile = mkdtempSync(join(TMP_DIR, 'profile-'));
  const args = chromiumArgs(extensionDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: VIEWPORT,
  });
  const external: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(chrome-extension:|data:|blob:|about:)/.test(url) && !url.startsWith(base + '/')) external.push(url);
  });
  if (extensionDir) {
    // The extension is ready once its service worker runs; content scripts are registered by then.
    const ready = context.serviceWorkers().some((w) => w.url().startsWith('chrome-extension://'));
    if (!ready)
      await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 60_000,
      });
    // The welcome page that opens on install would run a lens of its own beside the measured pages.
    await (await findWelcomePage(context))?.close();
  }
  for (const page of context.pages()) await page.close();
  return {
    context,
    server: base,
    withExtension: extensionDir !== null,
    newPage: () => context.newPage(),
    cdp: (page) => context.newCDPSession(page),
    async close() {
      await context.close().catch(() => {});
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      if (external.length > 0) throw new Error(`requests left the machine: ${external.slice(0, 5).join(', ')}`);
    },
  };
}

/** Used JS heap after two full collections: the page's isolate, which our isolated world shares. */
export async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Runs `task` with a browser, closing it even when the task throws. */
export async function withBrowser<T>(
  extensionDir: string | null,
  task: (browser: BenchBrowser) => Promise<T>,
): Promise<T> {
  const browser = await launch(extensionDir);
  try {
    return await task(browser);
  } finally {
    await browser.close();
  }
}
