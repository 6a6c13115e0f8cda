/**
 * Chromium for the benchmarks: Debian's build through playwright-core, with the extension (built by
 * `buildExtension` into bench/tmp, away from .output, which other builds wipe) or without it, the same
 * flags either way, and a static server for the generated pages on 127.0.0.1. Nothing else is reached: a
 * request to anywhere but the server, the extension or data:/about: is recorded and fails the run.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { BENCH_DIR, PAGES_DIR, REPO_ROOT, TMP_DIR } from './common';

export const CHROMIUM = process.env.JPL_CHROMIUM || '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };

/** Chromium's own version (the user agent reports 156.0.0.0 only). */
export function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /([\d]+\.[\d.]+)/.exec(out)?.[1] ?? 'unknown';
}

/** Builds the extension as it is now into bench/tmp/extension/chrome-mv3 (build-extension.ts). */
export function buildExtension(): string {
  const outDir = join(TMP_DIR, 'extension');
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'build-extension.ts'), outDir], { cwd: REPO_ROOT, encoding: 'utf8' });
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

function serve(root: string): Promise<{ server: Server; base: string }> {
  const rootDir = resolve(root);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(rootDir, '.' + pathname);
    if (!file.startsWith(rootDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream',
      'content-length': String(statSync(file).size),
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/** One Chromium with a fresh profile, with the extension in `extensionDir` or with none. */
export async function launch(extensionDir: string | null): Promise<BenchBrowser> {
  const { server, base } = await serve(PAGES_DIR);
  mkdirSync(TMP_DIR, { recursive: true });
  const profile = mkdtempSync(join(TMP_DIR, 'profile-'));
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
  ];
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args, viewport: VIEWPORT });
  const external: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(chrome-extension:|data:|blob:|about:)/.test(url) && !url.startsWith(base + '/')) external.push(url);
  });
  if (extensionDir) {
    // The extension is ready once its service worker runs; content scripts are registered by then.
    const ready = context.serviceWorkers().some((w) => w.url().startsWith('chrome-extension://'));
    if (!ready) await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 20_000 });
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
export async function withBrowser<T>(extensionDir: string | null, task: (browser: BenchBrowser) => Promise<T>): Promise<T> {
  const browser = await launch(extensionDir);
  try {
    return await task(browser);
  } finally {
    await browser.close();
  }
}
