// compare.html in a real browser: built by vite, served by vite preview (with the COOP/COEP headers,
// so workers share memory), driven by Chromium through playwright-core.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNS_HEADER } from '../../src/experiments/csv.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tierwave-compare-page-'));
  // Only compare.html, into a folder of its own: the test neither depends on the simulator page
  // building nor overwrites a dist/ someone else is serving. (An inline config, because merging with
  // vite.config.ts would add its inputs to ours rather than replace them.)
  await build({
    configFile: false,
    root: process.cwd(),
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: { compare: resolve('compare.html') } } },
  });
  server = await preview({ configFile: false, root: process.cwd(), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, headers: ISOLATION } });
  baseUrl = server.resolvedUrls!.local[0];
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => server?.httpServer.close(() => done()));
  rmSync(outDir, { recursive: true, force: true });
});

const done = () => page.getByTestId('replicates-done').evaluate((e) => Number((e as HTMLOutputElement).value));
const bandWidth = () => page.getByTestId('bands-chart').evaluate((e) => Number((e as SVGElement).dataset.bandWidth));

async function downloaded(testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await download.path())!);
}

describe('compare.html', () => {
  it('bands appear, pause holds the runs, and the interval narrows as replicates stream in', async () => {
    await page.goto(`${baseUrl}compare.html`);
    const baseline = await page.getByTestId('baseline').evaluate((select) => {
      const ids = [...(select as HTMLSelectElement).options].map((o) => o.value);
      return ids.includes('jd-tencent-2014') ? 'jd-tencent-2014' : ids[0];
    });
    // The scenario's own length: shortening it would leave its interventions outside the run. Runs
    // are deterministic (fixed master seed), so the widths below are the same on every machine.
    const search = new URLSearchParams({ baseline, set: 'tiers[0].organicPerDay=0', agents: '3000', seed: '11', replicates: '2', tier: 'all', run: '1' });
    await page.goto(`${baseUrl}compare.html?${search}`);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toBe(' · finished');
    expect(await done()).toBe(2);
    const twoWidth = await bandWidth();
    expect(twoWidth).toBeGreaterThan(0);
    expect(await page.getByTestId('bands-chart').locator('path[data-band="interval"]').count()).toBe(2);
    expect(await page.getByTestId('diff-chart').locator('path[data-band="interval"]').count()).toBe(1);

    // Ten more replicates for the same comparison: the page goes on from the two it has.
    await page.getByTestId('replicates').fill('12');
    await page.getByTestId('run').click();
    await page.waitForFunction(() => Number((document.getElementById('replicates-done') as HTMLOutputElement).value) >= 4);
    await page.getByTestId('pause').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe(' · paused');
    const paused = await done();
    await page.waitForTimeout(600);
    // A run on its last step may still finish; no new replicate starts while paused.
    expect(await done()).toBeLessThanOrEqual(paused + 1);
    await page.getByTestId('pause').click();
    await page.waitForFunction(() => Number((document.getElementById('replicates-done') as HTMLOutputElement).value) === 12, undefined, { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('status').textContent()).toBe(' · finished');
    expect(await bandWidth()).toBeLessThan(twoWidth / 2);
    expect(await page.getByTestId('tier-table').locator('tr[data-tier]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('permalink').getAttribute('href')).toContain(`baseline=${baseline}`);
  });

  it('estimates how many more replicates a requested interval needs', async () => {
    await page.getByTestId('half-width').fill('0.5');
    await expect.poll(() => page.getByTestId('replicates-needed').textContent()).toMatch(/±0\.5: about \d+ more replicates needed/);
  });

  it('exports the band chart as a valid SVG and as a PNG, and the runs as the CLI’s runs.csv', async () => {
    const svg = (await downloaded('export-bands-svg')).toString('utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: document.documentElement.nodeName, errors: document.getElementsByTagName('parsererror').length, bands: document.querySelectorAll('path[data-band]').length };
    }, svg);
    expect(parsed).toEqual({ root: 'svg', errors: 0, bands: 4 });
    const png = await downloaded('export-diff-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const csv = (await downloaded('export-csv')).toString('utf8');
    expect(csv.startsWith(RUNS_HEADER)).toBe(true);
    const days = await page.evaluate(() => Number(new URL(location.href).searchParams.get('days') ?? NaN));
    const lines = csv.trim().split('\n');
    expect(Number.isNaN(days)).toBe(true);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(new Set(Array.from({ length: 24 }, (_, id) => String(id))));
    const manifest = JSON.parse((await downloaded('export-manifest')).toString('utf8'));
    expect(manifest).toMatchObject({ tool: { name: 'tierwave' }, replicates: 12, runs: { done: 24 }, complete: true });
  });

  it('shows a what-if that does not fit the scenario as an error, with the override named', async () => {
    await page.getByTestId('what-if').fill('tiers[0].organicPerDay=3');
    await page.getByTestId('run').click();
    // The shared error panel: one row per problem, with where, the field and what was expected.
    const row = page.getByTestId('error').locator('tr.issue');
    await expect.poll(() => row.allTextContents()).toHaveLength(1);
    expect(await row.locator('td.where').textContent()).toBe('--set tiers[0].organicPerDay=3');
    expect(await row.locator('td.field').textContent()).toBe('tiers[0].organicPerDay');
    expect(await row.locator('td.message').textContent()).toBe('expected a number in [0, 1], got 3');
  });

  it('refuses a __proto__ what-if from a link naming the override, with Object.prototype untouched', async () => {
    const search = new URLSearchParams({ baseline: 'teaching-village', set: '__proto__.polluted=1', agents: '300', replicates: '2', run: '1' });
    await page.goto(`${baseUrl}compare.html?${search}`);
    const row = page.getByTestId('error').locator('tr.issue');
    await expect.poll(() => row.locator('td.where').textContent()).toBe('--set __proto__.polluted=1');
    expect(await row.locator('td.message').textContent()).toBe('invalid path: "__proto__" is not allowed as a field name (it would reach the object prototype)');
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  });

  it('refuses 500,000,000 agents before starting a replicate, with the estimate', async () => {
    const search = new URLSearchParams({ baseline: 'teaching-village', agents: '500000000', replicates: '2', run: '1' });
    await page.goto(`${baseUrl}compare.html?${search}`);
    await expect.poll(() => page.getByTestId('error').textContent(), { timeout: 20_000 }).toMatch(/this world needs about [\d.]+ GiB \(\d+ bytes per agent\) but at most [\d.]+ GiB is available/);
    expect(await done()).toBe(0);
  });
});
