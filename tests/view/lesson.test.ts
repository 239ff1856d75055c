// A lesson in a real browser: question → prediction (Play and Run stay shut until the class
// commits) → run → reveal, with the revealed figure checked against the same world run here in
// the test thread and measured from its definition; the presenter keys, the language switch and
// the permalink; and an accessibility check (axe-core) of the simulator, a lesson and presenter mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, seriousViolations, serveSimulator, type Served } from '../support/browser.ts';
import { loadLessonFile } from '../../src/cli/lessons/load-lesson.ts';
import { chapterDays, chapterOverrides } from '../../src/experiments/lesson-file.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { createParts, createWorld, dayOfDate, dayParameters, runWorld, seriesValue, NEVER, type DailySeries, type World } from '../../src/engine/index.ts';

const lesson = loadLessonFile('lessons/follow-a-share.json');

/** A chapter's world as the page runs it (its overrides and its days as the end), played to the end in this thread. */
function playChapter(index: number): { world: World; series: DailySeries } {
  const chapter = lesson.lesson.chapters[index];
  const days = chapterDays(chapter, lesson.worlds[index]);
  const scenario = loadScenarioFile(`scenarios/${chapter.scenario.id}.json`, [...chapterOverrides(chapter), { path: 'days', value: days }]).scenario;
  const seed = chapter.scenario.seed ?? scenario.seed;
  const params = dayParameters(scenario);
  const world = createWorld(scenario, seed, createParts(scenario, seed, params), params);
  return { world, series: runWorld(world).series };
}

let browser: Browser;
let server: Served;
let simulator: Awaited<ReturnType<typeof serveSimulator>> | undefined;

beforeAll(async () => {
  simulator = await serveSimulator();
  ({ server, browser } = simulator);
});

afterAll(async () => {
  await simulator?.close();
});

