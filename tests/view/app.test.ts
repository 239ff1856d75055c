// The page in a real browser (Debian's Chromium through playwright-core), built with vite and served
// twice: by `vite preview` with the COOP/COEP headers (cross-origin isolated, SharedArrayBuffer) and
// by a plain static server without them. Worlds are kept small with `set=` overrides in the address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, buildPage, closeWatchedPage, openWatchedPage, launchChromium, removeBuild, servePreview, serveStatic, waitForDay, type Served } from '../support/browser.ts';

const SMALL = '?set=population.agents=20000';
const BAD_FILE = `{
  "name": "bad-world",
  "tiers": [
    { "name": "only", "share": "all of them" }
  ],
  "days": -5
}
`;
const GOOD_FILE = JSON.stringify({
  name: 'dropped-world',
  days: 40,
  population: { agents: 3000 },
  tiers: [
    { name: 'big city', share: 0.2, organicPerDay: 0.002, initialCustomers: 0.05 },
    { name: 'small town', share: 0.8, organicPerDay: 0.001, offlinePerDay: 0.002 },
  ],
});

let outDir = '';
let browser: Browser;
const servers: Record<'isolated' | 'plain', Served> = {} as never;

beforeAll(async () => {
  outDir = await buildPage();
  [servers.isolated, servers.plain, browser] = await Promise.all([servePreview(outDir), serveStatic(outDir), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
  if (outDir) await removeBuild(outDir);
});

const openPage = (url: string) => openWatchedPage(browser, url);

const text = (page: Page, testId: string) => page.locator(`[data-testid=${testId}]`).textContent();
const day = async (page: Page) => Number(await text(page, 'day'));
const customers = async (page: Page) => Number((await text(page, 'customers-total'))!.replace(/,/g, ''));

/** Charts and figures are drawn on the next animation frame after a day arrives. */
async function drawn(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const close = closeWatchedPage;

describe.each([
  { mode: 'isolated' as const, title: 'cross-origin isolated (vite preview, SharedArrayBuffer)' },
  { mode: 'plain' as const, title: 'on a plain static host (no COOP/COEP, no SharedArrayBuffer)' },
])('the page $title', ({ mode }) => {
  const url = (query = '') => `${servers[mode].url}${query}`;

  it('opens the default scenario ready to play, and playing makes the day and the customers grow', async () => {
    const page = await openPage(url());
    await waitForDay(page, 'day === 0');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(mode === 'isolated');
    expect(await page.locator('[data-testid=scenario-picker]').inputValue()).toBe('jd-tencent-2014');
    expect(await text(page, 'status')).toContain(mode === 'isolated' ? '· shared memory' : 'no shared memory');
    const before = await customers(page);
    expect(before).toBeGreaterThan(0);
    await page.selectOption('[data-testid=speed]', '30');
    await page.click('[data-testid=play]');
    await waitForDay(page, 'day >= 60');
    await page.click('[data-testid=play]');
    expect(await text(page, 'play')).toBe('Play');
    expect(await customers(page)).toBeGreaterThan(before);
    await close(page, `view-${mode}-playing.png`);
  });

  it('steps one day with the step button, with → and plays and pauses with space', async () => {
    const page = await openPage(url(SMALL));
    await waitForDay(page, 'day === 0');
    await page.click('[data-testid=step]');
    await waitForDay(page, 'day === 1');
    await page.keyboard.press('ArrowRight');
    await waitForDay(page, 'day === 2');
    await page.keyboard.press(' ');
    await waitForDay(page, 'day >= 5');
    await page.keyboard.press(' ');
    expect(await text(page, 'play')).toBe('Play');
    // A batch of days already sent to the workers may still land just after the pause; from then on
    // the day must stand still.
    await page.waitForTimeout(300);
    const paused = await day(page);
    await page.waitForTimeout(700);
    expect(await day(page)).toBe(paused);
    await close(page);
  });

  it('switches scenario from the picker and runs the new world from day 0', async () => {
    const page = await openPage(url(SMALL));
    await waitForDay(page, 'day === 0');
    const options = await page.locator('[data-testid=scenario-picker] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const other = options.includes('teaching-village') ? 'teaching-village' : options.find((o) => o !== 'jd-tencent-2014');
    expect(other, 'a second bundled scenario to switch to').toBeDefined();
    await page.selectOption('[data-testid=scenario-picker]', other!);
    await page.waitForURL(new RegExp(`scenario=${other}`));
    await waitForDay(page, 'day === 0');
    await page.waitForFunction(() => !/building|replaying|starting/.test(document.querySelector('[data-testid=status]')!.textContent!));
    await page.click('[data-testid=step]');
    await waitForDay(page, 'day === 1');
    expect(page.url()).not.toContain('population.agents');
    await close(page, `view-${mode}-switched.png`);
  });

  it('shows a bad scenario file’s problems with file:line and field, then runs a good file dropped on the page', async () => {
    const page = await openPage(url(SMALL));
    await waitForDay(page, 'day === 0');
    await page.setInputFiles('[data-testid=scenario-file]', { name: 'bad-world.json', mimeType: 'application/json', buffer: Buffer.from(BAD_FILE) });
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ state: 'visible' });
    const shown = await error.textContent();
    expect(shown).toContain('bad-world.json:4:32');
    expect(shown).toContain('tiers[0].share');
    expect(shown).toContain('expected a number in [0, 1]');
    expect(shown).toContain('bad-world.json:6');
    expect(await page.locator('[data-testid=scenario-picker]').inputValue()).toBe('jd-tencent-2014');
    await page.screenshot({ path: await artifactPath(`view-${mode}-bad-file.png`), fullPage: true });

    const drop = await page.evaluateHandle((json) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], 'dropped-world.json', { type: 'application/json' }));
      return transfer;
    }, GOOD_FILE);
    await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
    await error.waitFor({ state: 'hidden' });
    await page.waitForURL(/scenario=file:dropped-world\.json/);
    await waitForDay(page, 'day === 0');
    expect(await text(page, 'status')).toContain('3,000 agents');
    await close(page);
  });

  it('a permalink opens the same world on the same day with the same numbers', async () => {
    const page = await openPage(url(`${SMALL}&seed=7`));
    await waitForDay(page, 'day === 0');
    await page.selectOption('[data-testid=speed]', '100');
    await page.click('[data-testid=play]');
    await waitForDay(page, 'day >= 120');
    await page.click('[data-testid=play]');
    await page.click('[data-testid=step]');
    await page.waitForFunction(() => /day=\d+/.test(location.search) && location.search.includes(`day=${document.querySelector('[data-testid=day]')!.textContent}`));
    await drawn(page);
    const link = page.url();
    const seen = { day: await day(page), customers: await customers(page), headline: await text(page, 'headline') };
    expect(link).toContain('seed=7');
    await close(page);

    const again = await openPage(link);
    await waitForDay(again, `day === ${seen.day}`);
    await drawn(again);
    expect({ day: await day(again), customers: await customers(again), headline: await text(again, 'headline') }).toEqual(seen);
    await close(again, `view-${mode}-permalink.png`);
  });
});

