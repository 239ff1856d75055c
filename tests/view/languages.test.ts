// The three pages in Chinese, in a real browser: with `lang=zh` no English string of the catalogue
// is left anywhere a reader sees it (text, aria-label, title, alt, placeholder, the document title),
// once the pages show results; the switch in the header changes the language in place and the
// permalink carries it; large counts are written as 亿 and 万 in Chinese and in words in English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, servePages, waitForDay, type Served } from '../support/browser.ts';
import en from '../../src/view/shared/words/en.json';
import zh from '../../src/view/shared/words/zh.json';
import { headline } from '../../src/engine/headline.ts';
import { seriesLength } from '../../src/engine/metrics.ts';
import { loadScenarioFile } from '../../src/scenario/node.ts';
import { formatLargeCount } from '../../src/view/shared/language.ts';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : flatten(v)));

/**
 * Names a Chinese text keeps as written: product and company names, the file formats on the
 * download buttons, the sensitivity methods and their symbols, and key names on the keyboard.
 */
const NAMES = ['GMV', 'QQ', 'WeChat', 'JD', 'SVG', 'PNG', 'MiB', 'Morris', 'Sobol', 'ST', 'S1', 'Enter', 'PageDown', 'PageUp', 'Esc', 'tierwave'];

/**
 * The English the pages could show: every English value of the catalogue, markup and placeholders
 * taken out, cut where a placeholder was, each piece that still holds a word that is not a name.
 */
function englishPieces(): string[] {
  const pieces = new Set<string>();
  for (const value of flatten(en as Tree)) {
    for (const raw of value.replace(/<[^>]+>/g, ' ').split(/\{\{[^}]*\}\}/)) {
      const piece = raw.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
      const words = piece.match(/[A-Za-z]{2,}/g) ?? [];
      if (words.some((w) => !NAMES.includes(w))) pieces.add(piece);
    }
  }
  return [...pieces];
}

const PIECES = englishPieces();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only, and not inside an identifier: "no-closed-loop" (a scenario id) and "channels.direct.conversion" (a path) are names, not English. */
const PATTERNS = PIECES.map((piece) => ({ piece, pattern: new RegExp(`(^|[^A-Za-z_./-])${escapeRegExp(piece)}($|[^A-Za-z_./-])`) }));

/** What a reader sees: visible text (code and key caps aside), options of lists, and the describing attributes. */
function seenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen: string[] = [document.title];
    const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('code, kbd, script, style, textarea') || !visible(parent)) continue;
      if (node.textContent!.trim()) seen.push(node.textContent!.trim());
    }
    for (const option of document.querySelectorAll('select option')) if (visible(option.parentElement!)) seen.push(option.textContent!.trim());
    for (const element of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (element instanceof HTMLTitleElement || !(visible(element) || element instanceof HTMLOptionElement)) continue;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) seen.push(value);
      }
    }
    return seen;
  });
}

async function englishLeft(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const text of await seenTexts(page)) for (const { piece, pattern } of PATTERNS) if (pattern.test(text)) found.push(`"${piece}" in "${text}"`);
  return found;
}

