// editor.html in Chromium, with the simulator and the compare page it hands scenarios to: an edited
// field survives download → load, an invalid edit shows the loader's own lines, the link opens the
// edited world in the simulator, and the compare page takes the file (or refuses a bad one as the CLI).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousViolations, servePages, type Served } from '../support/browser.ts';
import { formatIssue, ScenarioError } from '../../src/scenario/issues.ts';
import { resolveScenario } from '../../src/scenario/load.ts';
import { canChangeDuringRun } from '../../src/scenario/interventions.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { createParts, createWorld, dayParameters, runWorld, seriesValue } from '../../src/engine/index.ts';

const SOURCE = 'scenarios/jd-tencent-2014.json';
const folder = mkdtempSync(join(tmpdir(), 'tierwave-editor-'));
/** Extended files as the CLI reads them, from the project folder. */
const readProjectFile = (path: string) => readFileSync(path, 'utf8');

let server: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([servePages(['editor.html', 'index.html', 'compare.html']), launchChromium()]);
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const field = (path: string) => page.locator(`[data-testid="field:${path}"]`);

/** Opens the groups around a field, as a user clicks them open. */
async function reveal(path: string): Promise<void> {
  const groups = ['population', 'tiers', 'tiers[3]', 'network', 'interventions'].filter((g) => path.startsWith(`${g}.`) || path.startsWith(`${g}[`));
  for (const group of groups) {
    const details = page.locator(`details[data-path="${group}"]`);
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator(':scope > summary').click();
  }
}

/** Types a value into a field and leaves it, as a user does. */
async function edit(path: string, value: string): Promise<void> {
  await reveal(path);
  await field(path).fill(value);
  await field(path).press('Tab');
}

async function downloadedText(): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** The loader's lines for a text, as `tierwave validate` prints them. */
function loaderLines(text: string, file: string): string[] {
  try {
    resolveScenario(text, file, readProjectFile);
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.issues.map(formatIssue);
  }
}

const issueLines = () =>
  page.locator('[data-testid=issues] tr.issue').evaluateAll((rows) => rows.map((row) => {
    const [where, path, message] = [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '');
    return path.startsWith('(') || path.startsWith('（') ? `${where}: ${message}` : `${where} ${path}: ${message}`;
  }));