describe('the page', () => {
  it('gives the same numbers for the same link with and without shared memory', async () => {
    const query = `${SMALL}&seed=3&day=200`;
    const figures = [];
    for (const server of [servers.isolated, servers.plain]) {
      const page = await openPage(`${server.url}${query}`);
      await waitForDay(page, 'day === 200');
      await drawn(page);
      figures.push({ customers: await customers(page), headline: await text(page, 'headline') });
      await close(page);
    }
    expect(figures[1]).toEqual(figures[0]);
  });

  it('names a bad override in a link, and shows the scenario without it', async () => {
    const page = await openPage(`${servers.isolated.url}?scenario=teaching-village&set=population.agents=lots`);
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/--set population\.agents=lots.*population\.agents.*expected/);
    await waitForDay(page, 'day === 0');
    expect(await text(page, 'status')).toContain('300 agents');
    await close(page);
  });

  it('re-runs the world to the day on screen when a lever changes, from day 0 when the seed does, and the link carries them', async () => {
    const page = await openPage(`${servers.isolated.url}${SMALL}&day=30`);
    await waitForDay(page, 'day === 30');
    // The default scenario brings closed-loop checkout by an intervention: its lever moves that intervention.
    await page.uncheck('[data-testid=lever-closed-loop]');
    await page.waitForURL(/lever=closed-loop=false/);
    await waitForDay(page, 'day === 30');
    expect(page.url()).toContain('set=population.agents=20000');
    expect(await page.locator('[data-testid=adoption-chart] .marker-key li').allTextContents()).toContain('2015-03-01 closed-loop WeChat Pay checkout → off');
    await page.selectOption('[data-testid=lever-targeting]', 'instant');
    await page.waitForURL(/lever=targeting=instant/);
    await page.locator('[data-testid=lever-sharing]').fill('2');
    await page.waitForURL(/lever=sharing=2/);
    await page.fill('[data-testid=seed]', '99');
    await page.press('[data-testid=seed]', 'Enter');
    await page.waitForURL(/seed=99/);
    await waitForDay(page, 'day === 0');
    await page.click('[data-testid=step]');
    await waitForDay(page, 'day === 1');
    expect(page.url()).toMatch(/lever=closed-loop=false&lever=targeting=instant&lever=sharing=2&day=1/);
    // A lever set back to where the file has it is no longer pulled.
    await page.check('[data-testid=lever-closed-loop]');
    await page.waitForURL((url) => !url.search.includes('closed-loop'));
    await waitForDay(page, 'day === 1');
    await page.click('[data-testid=reset]');
    await waitForDay(page, 'day === 0');
    expect(page.url()).toMatch(/lever=targeting=instant&lever=sharing=2/);
    await close(page, 'view-levers.png');
  });

  it('refuses a lever value outside its range from a link, naming the --lever, and shows the scenario without it', async () => {
    const page = await openPage(`${servers.isolated.url}${SMALL}&lever=rural-promoters=0.5`);
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/--lever rural-promoters=0\.5\s*rural-promoters\s*expected a number in \[0, 0\.005\] \(probability per day\), got 0\.5/);
    await waitForDay(page, 'day === 0');
    expect(page.url()).not.toContain('lever=');
    await close(page);
  });

  it('says under each headline figure how it relates to the article’s, and leaves the note out where the figure does not apply', async () => {
    const page = await openPage(`${servers.isolated.url}${SMALL}&day=10`);
    await waitForDay(page, 'day === 10');
    await drawn(page);
    const notes = page.locator('[data-testid=headline] details[data-relation]');
    expect(await notes.count()).toBe(5);
    for (const note of await notes.all()) expect(await note.isVisible()).toBe(true);
    // Readable without hovering: a click opens it.
    const interactions = page.locator('details[data-relation=interactions_national]');
    await interactions.locator('summary').click();
    // 668 million internet users over the 20,000 agents of this link: 33,400 people per agent.
    const perAgent = (668_000_000 / 20_000).toLocaleString('en-US');
    expect(await interactions.locator('p').textContent()).toContain(`each agent standing for ${perAgent} people`);
    expect(await interactions.locator('p').textContent()).toContain('806 million');
    expect(await page.locator('details[data-relation=social_share_of_new_buyers_2015_11_11] p').textContent()).toContain('52 %');
    await close(page);
    // The village: one agent is one person, so national figures are hidden with their notes; Q1 2016 is after its run.
    const village = await openPage(`${servers.isolated.url}?scenario=teaching-village`);
    await waitForDay(village, 'day === 0');
    await drawn(village);
    for (const key of ['interactions_national', 'peak_day_data_events_national', 'social_gmv_growth_q1_2016']) {
      expect(await village.locator(`details[data-relation=${key}]`).isVisible(), key).toBe(false);
    }
    expect(await village.locator('details[data-relation=social_share_of_new_buyers_2015_11_11]').isVisible()).toBe(true);
    await close(village);
  });

  it('shows the default world at day 550: four tiers, both charts marked with 618 and 11.11, the headline figures', async () => {
    const page = await openPage(`${servers.isolated.url}?day=550`);
    await waitForDay(page, 'day === 550', 120_000);
    await drawn(page);
    for (const chart of ['adoption-chart', 'channel-chart']) {
      const marks = await page.locator(`[data-testid=${chart}] .marker.festival text`).allTextContents();
      expect(marks).toEqual(expect.arrayContaining(['618', '11.11']));
      expect(await page.locator(`[data-testid=${chart}] figcaption`).textContent()).not.toBe('');
    }
    expect(await page.locator('[data-testid=adoption-chart] .tier-name').allTextContents()).toEqual(expect.arrayContaining(['tier 1', 'tier 2', 'tier 3', 'tier 4']));
    const socialShare = await page.locator('[data-figure=social_share_of_new_buyers_2015_11_11] td.model').textContent();
    expect(socialShare).toMatch(/^\d+%$/); // Intl en-US percent
    await page.waitForTimeout(300);
    await close(page, 'default-day-550.png');
  });
});

