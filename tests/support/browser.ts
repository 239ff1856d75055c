// Real-browser test support: build the page with vite, serve it cross-origin isolated (vite
// preview, with the COOP/COEP headers from vite.config.ts) or from a plain static server without
// them, and drive Debian's Chromium with playwright-core.
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { expect } from 'vitest';

export const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(PROJECT, 'test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds the simulator page (index.html only, so other pages of the project cannot break these
 * tests) into a fresh temporary folder; returns the folder.
 */
export async function buildPage(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'tierwave-view-'));
  await build({
    root: PROJECT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(PROJECT, 'index.html') } },
  });
  return outDir;
}

export async function removeBuild(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** `vite preview`: serves the build with the project's COOP/COEP headers (cross-origin isolated). */
export async function servePreview(outDir: string): Promise<Served> {
  const port = await freePort();
  const server = await preview({ root: PROJECT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.httpServer.close(() => done())),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A plain static host: files and content types, no isolation headers, so no SharedArrayBuffer. */
export async function serveStatic(outDir: string): Promise<Served> {
  const root = resolve(outDir);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      return void response.writeHead(404).end('not found');
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * One page of the project (e.g. "compare.html") built alone into a fresh folder and served cross-origin
 * isolated: the test neither depends on the other pages building nor overwrites a dist/ someone is
 * serving. (An inline config, because merging with vite.config.ts would add its inputs to ours.)
 */
export function serveOnePage(html: string): Promise<Served> {
  return servePages([html]);
}

/** Several pages built together (one build, shared chunks), for tests that go from one page to another. */
export async function servePages(pages: readonly string[]): Promise<Served> {
  const outDir = await mkdtemp(join(tmpdir(), `tierwave-${pages.map((html) => html.replace(/\.html$/, '')).join('-')}-`));
  await build({
    configFile: false,
    root: PROJECT,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: Object.fromEntries(pages.map((html) => [html.replace(/\.html$/, ''), join(PROJECT, html)])) } },
  });
  const server = await preview({ configFile: false, root: PROJECT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, headers: ISOLATION } });
  return {
    url: server.resolvedUrls!.local[0],
    close: async () => {
      await new Promise<void>((done) => server.httpServer.close(() => done()));
      await removeBuild(outDir);
    },
  };
}

/** The simulator page built, served cross-origin isolated, and a browser to open it in. */
export async function serveSimulator(): Promise<{ readonly server: Served; readonly browser: Browser; close(): Promise<void> }> {
  const outDir = await buildPage();
  const [server, browser] = await Promise.all([servePreview(outDir), launchChromium()]);
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await removeBuild(outDir);
    },
  };
}

/** Waits until the simulator's day counter satisfies `test` (a predicate on the day number, run in the page). */
export async function waitForDay(page: Page, test: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (body) => {
      const shown = document.querySelector('[data-testid=day]')?.textContent ?? '';
      return /^\d+$/.test(shown) && new Function('day', `return ${body}`)(Number(shown));
    },
    test,
    { timeout },
  );
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical violations axe-core finds on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

/** Errors thrown in each page opened by openWatchedPage. */
const pageErrors = new WeakMap<Page, string[]>();

/** A new 1400 × 1000 page at `url` whose uncaught errors are kept for closeWatchedPage. */
export async function openWatchedPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  pageErrors.set(page, problems);
  await page.goto(url);
  return page;
}

/** Closes a watched page (after a full-page screenshot into test-artifacts when named) and expects no error was thrown in it. */
export async function closeWatchedPage(page: Page, shot?: string): Promise<void> {
  if (shot) await page.screenshot({ path: await artifactPath(shot), fullPage: true });
  const problems = pageErrors.get(page) ?? [];
  await page.close();
  expect(problems, 'errors thrown in the page').toEqual([]);
}