describe('editor.html', () => {
  it('an edited field round-trips through download and load, and the file is the opened one with the edits', async () => {
    await page.goto(`${server.url}editor.html?scenario=jd-tencent-2014`);
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/^Valid/);
    await edit('tiers[3].offlinePerDay', '0.0021');
    await edit('population.agents', '12345');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/^Valid/);
    const { name, text } = await downloadedText();
    expect(name).toBe('jd-tencent-2014.json');
    // The file opened, with exactly the two edits: no default or inherited field written besides.
    const expected = JSON.parse(readFileSync(SOURCE, 'utf8')) as { tiers: Record<string, unknown>[]; population: Record<string, unknown> };
    expected.tiers[3].offlinePerDay = 0.0021;
    expected.population.agents = 12345;
    expect(JSON.parse(text)).toEqual(expected);
    const path = join(folder, name);
    writeFileSync(path, text);
    const loaded = loadScenarioFile(path).scenario;
    expect(loaded.tiers[3].offlinePerDay).toBe(0.0021);
    expect(loaded.population.agents).toBe(12345);

    await page.goto(`${server.url}editor.html?scenario=no-rural-promoters`);
    await page.getByTestId('scenario-file').setInputFiles(path);
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe(name);
    await reveal('tiers[3].offlinePerDay');
    await reveal('population.agents');
    expect(await field('tiers[3].offlinePerDay').inputValue()).toBe('0.0021');
    expect(await field('population.agents').inputValue()).toBe('12345');
    expect(await page.getByTestId('verdict').textContent()).toMatch(/^Valid/);
  });

  it('an invalid edit shows the lines the loader prints for the same text, and no link poses as valid', async () => {
    await page.goto(`${server.url}editor.html?scenario=jd-tencent-2014`);
    await edit('tiers[3].offlinePerDay', '1.5');
    await edit('population.agents', 'many');
    const { text } = await downloadedText();
    const lines = loaderLines(text, SOURCE);
    expect(lines.length).toBe(2);
    expect(lines.some((line) => line.includes('tiers[3].offlinePerDay'))).toBe(true);
    await expect.poll(issueLines).toEqual(lines);
    expect(await page.getByTestId('verdict').textContent()).toMatch(/^2 problems/);
    // Beside the field too, and the links that would open it elsewhere are withdrawn.
    const beside = page.locator('[data-path="population.agents"] > .problem');
    expect(lines).toContain(await beside.textContent());
    for (const link of ['permalink', 'use-baseline', 'use-variant']) expect(await page.getByTestId(link).getAttribute('href')).toBeNull();
    // The editor's own address keeps the file as it stands, invalid too: a reload opens the same text.
    await expect.poll(() => new URL(page.url()).searchParams.has('scenario-text')).toBe(true);
    await page.reload();
    await expect.poll(issueLines).toEqual(lines);
    // The groups are closed again, but the ones holding a problem say so, and the list takes you there.
    expect(await page.locator('details[data-path="tiers"]').evaluate((d) => [(d as HTMLDetailsElement).open, d.classList.contains('holds-problem')])).toEqual([false, true]);
    expect(await page.locator('details[data-path="network"]').evaluate((d) => d.classList.contains('holds-problem'))).toBe(false);
    await page.getByTestId('issues').getByRole('button', { name: 'tiers[3].offlinePerDay' }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('field:tiers[3].offlinePerDay');
    await reveal('population.agents');
    expect(await field('population.agents').inputValue()).toBe('many');
    // A link cut short when copied: the default world opens, and the page says why the link's did not.
    const address = new URL(page.url());
    address.searchParams.set('scenario-text', address.searchParams.get('scenario-text')!.slice(0, 40));
    await page.goto(address.href);
    await expect.poll(() => page.getByTestId('issues').textContent()).toMatch(/scenario-text cannot be read .*cut short/);
    expect(await page.getByTestId('file-name').textContent()).toBe(SOURCE);
  });

  it('shows a field the schema does not know with the loader’s guess, and clearing it makes the file valid', async () => {
    const typo = readFileSync(SOURCE, 'utf8').replace('"offlinePerDay": 0.0001', '"offlinePerDy": 0.0001');
    expect(typo).not.toBe(readFileSync(SOURCE, 'utf8'));
    await page.goto(`${server.url}editor.html`);
    await page.getByTestId('scenario-file').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(typo) });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('typo.json');
    const { text } = await downloadedText();
    await expect.poll(issueLines).toEqual(loaderLines(text, 'typo.json'));
    expect((await issueLines()).join('\n')).toMatch(/offlinePerDy.*offlinePerDay/);
    await reveal('tiers[3].offlinePerDy');
    await field('tiers[3].offlinePerDy').fill('');
    await field('tiers[3].offlinePerDy').press('Tab');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/^Valid/);
  });

  it('the calendar shows each intervention, opens its fields when chosen, and adds one on a date inside the run', async () => {
    await page.goto(`${server.url}editor.html?scenario=jd-tencent-2014`);
    await expect.poll(() => page.locator('[data-testid="mark:interventions[1]"]').count()).toBe(1);
    await page.locator('[data-testid="mark:interventions[1]"]').click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('field:interventions[1].name');
    await page.getByTestId('calendar-date').fill('2015-11-01');
    await page.getByTestId('calendar-add-interventions').click();
    await expect.poll(() => page.locator('[data-testid="mark:interventions[3]"]').count()).toBe(1);
    expect(await field('interventions[3].from').inputValue()).toBe('2015-11-01');
    // Its path field suggests the fields an intervention may change, for this scenario's four tiers.
    const choices = await field('interventions[3].path').evaluate((input) => [...(input as HTMLInputElement).list!.options].map((o) => o.value));
    expect(choices).toEqual(expect.arrayContaining(['tiers[3].offlinePerDay', 'tiers[0].adReachPerDay', 'payment.closedLoop', 'targeting.mode']));
    expect(choices.every((path) => canChangeDuringRun(path))).toBe(true);
    expect(choices).not.toContain('tiers[3].share');
    // It has no field to change yet: the loader says so, and the calendar keeps the date in the run.
    await expect.poll(issueLines).toEqual(loaderLines((await downloadedText()).text, SOURCE));
    expect(await page.getByTestId('calendar-date').getAttribute('max')).toBe('2016-06-30');
    // Moved past the run's end (the CLI accepts it: it never fires), it leaves the strip for a notice.
    await edit('interventions[3].from', '2017-01-01');
    await expect.poll(() => page.locator('[data-testid="mark:interventions[3]"]').count()).toBe(0);
    expect(await page.getByTestId('calendar-notices').textContent()).toMatch(/new intervention on Jan 1, 2017 lies outside the run \(to Jun 30, 2016\)/);
  });

  it('the link opens the edited world in the simulator, with the edited values in effect', async () => {
    await page.goto(`${server.url}editor.html?scenario=jd-tencent-2014`);
    await edit('population.agents', '2000');
    await page.locator('details[data-path="$general"]').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await field('days').fill('30');
    await field('days').press('Tab');
    await expect.poll(() => page.getByTestId('permalink').getAttribute('href')).toMatch(/scenario-text=/);
    const { text } = await downloadedText();
    await page.goto(new URL(`${(await page.getByTestId('permalink').getAttribute('href'))!}&day=30`, `${server.url}editor.html`).href);
    await page.waitForFunction(() => document.querySelector('[data-testid=day]')?.textContent === '30', undefined, { timeout: 60_000 });
    // The same world run here in Node from the downloaded text: 2,000 agents, 30 days, the file's seed.
    const scenario = resolveScenario(text, SOURCE, readProjectFile).scenario;
    const params = dayParameters(scenario);
    const { series } = runWorld(createWorld(scenario, scenario.seed, createParts(scenario, scenario.seed, params), params));
    const customers = seriesValue(series, 30, series.tiers, 'customers');
    await expect.poll(() => page.locator('#customers-total').textContent()).toBe(customers.toLocaleString('en-US'));
    expect(new URL(page.url()).searchParams.get('scenario-text')).not.toBeNull();
    // And back: the simulator's "Edit a scenario" opens this very file in the editor.
    expect(new URL((await page.locator('#editor-link').getAttribute('href'))!, page.url()).searchParams.get('scenario-text')).toBe(new URL(page.url()).searchParams.get('scenario-text'));
  });

  it('"use as variant" carries the edited file into the compare page, which runs it beside its source', async () => {
    await page.goto(`${server.url}editor.html?scenario=jd-tencent-2014`);
    await edit('tiers[3].offlinePerDay', '0');
    await expect.poll(() => page.getByTestId('use-variant').getAttribute('href')).toMatch(/variant=file%3Ajd-tencent-2014\.json&scenario-text=/);
    await page.getByTestId('use-variant').click();
    await page.waitForURL(/compare\.html/);
    await expect.poll(() => page.locator('[data-testid="variant-file:jd-tencent-2014.json"]').isChecked()).toBe(true);
    expect(await page.getByTestId('baseline').inputValue()).toBe('jd-tencent-2014');
    await page.getByTestId('agents').fill('2000');
    await page.getByTestId('replicates').fill('2');
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 90_000 }).toBe(' · finished');
    expect(await page.getByTestId('diff-chart').locator('path[data-band="interval"]').count()).toBe(1);
    expect(await page.getByTestId('permalink').getAttribute('href')).toMatch(/scenario-text=/);
  });

  it('the compare page refuses a bad file with the lines the CLI prints for it, and takes a good one as baseline', async () => {
    await page.goto(`${server.url}compare.html`);
    const bad = readFileSync(SOURCE, 'utf8').replace('"days": 770', '"days": -1').replace('"share": 0.081', '"share": "0.081"');
    await page.getByTestId('variant-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const lines = loaderLines(bad, 'bad.json');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const shown = () =>
      page.locator('[data-testid=error] tr.issue').evaluateAll((rows) => rows.map((row) => {
        const [where, path, message] = ['where', 'field', 'message'].map((name) => row.querySelector(`td.${name}`)?.textContent ?? '');
        return path === '(the file)' ? `${where}: ${message}` : `${where} ${path}: ${message}`;
      }));
    await expect.poll(shown).toEqual(lines);
    const good = join(folder, 'promoters-doubled.json');
    writeFileSync(good, readFileSync(SOURCE, 'utf8').replace('"value": 0.0015', '"value": 0.003'));
    await page.getByTestId('baseline-file').setInputFiles(good);
    await expect.poll(() => page.getByTestId('baseline').inputValue()).toBe('file:promoters-doubled.json');
  });

  it('has no serious or critical accessibility violation, and no sideways scroll at 390 px', async () => {
    await page.goto(`${server.url}editor.html?scenario=no-rural-promoters`);
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/^Valid/);
    await edit('population.agents', 'many');
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
});
