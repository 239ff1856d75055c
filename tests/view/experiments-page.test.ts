// experiments.html in a real browser: built by vite, served cross-origin isolated, driven by
// Chromium. Experiment files loaded from disk run in the page's workers; the downloaded runs.csv,
// stats.csv and diff.csv are compared byte for byte with the files `tierwave experiment` writes
// for the same file (same seeds, another number of workers), and the findings shown are the CLI's
// sentences computed from the CLI's own runs.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations, serveOnePage, type Served } from '../support/browser.ts';
import { ROOT, scratchDir, tierwave, type Finished } from '../cli/tierwave.ts';
import { parseRunsCsv } from '../../src/cli/experiments/experiment-folder.ts';
import { diffRows } from '../../src/experiments/stats.ts';
import { findings } from '../../src/experiments/findings.ts';

const VARIANTS = 'tests/view/fixtures/experiment-variants.json';
const SWEEP = 'tests/view/fixtures/experiment-sweep.json';

let server: Served;
let browser: Browser;
let page: Page;
let out: string;
let cli: Finished[];

beforeAll(async () => {
  out = scratchDir('experiments-page');
  // The CLI runs both files on one worker while the page builds.
  const commands = Promise.all([
    tierwave('experiment', VARIANTS, '--out', join(out, '0'), '--workers', '1', '--quiet'),
    tierwave('experiment', SWEEP, '--out', join(out, '1'), '--workers', '1', '--quiet'),
    tierwave('experiment', VARIANTS, '--agents', '600', '--replicates', '1', '--out', join(out, 'settings'), '--workers', '1', '--quiet'),
  ]);
  server = await serveOnePage('experiments.html');
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (error) => console.error('page error:', error));
  cli = await commands;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function downloaded(testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

const cliFile = (run: number | string, name: string) => readFileSync(join(out, String(run), name), 'utf8');
const text = (testId: string) => page.getByTestId(testId).textContent();

async function runFile(file: string, workers: number): Promise<void> {
  await page.getByTestId('experiment-file').setInputFiles(file);
  await page.getByTestId('workers').fill(String(workers));
  await page.getByTestId('run').click();
}

describe('experiments.html', () => {
  it('offers every bundled experiment file, sweeps and sensitivity analyses alike', async () => {
    for (const c of cli) expect(c.code, c.stderr).toBe(0);
    await page.goto(`${server.url}experiments.html`);
    const files = await page.getByTestId('experiment').evaluate((select) => [...(select as HTMLSelectElement).options].map((o) => o.value));
    expect(files).toEqual(['experiments/calibrate-article.json', 'experiments/promoter-sweep.json', 'experiments/rural-promoters.json', 'experiments/which-lever.json']);
  });

  it('shows live progress and bands that appear while the replicates land', async () => {
    await runFile(VARIANTS, 2);
    expect(await text('runs-planned')).toBe('9');
    // Once a run has finished, the time left at the pace so far.
    await expect.poll(() => text('eta'), { timeout: 120_000 }).toMatch(/^ · about \d+ (seconds?|minutes?) left$/);
    // A band per variant once each has a finished run; pausing then holds the runs in flight.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=bands] [data-series] [data-mean]').length === 3, undefined, { timeout: 120_000 });
    await page.getByTestId('pause').click();
    expect(await text('status')).toBe(' · paused');
    const done = Number(await text('runs-done'));
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(9);
    expect(await page.getByTestId('results').locator('tbody tr').count()).toBe(3);
    await page.getByTestId('pause').click();
    await expect.poll(() => text('status'), { timeout: 120_000 }).toBe(' · finished');
    expect(await text('runs-done')).toBe('9');
    expect(await text('eta')).toBe('');
    // Three replicates per variant: every band has its interval.
    expect(await page.locator('[data-testid=bands] [data-band=interval]').count()).toBe(3);
  });

  it('writes the CLI’s runs.csv, stats.csv and diff.csv for the same file, byte for byte', async () => {
    expect(await downloaded('export-runs')).toBe(cliFile(0, 'runs.csv'));
    expect(await downloaded('export-stats')).toBe(cliFile(0, 'stats.csv'));
    expect(await downloaded('export-diff')).toBe(cliFile(0, 'diff.csv'));
  });

  it('states the CLI’s findings per variant on the chosen metric, tier and date', async () => {
    expect(await page.getByTestId('band-date').inputValue()).toBe('2015-11-11');
    await page.getByTestId('band-tier').selectOption('tier 4');
    const expected = findings(diffRows(parseRunsCsv(cliFile(0, 'runs.csv')), 'jd-tencent-2014')).filter((f) => f.metric === 'customers' && f.tier === 'tier 4' && f.date === '2015-11-11');
    expect(expected.map((f) => f.variant)).toEqual(['no-rural-promoters', 'promoters-doubled']);
    const shown = await page.getByTestId('results').locator('tbody tr td:last-child').allTextContents();
    expect(shown).toEqual(['', ...expected.map((f) => f.sentence)]);
  });

  it('downloads the self-contained report with the findings, the charts and the command that reproduces it', async () => {
    const html = await downloaded('export-report');
    expect(html).toContain(`tierwave experiment ${VARIANTS.split('/').pop()}`);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html.match(/data-chart=/g)?.length ?? 0).toBeGreaterThan(0);
    const sentences = findings(diffRows(parseRunsCsv(cliFile(0, 'runs.csv')), 'jd-tencent-2014')).filter((f) => f.metric === 'customers' && f.date === '2015-11-11');
    for (const f of sentences) expect(html).toContain(f.sentence.replace(/'/g, '&#39;'));
  });

  it('reads its agents and replicates as the CLI reads --agents and --replicates', async () => {
    await page.getByTestId('agents').fill('600');
    await page.getByTestId('replicates').fill('1');
    await runFile(VARIANTS, 2);
    expect(await text('runs-planned')).toBe('3');
    await expect.poll(() => text('status'), { timeout: 120_000 }).toBe(' · finished');
    expect(await downloaded('export-runs')).toBe(cliFile('settings', 'runs.csv'));
    expect(await downloaded('export-report')).toContain('tierwave experiment experiment-variants.json --agents 600 --replicates 1');
    await page.getByTestId('agents').fill('');
    await page.getByTestId('replicates').fill('');
  });

  it('runs a sweep into the CLI’s runs.csv on another number of workers, with bands over the swept value', async () => {
    await runFile(SWEEP, 3);
    expect(await text('runs-planned')).toBe('6');
    await expect.poll(() => text('status'), { timeout: 120_000 }).toBe(' · finished');
    expect(await downloaded('export-runs')).toBe(cliFile(1, 'runs.csv'));
    expect(await downloaded('export-stats')).toBe(cliFile(1, 'stats.csv'));
    expect(await downloaded('export-fit')).toBe(cliFile(1, 'fit.csv'));
    // One point per sweep value, each with its interval over two replicates.
    expect(await page.locator('[data-testid=bands] circle').count()).toBe(3);
    expect(await page.locator('[data-testid=bands] line[data-band=interval]').count()).toBe(3);
    expect(await page.getByTestId('results').locator('tbody tr').count()).toBe(3);
  });

  it('builds an experiment file in the form whose run in the page is the CLI’s run of the downloaded file, byte for byte', async () => {
    await page.locator('[data-testid=builder] summary').click();
    await page.getByTestId('build-name').fill('built-in-page');
    await page.getByTestId('build-agents').fill('1000');
    await page.getByTestId('build-days').fill('200');
    await page.getByTestId('build-replicates').fill('2');
    await page.getByTestId('build-seed').fill('3');
    await page.getByTestId('build-add-variant').click();
    await page.getByTestId('build-variant-name-0').fill('instant-targeting');
    await page.getByTestId('build-variant-change-0').fill('targeting');
    await page.getByTestId('build-variant-value-0').fill('instant');
    await page.getByTestId('build-add-variant').click();
    await page.getByTestId('build-variant-name-1').fill('better-direct');
    await page.getByTestId('build-variant-change-1').fill('channels.direct.conversion');
    await page.getByTestId('build-variant-value-1').fill('0.1');
    await page.getByTestId('build-sweep-path').fill('channels.feed.attention');
    await page.getByTestId('build-sweep-from').fill('0.3');
    await page.getByTestId('build-sweep-to').fill('0.9');
    await page.getByTestId('build-sweep-steps').fill('2');
    await page.getByTestId('build-metric-gmv').check();
    await page.getByTestId('build-dates').fill('2014-11-11');
    const file = await downloaded('build-download');
    const built = JSON.parse(file) as { variants: unknown[]; sweep: unknown };
    // The lever is pulled by name, the field is set: the file says so as `tierwave experiment` reads it.
    expect(built.variants).toEqual([{ name: 'instant-targeting', levers: { targeting: 'instant' } }, { name: 'better-direct', set: { 'channels.direct.conversion': 0.1 } }]);
    expect(built.sweep).toEqual({ method: 'grid', parameters: [{ path: 'channels.feed.attention', from: 0.3, to: 0.9, count: 2 }] });
    // Saved beside a scenarios folder, as experiments/ sits beside scenarios/ in the project.
    const folder = scratchDir('built-experiment');
    symlinkSync(join(ROOT, 'scenarios'), join(folder, 'scenarios'));
    mkdirSync(join(folder, 'experiments'));
    writeFileSync(join(folder, 'experiments', 'built-in-page.json'), file);
    const command = tierwave('experiment', join(folder, 'experiments', 'built-in-page.json'), '--out', join(out, '2'), '--workers', '1', '--quiet');
    await page.getByTestId('build-use').click();
    expect(await page.getByTestId('experiment').inputValue()).toBe('disk');
    await page.getByTestId('workers').fill('2');
    await page.getByTestId('run').click();
    expect(await text('runs-planned')).toBe(String(3 * 2 * 2));
    await expect.poll(() => text('status'), { timeout: 180_000 }).toBe(' · finished');
    const finished = await command;
    expect(finished.code, finished.stderr).toBe(0);
    expect(await downloaded('export-runs')).toBe(cliFile(2, 'runs.csv'));
    expect(await downloaded('export-diff')).toBe(cliFile(2, 'diff.csv'));
    // Two variants at two sweep points each, against the baseline at the same point.
    const sentences = await page.getByTestId('results').locator('tbody tr td:last-child').allTextContents();
    expect(sentences.filter((s) => s.startsWith('In '))).toHaveLength(4);
  });

  it('has no serious or critical accessibility violation (axe-core), and no sideways scroll at 390 px', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('switches language in place, keeping what it shows', async () => {
    const header = () => page.getByTestId('results').locator('thead th').first().textContent();
    expect(await header()).toBe('variant');
    await page.getByTestId('language').click();
    expect(await text('run')).toBe('运行');
    expect(await text('status')).toBe(' · 已完成');
    expect(await header()).toBe('变体');
    expect(await page.locator('[data-testid=builder] summary').textContent()).toBe('构建实验');
    await page.getByTestId('language').click();
    expect(await text('run')).toBe('Run');
    expect(await text('status')).toBe(' · finished');
  });

  it('speaks Chinese with ?lang=zh and points at the field of a bad file', async () => {
    await page.goto(`${server.url}experiments.html?lang=zh`);
    expect(await text('run')).toBe('运行');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toBe('tierwave · 实验');
    await page.getByTestId('experiment-file').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "baseline": { "scenario": "../scenarios/jd-tencent-2014.json" },\n  "replicates": 0\n}\n') });
    await page.getByTestId('run').click();
    const rows = page.getByTestId('error').locator('tr.issue');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.locator('td.where').allTextContents()).toContain('typo.json:3:17');
  });
});
