// compare.html in a real browser: built by vite, served by vite preview (with the COOP/COEP headers,
// so workers share memory), driven by Chromium through playwright-core.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveOnePage, type Served } from '../support/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNS_HEADER } from '../../src/experiments/csv.ts';
import { dateOfDay } from '../../src/engine/calendar.ts';


let server: Served;
let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  server = await serveOnePage('compare.html');
  baseUrl = server.url;
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
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

  it('refuses a variant on another calendar with a visible notice naming both calendars, and runs nothing', async () => {
    await page.goto(`${baseUrl}compare.html?${new URLSearchParams({ baseline: 'jd-tencent-2014', variant: 'teaching-village', agents: '300', replicates: '2', run: '1' })}`);
    const error = page.getByTestId('error');
    await expect.poll(() => error.textContent()).toContain(
      'teaching-village starts 2015-09-01 and runs 120 days (to 2015-12-30); jd-tencent-2014 starts 2014-05-22 and runs 770 days (to 2016-06-30)',
    );
    expect(await error.isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(await done()).toBe(0);
    expect(await page.getByTestId('status').textContent()).toBe('');
    expect(await page.getByTestId('tier-table').locator('tr[data-tier]').count()).toBe(0);
  });

  it('shows baseline and variant means and % change, and says when the chosen date is outside the runs', async () => {
    const search = new URLSearchParams({ baseline: 'jd-tencent-2014', set: 'channels.ad.conversion=0.02', agents: '1000', days: '200', seed: '3', replicates: '2', date: '2015-11-11', run: '1' });
    await page.goto(`${baseUrl}compare.html?${search}`);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 }).toBe(' · finished');
    const last = dateOfDay('2014-05-22', 200);
    const notice = page.getByTestId('notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(`2015-11-11 is outside the runs (2014-05-22 to ${last}): the table and the marker show ${last}, the last day.`);
    const table = page.getByTestId('tier-table');
    expect(await table.locator('th').allTextContents()).toEqual(['tier', 'jd-tencent-2014 mean', 'what-if mean', 'what-if − jd-tencent-2014', '90 % interval', 'change']);
    const rows = await table.locator('tr[data-tier]').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!)));
    expect(rows.map((r) => r[0])).toEqual(['tier 1', 'tier 2', 'tier 3', 'tier 4', 'all']);
    const value = (text: string) => Number(text.replace(/[,+ %]/g, ''));
    for (const [, base, variant, difference, , change] of rows) {
      // Shown to 0.1: the difference is the variant's mean less the baseline's, the change that over the baseline.
      expect(Math.abs(value(difference) - (value(variant) - value(base)))).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(Math.abs(value(change) - (100 * value(difference)) / value(base))).toBeLessThanOrEqual(0.05 + (100 * 0.05) / value(base));
    }
  });

  it('resets the wanted interval when the metric changes, and names its unit', async () => {
    await page.getByTestId('half-width').fill('20');
    await expect.poll(() => page.getByTestId('replicates-needed').textContent()).toContain('±20');
    expect(await page.getByTestId('half-width-unit').textContent()).toBe('customers');
    await page.getByTestId('metric').selectOption('gmv');
    await expect.poll(() => page.getByTestId('half-width').inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('half-width-unit').textContent()).toBe('GMV');
    expect(await page.getByTestId('replicates-needed').textContent()).not.toContain('±20');
    expect(await page.getByTestId('more').isHidden()).toBe(true);
  });

  it('pulls a scenario lever from the what-if box: --lever rural-promoters=0 gives the no-rural-promoters numbers with the same seeds', async () => {
    const search = new URLSearchParams({ baseline: 'jd-tencent-2014', variant: 'no-rural-promoters', set: '--lever rural-promoters=0', agents: '1000', days: '540', seed: '3', replicates: '2', tier: 'tier 4', run: '1' });
    await page.goto(`${baseUrl}compare.html?${search}`);
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 90_000 }).toBe(' · finished');
    const table = page.getByTestId('tier-table');
    expect(await table.locator('th').allTextContents()).toEqual([
      'tier', 'jd-tencent-2014 mean',
      'no-rural-promoters mean', 'no-rural-promoters − jd-tencent-2014', '90 % interval', 'change',
      'what-if mean', 'what-if − jd-tencent-2014', '90 % interval', 'change',
    ]);
    const rows = await table.locator('tr[data-tier]').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!)));
    for (const row of rows) expect(row.slice(6, 10)).toEqual(row.slice(2, 6));
    const tier4 = rows.find((row) => row[0] === 'tier 4')!;
    expect(Number(tier4[3].replace(/,/g, ''))).toBeLessThan(0);
    expect(await page.getByTestId('warnings').isHidden()).toBe(true);
  });

  it('exports the same self-contained report as the command line, a chart per variant and the manifest', async () => {
    const html = (await downloaded('export-report')).toString('utf8');
    expect(html.match(/(?:src|href)\s*=\s*["']?\s*[a-z]+:|<script|<link|url\(/gi)).toBeNull();
    // Two difference charts (one per variant) and the path of "all".
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('In no-rural-promoters, tier 4 has');
    expect(html).toMatch(/<pre id="manifest">[^<]*&quot;master_seed&quot;: 3,/);
  });

  it('says when a what-if sets a field that an intervention changes later', async () => {
    const search = new URLSearchParams({ baseline: 'jd-tencent-2014', set: 'tiers[3].offlinePerDay=0', agents: '500', days: '300', replicates: '2', run: '1' });
    await page.goto(`${baseUrl}compare.html?${search}`);
    const warnings = page.getByTestId('warnings');
    await expect.poll(() => warnings.textContent()).toContain(
      '--set tiers[3].offlinePerDay=0 sets tiers[3].offlinePerDay only until 2015-03-01: the intervention "rural promoters start in tier 4" changes it from that date',
    );
    expect(await warnings.isVisible()).toBe(true);
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
