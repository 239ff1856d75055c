// sensitivity.html in a real browser: built by vite, served cross-origin isolated by vite preview,
// driven by Chromium. An experiment file loaded from disk runs in the page's workers; its
// sensitivity.csv, sensitivity.svg and runs.csv are compared byte for byte with the files
// `tierwave sensitivity` writes for the same file (same seeds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveOnePage, type Served } from '../support/browser.ts';
import { scratchDir, tierwave, type Finished } from '../cli/tierwave.ts';
import { loadExperimentDesign } from '../../src/cli/experiments/load-files.ts';
import { parseRunsCsv } from '../../src/cli/experiments/experiment-folder.ts';
import { sensitivityFiles } from '../../src/experiments/sensitivity/experiment.ts';

const FIXTURE = 'tests/view/fixtures/sensitivity-page.json';
const PARAMETERS = ['channels.direct.conversion', 'channels.feed.attention', 'targeting.mode'];
const OUTPUTS = 2;
const RUNS = 3 * (PARAMETERS.length + 1) * 2;

let server: Served;
let browser: Browser;
let page: Page;
let baseUrl: string;
let cliDir: string;
let cli: Finished;

beforeAll(async () => {
  cliDir = join(scratchDir('sensitivity-page'), 'out');
  // The CLI's analysis of the same file runs while the page builds.
  const command = tierwave('sensitivity', FIXTURE, '--out', cliDir, '--workers', '1', '--quiet');
  server = await serveOnePage('sensitivity.html');
  baseUrl = server.url;
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (error) => console.error('page error:', error));
  cli = await command;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function downloaded(testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await download.path())!);
}

const cliFile = (name: string) => readFileSync(join(cliDir, name), 'utf8');
const shownReplicates = () => page.getByTestId('chart').evaluate((e) => Number((e as HTMLElement).dataset.replicates ?? 0));

describe('sensitivity.html', () => {
  it('offers the bundled sensitivity experiments', async () => {
    expect(cli.code, cli.stderr).toBe(0);
    await page.goto(`${baseUrl}sensitivity.html`);
    const files = await page.getByTestId('experiment').evaluate((select) => [...(select as HTMLSelectElement).options].map((o) => o.value));
    expect(files).toContain('experiments/which-lever.json');
    // Sweeps that are not sensitivity analyses are not offered.
    expect(files).not.toContain('experiments/promoter-sweep.json');
    // A bundled file's scenario paths resolve among the bundled scenarios: which-lever's design,
    // 10 trajectories × (10 levers + 1) points × 2 replicates, starts (and is replaced below).
    await page.getByTestId('experiment').selectOption('experiments/which-lever.json');
    await page.getByTestId('agents').fill('500');
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('runs-planned').textContent()).toBe('220');
    expect(await page.getByTestId('error').isHidden()).toBe(true);
    await page.getByTestId('pause').click();
    await page.getByTestId('agents').fill('');
  });

  it('fills the chart in replicate by replicate with the indices of the replicates finished so far', async () => {
    await page.getByTestId('experiment-file').setInputFiles(FIXTURE);
    await page.getByTestId('workers').fill('2');
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('runs-planned').textContent()).toBe(String(RUNS));
    await page.waitForFunction(() => Number((document.getElementById('chart') as HTMLElement).dataset.replicates ?? 0) >= 1, undefined, { timeout: 90_000 });
    await page.getByTestId('pause').click();
    // The indices shown are those of the complete replicates: the CLI's formulas on its own runs of
    // those replicates.
    // Replicate 1's twelve runs take seconds on two workers: the pause comes long before.
    const shown = await shownReplicates();
    expect(shown).toBe(1);
    const csv = (await downloaded('export-csv')).toString('utf8');
    expect(await shownReplicates()).toBe(shown);
    expect(csv).not.toBe(cliFile('sensitivity.csv'));
    const { design } = loadExperimentDesign(FIXTURE, { overrides: [] });
    const expected = sensitivityFiles(parseRunsCsv(cliFile('runs.csv')), design.sensitivity!, shown, design.name);
    expect(csv).toBe(expected.csv);
    expect(await page.getByTestId('replicates-used').textContent()).toBe(` · indices from ${shown} of 2 replicates`);
    expect(await page.getByTestId('status').textContent()).toBe(' · paused');
    await page.getByTestId('pause').click();
  });

  it('ends with the CLI’s sensitivity.csv, sensitivity.svg and runs.csv, byte for byte', async () => {
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 90_000 }).toBe(' · finished');
    expect(await page.getByTestId('runs-done').textContent()).toBe(String(RUNS));
    expect(await shownReplicates()).toBe(2);
    expect((await downloaded('export-csv')).toString('utf8')).toBe(cliFile('sensitivity.csv'));
    expect((await downloaded('export-svg')).toString('utf8')).toBe(cliFile('sensitivity.svg'));
    expect((await downloaded('export-runs')).toString('utf8')).toBe(cliFile('runs.csv'));
    // The table holds sensitivity.csv's rows: μ*, μ, σ per parameter and output.
    expect(await page.getByTestId('indices').locator('tbody tr').count()).toBe(PARAMETERS.length * OUTPUTS * 3);
  });

  it('shows the chart in the page with one point per parameter in each output’s panel, and exports it as PNG', async () => {
    const points = await page.getByTestId('chart').locator('svg circle title').allTextContents();
    expect(points).toHaveLength(PARAMETERS.length * OUTPUTS);
    for (const parameter of PARAMETERS) expect(points.filter((title) => title.startsWith(`${parameter}: μ*`))).toHaveLength(OUTPUTS);
    const png = await downloaded('export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('points at the field when a file from disk names a scenario the page does not bundle', async () => {
    await page.getByTestId('experiment-file').setInputFiles('tests/experiments/fixtures/sensitivity-morris.json');
    await page.getByTestId('run').click();
    const row = page.getByTestId('error').locator('tr.issue');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('td.where').textContent()).toMatch(/^sensitivity-morris\.json:\d+:\d+$/);
    expect(await row.locator('td.field').textContent()).toBe('baseline.scenario');
    expect(await row.locator('td.message').textContent()).toBe('no bundled scenario scenarios/four-tiers.json; the page runs the scenarios under scenarios/');
  });
});