describe('the page refuses hostile input', () => {
  const url = (query: string) => `${servers.isolated.url}${query}`;

  it('refuses ?set=__proto__.polluted=1 naming the override, pollutes nothing, and shows the world without it', async () => {
    const page = await openPage(url('?scenario=teaching-village&set=__proto__.polluted=1'));
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ state: 'visible' });
    const shown = await error.textContent();
    expect(shown).toContain('--set __proto__.polluted=1');
    expect(shown).toContain('"__proto__" is not allowed as a field name');
    expect(shown).not.toContain('.json:1:1');
    await waitForDay(page, 'day === 0');
    expect(await text(page, 'status')).toContain('300 agents');
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    // Another scenario still opens (before, every scenario failed until a reload).
    await page.selectOption('[data-testid=scenario-picker]', 'jd-tencent-2014');
    await waitForDay(page, 'day === 0');
    await close(page);
  });

  it('refuses 500,000,000 agents before building, with the command line’s estimate', async () => {
    const started = Date.now();
    const page = await openPage(url('?scenario=teaching-village&set=population.agents=500000000'));
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ state: 'visible' });
    const shown = (await error.textContent())!;
    // The engine's estimate (memory-estimate.ts): at least state and traits, > 100 bytes per agent.
    const match = /this world needs about ([\d.]+) GiB \((\d+) bytes per agent\) but at most ([\d.]+) GiB is available/.exec(shown);
    expect(match, shown).not.toBeNull();
    const [needs, perAgent, limit] = match!.slice(1).map(Number);
    expect(needs).toBeCloseTo((perAgent * 500_000_000) / 2 ** 30, 0);
    expect(needs).toBeGreaterThan(limit);
    expect(limit).toBeLessThanOrEqual(4);
    await waitForDay(page, 'day === 0');
    expect(await text(page, 'status')).toContain('300 agents');
    // Building it took 36 s and 7.4 GB before; the refusal comes with the page.
    expect(Date.now() - started).toBeLessThan(30_000);
    await close(page);
  });

  it('shows line and field for a scenario file nested 2,000 levels deep, and for a byte that is not UTF-8', async () => {
    const page = await openPage(url(SMALL));
    await waitForDay(page, 'day === 0');
    const deep = `{\n  "name": "deep",\n  "network": { "mixing": ${'{"mixing": '.repeat(2000)}1${'}'.repeat(2000)} }\n}`;
    await page.setInputFiles('[data-testid=scenario-file]', { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ state: 'visible' });
    const shown = (await error.textContent())!;
    expect(shown).toMatch(/deep\.json:3:\d+/);
    expect(shown).toContain('network.mixing.mixing');
    expect(shown).toContain('nested more than 32 levels deep');
    const latin1 = Buffer.concat([Buffer.from('{\n  "name": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]);
    await page.setInputFiles('[data-testid=scenario-file]', { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
    // Line 2, the column after `  "name": "caf`.
    await expect.poll(() => error.textContent()).toContain(`latin1.json:2:${'  "name": "caf'.length + 1}`);
    expect(await error.textContent()).toContain('not UTF-8 text (byte 0xe9');
    await close(page);
  });

  it('does not use a seed beyond 2³²−1 from a link, and says so', async () => {
    const page = await openPage(url('?scenario=teaching-village&seed=18446744073709551616'));
    const error = page.locator('[data-testid=error]');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain('seed: expected a whole number in [0, 4294967295], got 18446744073709551616');
    await waitForDay(page, 'day === 0');
    expect(await page.locator('#seed').inputValue()).not.toBe('18446744073709551616');
    await close(page);
  });
});