let server: Served;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([servePages(['index.html', 'compare.html', 'sensitivity.html', 'experiments.html']), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}${path}`);
  return { page, problems };
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('the pages in Chinese', () => {
  it('has English words to look for', () => {
    // The list is built from the catalogue; a few pieces of it, checked by hand, must be there.
    expect(PIECES).toEqual(expect.arrayContaining(['Play', 'Customers', 'Follow a share', 'Compare what-ifs', 'Run', 'agents']));
  });

  it('the simulator, a few days into the village, shows no English UI string', async () => {
    const { page, problems } = await open('index.html?scenario=teaching-village&lang=zh');
    await waitForDay(page, 'day >= 0');
    await page.locator('[data-testid=step]').click();
    await page.locator('[data-testid=step]').click();
    await waitForDay(page, 'day >= 2');
    await page.locator('[data-testid=follow-random]').click();
    await page.locator('[data-testid=follow-summary]').filter({ hasText: /\S/ }).waitFor();
    expect(await htmlLang(page)).toMatch(/^zh\b/);
    expect(await page.locator('[data-testid=play]').textContent()).toBe(zh.simulator.play);
    expect(await englishLeft(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the compare page, with a finished comparison, shows no English UI string', async () => {
    const search = new URLSearchParams({ baseline: 'teaching-village', variant: 'teaching-village', set: 'tiers[0].organicPerDay=0', agents: '300', days: '40', replicates: '2', seed: '3', run: '1', lang: 'zh' });
    const { page, problems } = await open(`compare.html?${search}`);
    await page.waitForFunction((finished) => document.querySelector('[data-testid=status]')?.textContent === finished, zh.compare.status.finished, { timeout: 60_000 });
    await page.locator('[data-testid=tier-table] td').first().waitFor();
    expect(await htmlLang(page)).toMatch(/^zh\b/);
    expect(await englishLeft(page)).toEqual([]);
    expect(new URL(await page.locator('[data-testid=permalink]').evaluate((a) => (a as HTMLAnchorElement).href)).searchParams.get('lang')).toBe('zh');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the sensitivity page, with the indices of a replicate, shows no English UI string', async () => {
    const { page, problems } = await open('sensitivity.html?lang=zh');
    await page.getByTestId('experiment-file').setInputFiles('tests/view/fixtures/sensitivity-page.json');
    await page.getByTestId('agents').fill('300');
    await page.getByTestId('run').click();
    await page.waitForFunction(() => Number((document.getElementById('chart') as HTMLElement).dataset.replicates ?? 0) >= 1, undefined, { timeout: 90_000 });
    await page.getByTestId('pause').click();
    expect(await htmlLang(page)).toMatch(/^zh\b/);
    expect(await englishLeft(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the experiments page, with a finished experiment, shows no English UI string', async () => {
    const { page, problems } = await open('experiments.html?lang=zh');
    await page.getByTestId('experiment-file').setInputFiles('tests/view/fixtures/experiment-variants.json');
    await page.getByTestId('agents').fill('300');
    await page.getByTestId('replicates').fill('1');
    await page.getByTestId('run').click();
    await page.waitForFunction((finished) => document.querySelector('[data-testid=status]')?.textContent === finished, zh.experiments.status.finished, { timeout: 90_000 });
    expect(await htmlLang(page)).toMatch(/^zh\b/);
    expect(await englishLeft(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('switching language', () => {
  it('the header switch turns the simulator Chinese in place, the permalink carries lang=zh, and back', async () => {
    const { page, problems } = await open('index.html?scenario=teaching-village');
    await waitForDay(page, 'day >= 0');
    // Headless Chromium's language is en-US: English by default, and no lang in the links.
    expect(await htmlLang(page)).toBe('en-US');
    expect(await page.locator('[data-testid=play]').textContent()).toBe(en.simulator.play);
    await page.locator('[data-testid=step]').click();
    await waitForDay(page, 'day >= 1');
    const day = await page.locator('[data-testid=day]').textContent();
    const status = await page.locator('[data-testid=status]').textContent();
    expect(status).not.toBe(en.simulator.loading);
    await page.locator('[data-testid=language]').click();
    expect(await htmlLang(page)).toBe('zh-CN');
    // The status line says what it said, in Chinese, not the static page's "loading…".
    expect(await page.locator('[data-testid=status]').textContent()).not.toBe(zh.simulator.loading);
    expect(await page.locator('[data-testid=play]').textContent()).toBe(zh.simulator.play);
    expect(await page.locator('[data-testid=headline] caption').textContent()).toBe(zh.simulator.headline.caption);
    expect(await page.locator('[data-testid=language]').textContent()).toBe(zh.language.switch);
    // In place: the same world, still at its day.
    expect(await page.locator('[data-testid=day]').textContent()).toBe(day);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
    const link = new URL(await page.locator('#permalink').evaluate((a) => (a as HTMLAnchorElement).href));
    expect(link.searchParams.get('lang')).toBe('zh');
    expect(link.searchParams.get('day')).toBe(day);
    expect(await englishLeft(page)).toEqual([]);

    // The permalink opens the page in Chinese.
    const again = await browser.newPage();
    await again.goto(link.href);
    await waitForDay(again, `day === ${day}`);
    expect(await htmlLang(again)).toBe('zh-CN');
    expect(await again.locator('[data-testid=play]').textContent()).toBe(zh.simulator.play);
    await again.close();

    await page.locator('[data-testid=language]').click();
    expect(await htmlLang(page)).toBe('en-US');
    expect(await page.locator('[data-testid=play]').textContent()).toBe(en.simulator.play);
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('large counts', () => {
  // The article's 806 million interactions (F8), the national figure of the default world.
  const scenario = loadScenarioFile('scenarios/jd-tencent-2014.json').scenario;
  const tiers = scenario.tiers.length;
  const article = headline(scenario, { days: 0, tiers, values: new Float64Array(seriesLength(0, tiers)) }).interactions_national.article!;

  it('are 亿 and 万 in Chinese and words in English, by Intl', () => {
    expect(article).toBe(806e6);
    expect(formatLargeCount(article, 'zh')).toBe(new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 }).format(article));
    expect(formatLargeCount(article, 'zh')).toContain('亿');
    expect(formatLargeCount(8.1e4, 'zh')).toContain('万');
    expect(formatLargeCount(article, 'en')).toBe(new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(article));
  });

  it('the headline table writes the article’s 806,000,000 as 8.1亿 in Chinese and in words in English', async () => {
    for (const [lang, locale, display] of [['zh', 'zh-CN', 'short'], ['en', 'en-US', 'long']] as const) {
      const { page, problems } = await open(`index.html?scenario=jd-tencent-2014&lang=${lang}`);
      const cell = page.locator('[data-figure=interactions_national] td.article');
      await page.waitForFunction(() => (document.querySelector('[data-figure=interactions_national] td.article')?.textContent ?? '') !== '', undefined, { timeout: 60_000 });
      expect(await cell.textContent()).toBe(new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: display, maximumFractionDigits: 1 }).format(article));
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
