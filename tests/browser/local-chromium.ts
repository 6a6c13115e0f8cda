/**
 * Debian's Chromium on this machine, for the browser tests and the benchmarks alike: where it is, the flags
 * that keep it quiet on a closed network, and a static server for the pages it loads.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.JPL_CHROMIUM || '/usr/bin/chromium';

/**
 * Flags for every launch. Without the background-networking ones Chromium keeps trying hosts this machine
 * cannot reach. With `extensionDir`, only that unpacked extension is loaded.
 */
export function chromiumArgs(extensionDir: string | null): string[] {
  return [
    '--no-sandbox',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-dev-shm-usage',
  ];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  server: Server;
  base: string;
  requests: { path: string; status: number }[];
}

/**
 * Serves `root` on 127.0.0.1 (port 0), recording each request's path and status. A file `<name>.headers` beside
 * `<name>` (a JSON object) adds its response headers, e.g. a Content-Security-Policy that a <meta> tag cannot set.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const rootDir = resolve(root);
  const requests: { path: string; status: number }[] = [];
  const server = createServer((req, res) => {
    let pathname = '/';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      pathname = '\0';
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = resolve(rootDir, '.' + pathname);
    const inside = file === rootDir || file.startsWith(rootDir + sep);
    let status = 404;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      status = 405;
    } else if (inside && !pathname.includes('\0') && existsSync(file) && statSync(file).isFile()) {
      status = 200;
    }
    if (status === 404 && pathname === '/favicon.ico') status = 204; // keeps 404 noise out of the console
    requests.push({ path: pathname, status });
    if (status === 204) {
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(status === 404 ? 'not found' : 'method not allowed');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(statSync(file).size),
      'cache-control': 'no-store',
      ...(existsSync(`${file}.headers`)
        ? (JSON.parse(readFileSync(`${file}.headers`, 'utf8')) as Record<string, string>)
        : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, requests };
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });
}

/** The welcome page of our extension, once it has opened (null if none opens within the time). */
export async function findWelcomePage(context: BrowserContext, timeoutMs = 10_000): Promise<Page | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const welcome = context.pages().find((page) => /^chrome-extension:\/\/[a-z]+\/welcome\.html/.test(page.url()));
    if (welcome || Date.now() > deadline) return welcome ?? null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
