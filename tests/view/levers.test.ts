// The simulator's levers in a real browser: a lever means what the scenario's `levers` list says,
// the same in the simulator, the compare page and `tierwave compare --lever`; pulling one re-runs
// the world to the day on screen, keeps the play state and leaves the run before as a faint line.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildPage, closeWatchedPage, openWatchedPage, launchChromium, removeBuild, servePreview, serveOnePage, waitForDay, type Served } from '../support/browser.ts';
import { scratchDir, tierwave } from '../cli/tierwave.ts';

const AGENTS = 5000;
const MASTER_SEED = 5;
/**
 * Replicate r's seed under the master seed, by the README's rule: SHA-256("<master>:<r>"), first 8
 * hex digits. The compare page runs at least 2 replicates, so the simulator runs both seeds.
 */
const SEEDS = [0, 1].map((r) => parseInt(createHash('sha256').update(`${MASTER_SEED}:${r}`).digest('hex').slice(0, 8), 16));
const DATE = '2015-11-11';
/** Days from the default scenario's start, 2014-05-22, to DATE. */
const DAY = (Date.UTC(2015, 10, 11) - Date.UTC(2014, 4, 22)) / 86_400_000;

let outDir = '';
let simulator: Served;
let compare: Served;
let browser: Browser;

beforeAll(async () => {
  outDir = await buildPage();
  [simulator, compare, browser] = await Promise.all([servePreview(outDir), serveOnePage('compare.html'), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await simulator?.close();
  await compare?.close();
  if (outDir) await removeBuild(outDir);
});

const openPage = (url: string) => openWatchedPage(browser, url);

const close = closeWatchedPage;

const day = async (page: Page) => Number(await page.getByTestId('day').textContent());

describe('the simulator’s levers', () => {
  /** Opens the simulator on DATE with `seed`, pulls rural-promoters to 0, and reads tier 4's after − before. */
  async function promotersEffect(seed: number, shot?: string): Promise<{ difference: number; link: URL }> {
    const page = await openPage(`${simulator.url}?set=population.agents=${AGENTS}&seed=${seed}&day=${DAY}`);
    await waitForDay(page, `day === ${DAY}`, 120_000);
    await page.getByTestId('lever-rural-promoters').fill('0');
    await page.waitForURL(/lever=rural-promoters=0/);
    expect(page.url()).not.toContain('set=interventions');
    const effect = page.getByTestId('lever-effect');
    await expect.poll(() => effect.getAttribute('data-day'), { timeout: 120_000 }).toBe(String(DAY));
    expect(await day(page)).toBe(DAY);
    const difference = Number(await effect.locator('tr[data-tier="tier 4"] td.difference').getAttribute('data-value'));
    // Under the pointer, the table reads an earlier day: a third of the way along the calendar axis.
    await page.getByTestId('adoption-chart').scrollIntoViewIfNeeded();
    const plot = (await page.getByTestId('adoption-chart').locator('g.plot').boundingBox())!;
    const axis = (await page.getByTestId('adoption-chart').locator('g.axis.x path.domain').boundingBox())!;
    await page.mouse.move(axis.x + axis.width / 3, plot.y + plot.height / 2);
    await expect.poll(async () => Number(await effect.getAttribute('data-day'))).toBeLessThan(DAY);
    const hovered = Number(await effect.getAttribute('data-day'));
    expect(await page.getByTestId('adoption-chart').locator('line.pointed').getAttribute('visibility')).toBe('visible');
    expect(Math.abs(hovered - 770 / 3)).toBeLessThanOrEqual(3);
    const link = new URL((await page.locator('#compare-link').getAttribute('href'))!, simulator.url);
    expect(await page.locator('#compare-link').getAttribute('title')).toContain(`Compare rural-promoters=0 with the scenario without them over 20 paired replicates, their seeds derived from seed ${seed}`);
    await close(page, shot);
    return { difference, link };
  }

  it('are the scenario’s own, labelled from its file', async () => {
    const page = await openPage(`${simulator.url}?set=population.agents=${AGENTS}`);
    await waitForDay(page, 'day === 0', 60_000);
    const declared = JSON.parse(readFileSync(join(PROJECT, 'scenarios/jd-tencent-2014.json'), 'utf8')).levers as { id: string; label: { en: string } }[];
    expect(await page.getByTestId('levers').locator('label.lever > span').allTextContents()).toEqual(declared.map((l) => l.label.en));
    for (const lever of declared) expect(await page.getByTestId(`lever-${lever.id}`).count()).toBe(1);
    await close(page);
    // A scenario without levers shows none, and says so.
    // Overrides other than the world's size and length are not carried to the compare page, and the link says so.
    const tuned = await openPage(`${simulator.url}?set=population.agents=${AGENTS}&set=tiers[0].organicPerDay=0&lever=sharing=2`);
    await waitForDay(tuned, 'day === 0', 60_000);
    const carried = new URL((await tuned.locator('#compare-link').getAttribute('href'))!, simulator.url);
    expect([carried.searchParams.getAll('set'), carried.searchParams.get('agents')]).toEqual([['--lever sharing=2'], String(AGENTS)]);
    expect(await tuned.locator('#compare-link').getAttribute('title')).toContain('Not carried there (they would change the variant only): tiers[0].organicPerDay=0');
    await close(tuned);
    const bass = await openPage(`${simulator.url}?scenario=validation/bass-recursion`);
    await waitForDay(bass, 'day === 0', 60_000);
    expect(await bass.getByTestId('levers').locator('label.lever').count()).toBe(0);
    expect(await bass.getByTestId('levers').getAttribute('data-levers')).toBe('0');
    await close(bass);
    // In Chinese, the file's Chinese labels.
    const zh = await openPage(`${simulator.url}?set=population.agents=${AGENTS}&lang=zh`);
    await waitForDay(zh, 'day === 0', 60_000);
    const labels = JSON.parse(readFileSync(join(PROJECT, 'scenarios/jd-tencent-2014.json'), 'utf8')).levers.map((l: { label: { zh: string } }) => l.label.zh);
    expect(await zh.getByTestId('levers').locator('label.lever > span').allTextContents()).toEqual(labels);
    // The language switch relabels them, and the headline notes, without a re-run.
    await zh.getByTestId('language').click();
    await expect.poll(() => zh.getByTestId('levers').locator('label.lever > span').allTextContents()).toEqual(declared.map((l) => l.label.en));
    await expect.poll(() => zh.locator('details[data-relation=interactions_national] summary').textContent()).toBe('beside the article');
    await close(zh);
    // The village inherits the levers but drops the interventions two of them move: those are off.
    const village = await openPage(`${simulator.url}?scenario=teaching-village`);
    await waitForDay(village, 'day === 0', 60_000);
    expect(await village.getByTestId('lever-rural-promoters').isDisabled()).toBe(true);
    expect(await village.getByTestId('lever-closed-loop').isDisabled()).toBe(true);
    expect(await village.getByTestId('lever-sharing').isDisabled()).toBe(false);
    await close(village);
  }, 120_000);

  it('rural-promoters=0 gives the same tier-4 difference in the simulator, the compare page and tierwave compare --lever', async () => {
    const runs = [await promotersEffect(SEEDS[0], 'levers-rural-promoters.png'), await promotersEffect(SEEDS[1])];
    const inSimulator = (runs[0].difference + runs[1].difference) / 2;
    expect(runs.map((r) => r.difference).every((d) => d < 0)).toBe(true);
    // The compare page's link: the lever as the variant, same size, seed and date.
    const { link } = runs[0];
    expect(link.searchParams.getAll('set')).toEqual(['--lever rural-promoters=0']);
    expect(Object.fromEntries(['baseline', 'agents', 'seed', 'date'].map((k) => [k, link.searchParams.get(k)]))).toEqual({ baseline: 'jd-tencent-2014', agents: String(AGENTS), seed: String(SEEDS[0]), date: DATE });

    // The compare page's seed is a master seed: with MASTER_SEED its two replicates run SEEDS.
    link.searchParams.set('seed', String(MASTER_SEED));
    link.searchParams.set('replicates', '2');
    link.searchParams.set('tier', 'tier 4');
    link.searchParams.set('run', '1');
    const comparePage = await openPage(`${compare.url}compare.html${link.search}`);
    await expect.poll(() => comparePage.getByTestId('status').textContent(), { timeout: 120_000 }).toBe(' · finished');
    // The caption writes the date as Intl does for the page's language (English here).
    const written = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${DATE}T00:00:00Z`));
    expect(await comparePage.getByTestId('tier-table').locator('caption').textContent()).toContain(written);
    const row = await comparePage.getByTestId('tier-table').locator('tr[data-tier="tier 4"] td').allTextContents();
    const onComparePage = Number(row[3].replace(/,/g, ''));
    await close(comparePage);

    const out = join(scratchDir('levers'), 'compare');
    const cli = await tierwave('compare', 'scenarios/jd-tencent-2014.json', '--lever', 'rural-promoters=0', '--agents', String(AGENTS), '--seed', String(MASTER_SEED), '--replicates', '2', '--out', out, '--quiet');
    expect(cli.code, cli.stderr).toBe(0);
    const [header, ...lines] = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    const columns = header.split(',');
    const cell = (cells: string[], name: string) => cells[columns.indexOf(name)];
    const rows = lines.map((l) => l.split(',')).filter((c) => cell(c, 'tier') === 'tier 4' && cell(c, 'date') === DATE && cell(c, 'metric') === 'customers');
    expect(new Set(rows.map((c) => Number(cell(c, 'seed'))))).toEqual(new Set(SEEDS));
    const total = (variant: string) => rows.filter((c) => cell(c, 'variant') === variant).reduce((sum, c) => sum + Number(cell(c, 'value')), 0);
    const onCommandLine = (total('rural-promoters=0') - total('jd-tencent-2014')) / 2;
    expect({ onComparePage, onCommandLine }).toEqual({ onComparePage: inSimulator, onCommandLine: inSimulator });
  }, 400_000);

  it('pulled while playing, re-run to the day on screen and go on playing, with the run before as a faint line', async () => {
    const page = await openPage(`${simulator.url}?set=population.agents=${AGENTS}&seed=${SEEDS[0]}`);
    await waitForDay(page, 'day === 0', 60_000);
    await page.getByTestId('speed').selectOption('30');
    await page.getByTestId('play').click();
    await waitForDay(page, 'day >= 40', 60_000);
    const pulledAt = await day(page);
    await page.getByTestId('lever-sharing').fill('2');
    await page.waitForURL(/lever=sharing=2/);
    // The re-run lands at the day of the pull and the play goes on past it.
    await expect.poll(() => page.getByTestId('lever-effect').getAttribute('data-day'), { timeout: 60_000 }).not.toBeNull();
    const landed = Number(await page.getByTestId('lever-effect').getAttribute('data-day'));
    expect(landed).toBeGreaterThanOrEqual(pulledAt);
    await waitForDay(page, `day >= ${landed + 20}`, 60_000);
    expect(await page.getByTestId('play').textContent()).toBe('Pause');
    // The world before the change goes on beside the new one: both are read on a day past the pull.
    await expect.poll(async () => Number(await page.getByTestId('lever-effect').getAttribute('data-day'))).toBeGreaterThanOrEqual(landed + 20);
    const chart = page.getByTestId('adoption-chart');
    expect(await chart.locator('path.before').count()).toBe(5);
    expect(await chart.locator('text.before-key').textContent()).toBe('faint dashed: before sharing=2');
    const before = await chart.locator('path.before[data-before="all"]').getAttribute('d');
    const after = await chart.locator('path.tier[data-tier="all"]').getAttribute('d');
    expect(before).toBeTruthy();
    expect(after).not.toBe(before);
    // Sharing twice as much: more customers after than before.
    expect(Number(await page.getByTestId('lever-effect').locator('tr[data-tier="all"] td.difference').getAttribute('data-value'))).toBeGreaterThan(0);
    await close(page, 'levers-while-playing.png');
  }, 180_000);
});