async function openPage(query: string, viewport = { width: 1400, height: 1000 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}${query}`);
  return { page, problems };
}

const ready = (page: Page) => page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid=day]')!.textContent!) && !/building|replaying|starting/.test(document.querySelector('[data-testid=status]')!.textContent!), undefined, { timeout: 60_000 });
const testid = (page: Page, id: string) => page.locator(`[data-testid=${id}]`);
const query = (page: Page) => new URL(page.url()).searchParams;

/** Commits the prediction by key, runs the chapter as fast as the page goes, reveals by key; returns the revealed figure. */
async function runAndReveal(page: Page): Promise<number> {
  await page.keyboard.press('Enter');
  await expect.poll(() => testid(page, 'lesson-run').isEnabled()).toBe(true);
  await testid(page, 'lesson-run').click();
  await testid(page, 'speed').selectOption('max');
  await expect.poll(() => testid(page, 'lesson-reveal').isEnabled(), { timeout: 60_000 }).toBe(true);
  await page.locator('body').focus();
  await page.keyboard.press('r');
  const result = testid(page, 'lesson-result');
  await result.waitFor();
  return Number(await result.getAttribute('data-value'));
}

describe('a lesson, chapter by chapter', () => {
  it('question → prediction → run → reveal; the revealed share of tier-4 customers told by a tier-1 friend is the world’s', async () => {
    const { page, problems } = await openPage('?lesson=follow-a-share&chapter=1');
    await testid(page, 'lesson').locator('h2').waitFor();
    await ready(page);
    expect(await testid(page, 'lesson-run').isDisabled()).toBe(true);
    expect(await testid(page, 'lesson-reveal').isDisabled()).toBe(true);

    // Play before the class has committed: nothing plays, and the page says why.
    await page.locator('body').focus();
    await page.keyboard.press(' ');
    await testid(page, 'lesson').locator('.lesson-hint').waitFor();
    expect(await testid(page, 'day').textContent()).toBe('0');

    await testid(page, 'lesson-slider').fill('35');
    const revealed = await runAndReveal(page);
    expect(await testid(page, 'lesson-reveal-panel').textContent()).toContain('35 %');

    // The oracle: the same world in this thread; of the tier-4 agents who bought by the last day,
    // the share whose converting friend lives in tier 1.
    const { world } = playChapter(0);
    const { adoptDay, firstSource } = world.state;
    const tier = world.population.tier;
    let customers = 0;
    let fromTierOne = 0;
    for (let a = 0; a < tier.length; a++) {
      if (tier[a] !== 3 || adoptDay[a] === NEVER) continue;
      customers++;
      if (firstSource[a] >= 0 && tier[firstSource[a]] === 0) fromTierOne++;
    }
    expect(customers).toBeGreaterThan(0);
    expect(revealed).toBeCloseTo((100 * fromTierOne) / customers, 9);
    expect(query(page).get('lesson')).toBe('follow-a-share');
    expect(query(page).get('chapter')).toBe('1');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('keys move between chapters, the language switch shows Chinese and the permalink carries it; the 11.11 chapter reveals the social share', async () => {
    const { page, problems } = await openPage('?lesson=follow-a-share&chapter=1', { width: 1440, height: 900 });
    await testid(page, 'lesson').locator('h2').waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('N');
    await expect.poll(() => query(page).get('chapter')).toBe('2');
    await page.keyboard.press('PageUp');
    await expect.poll(() => query(page).get('chapter')).toBe('1');
    await page.keyboard.press('PageDown');
    await expect.poll(() => query(page).get('chapter')).toBe('2');
    await testid(page, 'lesson-language').click();
    await expect.poll(() => query(page).get('lang')).toBe('zh');
    const question = await testid(page, 'lesson').locator('.lesson-question').textContent();
    expect(question).toBe(lesson.lesson.chapters[1].question.zh);
    expect(await testid(page, 'lesson').getAttribute('lang')).toBe('zh-CN');
    await ready(page);

    await testid(page, 'lesson-choice-2').check();
    await testid(page, 'lesson-choice-2').focus();
    const revealed = await runAndReveal(page);
    const panel = await testid(page, 'lesson-reveal-panel').textContent();
    expect(panel).toContain(lesson.lesson.chapters[1].reveal.zh);
    expect(panel).toContain('一半到四分之三');

    // The oracle: new buyers through the three social channels over all new buyers, 1–11 November.
    const chapter = lesson.lesson.chapters[1];
    const { world, series } = playChapter(1);
    const measure = chapter.measure as { from: string; to: string };
    let social = 0;
    let all = 0;
    for (let d = dayOfDate(world.scenario.start, measure.from); d <= dayOfDate(world.scenario.start, measure.to); d++) {
      all += seriesValue(series, d, 4, 'new_customers');
      social += seriesValue(series, d, 4, 'new_customers_direct') + seriesValue(series, d, 4, 'new_customers_group') + seriesValue(series, d, 4, 'new_customers_feed');
    }
    expect(all).toBeGreaterThan(0);
    expect(revealed).toBeCloseTo((100 * social) / all, 9);
    // The README's docs/lesson-reveal-zh.png is this picture, copied by hand (tests do not write docs/).
    await page.screenshot({ path: await artifactPath('lesson-reveal-zh.png') });
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('a lesson on a phone', () => {
  it('at 390 px the lesson panel does not scroll sideways', async () => {
    const { page, problems } = await openPage('?lesson=tier-four-towns&chapter=1', { width: 390, height: 844 });
    await testid(page, 'lesson').locator('h2').waitFor();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, lesson: document.querySelector('[data-testid=lesson]')!.scrollWidth, view: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    expect(widths.lesson).toBeLessThanOrEqual(widths.view);
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('accessibility (axe-core)', () => {
  it('the simulator, a lesson and presenter mode have no serious or critical violations', async () => {
    const { page, problems } = await openPage('?scenario=teaching-village');
    await ready(page);
    expect(await seriousViolations(page), 'simulator').toEqual([]);
    await page.goto(`${server.url}?lesson=follow-a-share&chapter=2&lang=zh`);
    await ready(page);
    await testid(page, 'lesson-choice-1').check();
    await runAndReveal(page);
    expect(await seriousViolations(page), 'lesson').toEqual([]);
    await page.locator('body').focus();
    await page.keyboard.press('P');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    expect(await seriousViolations(page), 'presenter mode').toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
});
